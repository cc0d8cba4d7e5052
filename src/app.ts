// Assembles the bot from its configuration: store, sources, chat runtimes and
// the poll cycle. The CLI's serve, poll and demo commands all start from here.
import type { Config } from './config/load.js';
import type { Source } from './domain.js';
import type { AlertSink } from './delivery/port.js';
import type { RouteInstaller } from './http/server.js';
import { Store } from './store/store.js';
import { loadSources } from './sources/index.js';
import { runCycle, type CycleReport } from './pipeline/poll.js';
import { Outbox } from './delivery/outbox.js';
import { DigestRunner } from './delivery/digest.js';
import { ReminderRunner } from './deadlines/reminders.js';
import { composeAlert } from './compose/index.js';
import { getKb } from './kb/index.js';
import { Fetcher } from './fetch/fetcher.js';
import { ArticleFetcher } from './article/index.js';
import { ConsoleSink } from './adapters/console/sink.js';
import { logger } from './log.js';
import { Metrics } from './metrics/metrics.js';
import { countOutbox } from './metrics/outbox-depth.js';

/** A chat platform wired into the bot: where alerts go, and what it serves. */
export interface ChatRuntime {
  name: string;
  sink: AlertSink;
  routes?: RouteInstaller[];
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

export type RuntimeFactory = (config: Config, app: { store: Store; sources: Source[] }) => Promise<ChatRuntime | undefined>;

/** Factories for Slack and Discord register here (adapters depend on the core, not the reverse). */
export const runtimeFactories: RuntimeFactory[] = [];

export interface Bot {
  config: Config;
  store: Store;
  sources: Source[];
  runtimes: ChatRuntime[];
  sinks: AlertSink[];
  outbox: Outbox;
  digests: DigestRunner;
  /** Deadline reminders (REMINDER_DAYS before each deadline a channel's filters match). */
  reminders: ReminderRunner;
  /** This bot's Prometheus metrics (a private registry, served at /metrics). */
  metrics: Metrics;
  cycle(opts?: { dryRun?: boolean }): Promise<CycleReport>;
  close(): Promise<void>;
}

export interface BotOptions {
  sourcesFile?: string;
  /** Sources given directly (the demo); wins over files. */
  sources?: Source[];
  /** Extra sinks (e.g. the console when printing a --dry-run). */
  extraSinks?: AlertSink[];
  /** Force the console sink even when chat platforms are configured. */
  console?: boolean;
  /** Start no chat platform (used by --dry-run, which only prints). */
  noChat?: boolean;
  fetcherOptions?: Record<string, unknown>;
  now?: () => Date;
  /** Outbox tuning (tests: fast backoff, crash hooks). */
  outbox?: Partial<ConstructorParameters<typeof Outbox>[0]>;
}

export async function createBot(config: Config, opts: BotOptions = {}): Promise<Bot> {
  // A broken knowledge-base file stops the bot at start, naming the file and field.
  getKb();
  const store = await Store.open(config.STORE_URL, { prefix: config.STORE_PREFIX });
  try {
    const sources = opts.sources ?? (await loadSources(opts.sourcesFile ?? config.SOURCES_FILE));
    const runtimes: ChatRuntime[] = [];
    for (const factory of opts.noChat ? [] : runtimeFactories) {
      const rt = await factory(config, { store, sources });
      if (rt) runtimes.push(rt);
    }
    const sinks: AlertSink[] = runtimes.map((r) => r.sink);
    if (opts.console || sinks.length === 0) sinks.push(new ConsoleSink());
    for (const s of opts.extraSinks ?? []) sinks.push(s);
    if (runtimes.length === 0 && !opts.noChat)
      logger.warn(
        { module: 'app' },
        'no Slack or Discord credentials set (SLACK_BOT_TOKEN / DISCORD_TOKEN): alerts are posted to the console (stdout)',
      );
    const metrics = new Metrics({ outboxCounts: async () => countOutbox(await store.deliveries.values()) });
    const outbox = new Outbox({
      store,
      metrics,
      sinks,
      compose: (story, lang) => composeAlert(story, story.decision!, { lang, now: opts.now?.() }),
      threshold: config.CLASSIFIER_THRESHOLD,
      defaultLang: config.ALERT_LANG,
      now: opts.now,
      lockTtlMs: config.OUTBOX_LOCK_SECONDS * 1000,
      ...opts.outbox,
    });
    const digests = new DigestRunner({
      store,
      sinks,
      compose: (story, lang) => composeAlert(story, story.decision!, { lang, now: opts.now?.() }),
      defaultLang: config.ALERT_LANG,
      now: opts.now,
    });
    const reminders = new ReminderRunner({
      store,
      sinks,
      defaultLang: config.ALERT_LANG,
      days: config.REMINDER_DAYS,
      threshold: config.CLASSIFIER_THRESHOLD,
      now: opts.now,
    });
    const printer = new ConsoleSink();
    const fetcher = new Fetcher({ ...(opts.fetcherOptions ?? {}) });
    const articles = config.FETCH_ARTICLES ? new ArticleFetcher({ store }) : undefined;
    const bot: Bot = {
      config,
      store,
      sources,
      runtimes,
      sinks,
      outbox,
      digests,
      reminders,
      metrics,
      cycle: (c = {}) =>
        runCycle({
          store,
          sources,
          sinks,
          outbox,
          threshold: config.CLASSIFIER_THRESHOLD,
          maxAgeDays: config.MAX_ITEM_AGE_DAYS,
          alertLang: config.ALERT_LANG,
          dryRun: c.dryRun ? { print: printer } : undefined,
          now: opts.now,
          fetcher,
          articles,
          metrics,
        }),
      close: async () => {
        for (const r of runtimes) await r.stop?.().catch(() => undefined);
        await store.close();
      },
    };
    return bot;
  } catch (err) {
    await store.close();
    throw err;
  }
}
