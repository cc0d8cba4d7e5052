// Builds the Bolt App: Web API client pointed at SLACK_API_URL with sane
// retries, and the receiver for the mode in use. HTTP mode gets a receiver
// that does nothing (our fastify route feeds events in); Socket Mode gets
// Bolt's SocketModeReceiver, whose WSS URL comes from apps.connections.open
// through the same base URL.
import { App, LogLevel, SocketModeReceiver, webApi, type Logger, type Receiver } from '@slack/bolt';
import { logger } from '../../log.js';

export const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';

export interface RetryPolicy {
  retries: number;
  factor?: number;
  minTimeout?: number;
  maxTimeout?: number;
  randomize?: boolean;
}

export interface SlackAppOptions {
  token: string;
  appToken?: string;
  apiUrl?: string;
  /** 5xx and network retries inside the web client (429s are handled by the sink and by delivery). */
  retryConfig?: RetryPolicy;
}

/**
 * A few quick retries for 5xx/network trouble: an outage longer than that is
 * delivery's business (the outbox retries later), not a minutes-long stall
 * inside one call — the web client's default is ten retries over half an hour.
 */
export const DEFAULT_RETRY: RetryPolicy = { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 4000, randomize: true };

/** Bolt and the Slack SDK log through our pino logger (and its secret scrubbing). */
export function boltLogger(): Logger {
  const log = logger.child({ module: 'slack-sdk' });
  let level = LogLevel.INFO;
  const text = (msg: unknown[]) => msg.map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : JSON.stringify(m))).join(' ');
  return {
    debug: (...m: unknown[]) => log.debug(text(m)),
    info: (...m: unknown[]) => log.info(text(m)),
    warn: (...m: unknown[]) => log.warn(text(m)),
    error: (...m: unknown[]) => log.error(text(m)),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

/** Our HTTP route calls app.processEvent itself, so this receiver has nothing to start. */
export class RouteReceiver implements Receiver {
  app?: App;
  init(app: App): void {
    this.app = app;
  }
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
}

export function normaliseApiUrl(url: string | undefined): string {
  const base = url?.trim() || DEFAULT_SLACK_API_URL;
  return base.endsWith('/') ? base : `${base}/`;
}

/** Who the bot is (auth.test), asked once and remembered; a failure is retried on the next use. */
export type Identity = () => Promise<{ botUserId: string; botId: string; team?: string; user?: string }>;

export interface SlackApp {
  app: App;
  /** The bot-token client: alerts, users.info, auth.test. */
  client: webApi.WebClient;
  identity: Identity;
  mode: 'http' | 'socket';
}

export function createSlackApp(opts: SlackAppOptions): SlackApp {
  const boltLog = boltLogger();
  // Each client gets its own options object: the Socket Mode client writes
  // its own retry policy into the object it is given when none is set.
  const clientOptions = () => ({
    slackApiUrl: normaliseApiUrl(opts.apiUrl),
    retryConfig: { ...(opts.retryConfig ?? DEFAULT_RETRY) },
    // 429s are not retried blindly inside the client: the sink waits out Retry-After itself.
    rejectRateLimitedCalls: true,
    logger: boltLog,
  });
  const client = new webApi.WebClient(opts.token, clientOptions());
  let who: ReturnType<Identity> | undefined;
  const identity: Identity = () =>
    (who ??= client.auth
      .test()
      .then((r) => ({ botUserId: String(r.user_id ?? ''), botId: String(r.bot_id ?? ''), ...(r.team ? { team: r.team } : {}), ...(r.user ? { user: r.user } : {}) }))
      .catch((err: unknown) => {
        who = undefined;
        throw err;
      }));
  const common = {
    // Instead of `token`: Bolt would otherwise call auth.test on every event
    // (or once at construction, as an unhandled promise while Slack may be unreachable).
    authorize: async () => ({ botToken: opts.token, ...(await identity()) }),
    logger: boltLog,
    clientOptions: clientOptions(),
  };
  if (opts.appToken) {
    const receiver = new SocketModeReceiver({
      appToken: opts.appToken,
      logger: boltLog,
      installerOptions: { clientOptions: { ...clientOptions(), retryConfig: { retries: 10, factor: 1.5, minTimeout: 1000, maxTimeout: 30_000 } } },
    });
    return { app: new App({ ...common, socketMode: true, receiver }), client, identity, mode: 'socket' };
  }
  return { app: new App({ ...common, receiver: new RouteReceiver() }), client, identity, mode: 'http' };
}
