// The operator-facing routes (SPEC §4): `/` status page, `/metrics`,
// `/feed.xml` and `/feed.json`. Installed on the bot's one HTTP port by serve.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Source } from '../domain.js';
import type { Store } from '../store/store.js';
import type { RouteInstaller } from '../http/server.js';
import type { Metrics } from '../metrics/metrics.js';
import { html } from './html.js';
import { layout, STATUS_CSP } from './layout.js';
import { loadStatus } from './status-data.js';
import { freshnessSection, outboxSection, sourcesSection, storiesSection, subscriptionsSection, summarySection } from './sections.js';
import { feedMeta, toEntry } from './feed-model.js';
import { atomFeed, ATOM_TYPE } from './atom.js';
import { jsonFeed, JSON_FEED_TYPE } from './json-feed.js';
import { logger } from '../log.js';

const log = logger.child({ module: 'web' });

export interface WebDeps {
  store: Store;
  /** A function so a reloaded source list shows without reinstalling routes. */
  sources: () => Source[];
  metrics?: Metrics;
  /** Public URL of the bot, for the feeds' absolute links; else taken from the request. */
  baseUrl?: string;
  now?: () => Date;
  /** How many relevant stories the feeds carry. */
  feedSize?: number;
}

const COMMON_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

function baseOf(req: FastifyRequest, configured?: string): string {
  if (configured) return configured.replace(/\/+$/, '');
  // Host comes from the client; it only ever lands escaped inside our own links.
  const host = /^[a-z0-9.:[\]-]+$/i.test(req.host) ? req.host : 'localhost';
  return `${req.protocol}://${host}`;
}

export function webRoutes(deps: WebDeps): RouteInstaller {
  const now = deps.now ?? (() => new Date());
  const feedSize = deps.feedSize ?? 50;

  const fail = (reply: FastifyReply, what: string, err: unknown) => {
    log.error({ err: err instanceof Error ? err.message : String(err) }, `${what} failed`);
    return reply.code(503).headers(COMMON_HEADERS).type('text/plain; charset=utf-8').send(`${what} is unavailable right now (store unreachable?)\n`);
  };

  const relevantEntries = async (home: string) => {
    const t = now().toISOString();
    const stories = (await deps.store.stories.values())
      .filter((s) => s.decision?.relevant)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
      .slice(0, feedSize);
    const entries = stories.map((s) => toEntry(s, `${home}/`, t));
    return { meta: feedMeta(home, entries, t), entries };
  };

  return (app) => {
    app.get('/', async (_req, reply) => {
      try {
        const d = await loadStatus(deps.store, deps.sources(), now());
        const body = html`${summarySection(d)}${sourcesSection(d)}${storiesSection(d)}${subscriptionsSection(d)}${outboxSection(d)}${freshnessSection(d)}`;
        return reply
          .headers({ ...COMMON_HEADERS, 'content-security-policy': STATUS_CSP, 'x-frame-options': 'DENY' })
          .type('text/html; charset=utf-8')
          .send(layout('optout-radar status', body, d.now));
      } catch (err) {
        return fail(reply, 'the status page', err);
      }
    });

    app.get('/metrics', async (_req, reply) => {
      if (!deps.metrics) return reply.code(404).type('text/plain; charset=utf-8').send('metrics are not enabled\n');
      try {
        const text = await deps.metrics.metricsText();
        return reply.headers(COMMON_HEADERS).type(deps.metrics.contentType).send(text);
      } catch (err) {
        return fail(reply, 'metrics', err);
      }
    });

    app.get('/feed.xml', async (req, reply) => {
      try {
        const { meta, entries } = await relevantEntries(baseOf(req, deps.baseUrl));
        return reply.headers(COMMON_HEADERS).type(ATOM_TYPE).send(atomFeed(meta, entries));
      } catch (err) {
        return fail(reply, 'the Atom feed', err);
      }
    });

    app.get('/feed.json', async (req, reply) => {
      try {
        const { meta, entries } = await relevantEntries(baseOf(req, deps.baseUrl));
        return reply.headers(COMMON_HEADERS).type(JSON_FEED_TYPE).send(jsonFeed(meta, entries));
      } catch (err) {
        return fail(reply, 'the JSON feed', err);
      }
    });
  };
}
