// POST /slack/events on the bot's one fastify server (HTTP mode). Checks
// Slack's signature over the raw body (a stale or wrong one gets 401 and
// nothing runs), then hands the payload to Bolt with app.processEvent and
// answers with whatever the listener acks, within Slack's 3 seconds.
import type { App } from '@slack/bolt';
import { ReceiverMultipleAckError, verifySlackRequest } from '@slack/bolt';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteInstaller } from '../../http/server.js';
import { logger } from '../../log.js';
import { ReplayGuard } from '../../http/replay.js';

const log = logger.child({ module: 'slack' });

export interface SlackRouteOptions {
  signingSecret: string;
  path?: string;
  /** After this long without an ack the request is answered 404 like Bolt does (Slack gives up at 3 s). */
  unackedTimeoutMs?: number;
  now?: () => number;
  /** Remembers accepted signatures for 5 minutes (memory only by default; pass one backed by the store for replicas). */
  replay?: ReplayGuard;
}

/** Parses a verified body: form fields, an interactive `payload=<json>`, or JSON. */
export function parseSlackBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if ((contentType ?? '').includes('application/x-www-form-urlencoded')) {
    const form = Object.fromEntries(new URLSearchParams(raw));
    if (typeof form.payload === 'string') return JSON.parse(form.payload) as Record<string, unknown>;
    return form;
  }
  const parsed: unknown = JSON.parse(raw);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
  return parsed as Record<string, unknown>;
}

function verified(req: FastifyRequest, raw: string, secret: string, now: number): boolean {
  const signature = req.headers['x-slack-signature'];
  const timestamp = req.headers['x-slack-request-timestamp'];
  if (typeof signature !== 'string' || typeof timestamp !== 'string' || !/^\d{1,12}$/.test(timestamp)) return false;
  // Bolt only refuses old timestamps; one from the future is refused too (same 5 minutes).
  if (Math.abs(now / 1000 - Number(timestamp)) > 300) return false;
  try {
    verifySlackRequest({
      signingSecret: secret,
      body: raw,
      headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': Number(timestamp) },
      nowMilliseconds: now,
    });
    return true;
  } catch {
    return false;
  }
}

type AckBody = string | Record<string, unknown> | undefined;

async function dispatch(app: App, body: Record<string, unknown>, req: FastifyRequest, timeoutMs: number): Promise<{ acked: true; response: AckBody } | { acked: false }> {
  let settle!: (v: { acked: true; response: AckBody } | { acked: false }) => void;
  const outcome = new Promise<{ acked: true; response: AckBody } | { acked: false }>((r) => (settle = r));
  let acked = false;
  const ack = async (response?: AckBody) => {
    if (acked) throw new ReceiverMultipleAckError();
    acked = true;
    settle({ acked: true, response });
  };
  const retryNum = Number(req.headers['x-slack-retry-num']);
  const retryReason = req.headers['x-slack-retry-reason'];
  const timer = setTimeout(() => settle({ acked: false }), timeoutMs);
  app
    .processEvent({
      body,
      ack,
      ...(Number.isFinite(retryNum) ? { retryNum } : {}),
      ...(typeof retryReason === 'string' ? { retryReason } : {}),
    })
    .then(() => settle({ acked: false }))
    .catch((err: unknown) => {
      log.error({ err: err instanceof Error ? err.message : String(err) }, 'slack listener failed');
      settle({ acked: false });
    });
  const result = await outcome;
  clearTimeout(timer);
  return result;
}

function send(reply: FastifyReply, response: AckBody): FastifyReply {
  if (response === undefined || response === '') return reply.code(200).send('');
  if (typeof response === 'string') return reply.code(200).type('text/plain; charset=utf-8').send(response);
  return reply.code(200).type('application/json; charset=utf-8').send(JSON.stringify(response));
}

export function slackEventsRoute(getApp: () => App, opts: SlackRouteOptions): RouteInstaller {
  const path = opts.path ?? '/slack/events';
  const timeoutMs = opts.unackedTimeoutMs ?? 3001;
  const now = opts.now ?? Date.now;
  const replay = opts.replay ?? new ReplayGuard();
  return (server: FastifyInstance) => {
    // An encapsulated plugin: the raw-body parser applies to this route only.
    void server.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
      scope.post(path, async (req, reply) => {
        const raw = typeof req.body === 'string' ? req.body : '';
        if (!verified(req, raw, opts.signingSecret, now())) {
          log.warn({ ip: req.ip }, 'slack request refused: bad, missing or stale signature');
          return reply.code(401).send('');
        }
        // An exact copy of a request we already accepted: Slack's own retry (it got no
        // answer in time) is acknowledged and not run again; any other copy is refused.
        if (await replay.isReplay(String(req.headers['x-slack-signature']))) {
          if (req.headers['x-slack-retry-num'] !== undefined) return reply.code(200).send('');
          log.warn({ ip: req.ip }, 'slack request refused: replay of an accepted request');
          return reply.code(401).send('');
        }
        let body: Record<string, unknown>;
        try {
          body = parseSlackBody(raw, req.headers['content-type']);
        } catch {
          return reply.code(400).send('');
        }
        if (body.ssl_check !== undefined) return reply.code(200).send('');
        if (body.type === 'url_verification' && typeof body.challenge === 'string') return reply.code(200).send({ challenge: body.challenge });
        const result = await dispatch(getApp(), body, req, timeoutMs);
        if (!result.acked) return reply.code(404).send('');
        return send(reply, result.response);
      });
    });
  };
}
