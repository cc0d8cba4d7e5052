// The Slack runtime: one Bolt App whose listeners serve both the HTTP route
// (/slack/events on the bot's server, when a signing secret is set) and Socket
// Mode (when SLACK_APP_TOKEN is set), plus the alert sink.
import type { App } from '@slack/bolt';
import type { ChatRuntime, RuntimeFactory } from '../../app.js';
import type { Config } from '../../config/load.js';
import type { Source } from '../../domain.js';
import type { Store } from '../../store/store.js';
import type { RouteInstaller } from '../../http/server.js';
import type { CommandServices } from '../../../commands/types.js';
import { loadSources } from '../../sources/index.js';
import { createSlackApp, type RetryPolicy } from './client.js';
import { registerListeners } from './listeners.js';
import { ManagerCheck } from './permissions.js';
import { slackEventsRoute } from './route.js';
import { SlackSink, type SlackSinkOptions } from './sink.js';
import { logger } from '../../log.js';
import { ReplayGuard } from '../../http/replay.js';

export { SlackSink } from './sink.js';
export { renderAlertBlocks } from './alert-blocks.js';
export { renderReply } from './reply-blocks.js';

const log = logger.child({ module: 'slack' });

/** Knobs tests turn (timings, retries); production uses the defaults. */
export interface SlackTuning {
  retryConfig?: RetryPolicy;
  sink?: Partial<Omit<SlackSinkOptions, 'channels'>>;
  ackBudgetMs?: number;
  sources?: Source[];
  now?: () => Date;
}

export interface SlackRuntime extends ChatRuntime {
  app: App;
  mode: 'http' | 'socket';
  sink: SlackSink;
}

export async function buildSlackRuntime(config: Config, deps: { store: Store }, tuning: SlackTuning = {}): Promise<SlackRuntime | undefined> {
  const token = config.SLACK_BOT_TOKEN;
  if (!token) return undefined;
  const { app, client, identity, mode } = createSlackApp({
    token,
    ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
    ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
    ...(tuning.retryConfig ? { retryConfig: tuning.retryConfig } : {}),
  });
  const startedAt = new Date();
  let sources: Promise<Source[]> | undefined = tuning.sources ? Promise.resolve(tuning.sources) : undefined;
  const services = async (): Promise<CommandServices> => {
    // The source list is only needed by /radar sources and status; read it once, on first use.
    sources ??= loadSources(config.SOURCES_FILE).catch((err: unknown) => {
      log.warn({ err: err instanceof Error ? err.message : String(err) }, 'could not read the sources for /radar');
      sources = undefined;
      return [];
    });
    return { store: deps.store, now: tuning.now ?? (() => new Date()), sources: await sources, startedAt };
  };
  registerListeners(app, {
    services,
    managers: new ManagerCheck(client, config.SLACK_ADMIN_USERS),
    lang: config.ALERT_LANG,
    ...(tuning.ackBudgetMs !== undefined ? { ackBudgetMs: tuning.ackBudgetMs } : {}),
  });
  app.error(async (err) => {
    log.error({ err: err.message, code: err.code }, 'slack listener error');
  });
  const sink = new SlackSink(client, { channels: config.SLACK_ALERT_CHANNELS, ...tuning.sink }, identity);
  const routes: RouteInstaller[] = config.SLACK_SIGNING_SECRET
    ? [slackEventsRoute(() => app, { signingSecret: config.SLACK_SIGNING_SECRET, replay: new ReplayGuard({ locks: deps.store.locks }) })]
    : [];
  if (mode === 'http' && routes.length === 0) log.warn('Slack HTTP mode without SLACK_SIGNING_SECRET: slash commands are disabled');

  return {
    name: 'slack',
    app,
    mode,
    sink,
    routes,
    async start() {
      try {
        const who = await identity();
        log.info({ team: who.team, bot: who.user, mode }, 'slack connected');
      } catch (err) {
        // Not fatal: alerts wait in the outbox and commands work once Slack answers.
        log.error({ err: err instanceof Error ? err.message : String(err) }, 'slack auth.test failed; check SLACK_BOT_TOKEN and SLACK_API_URL');
      }
      if (mode === 'socket') {
        // Waited for a few seconds at most: while Slack is unreachable the socket client
        // keeps retrying, and serve must not wait for it before polling (alerts wait in the outbox).
        const connecting = app.start().then(
          () => log.info('slack socket mode connected'),
          (err: unknown) => log.error({ err: err instanceof Error ? err.message : String(err) }, 'slack socket mode failed to connect; check SLACK_APP_TOKEN'),
        );
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<'late'>((r) => (timer = setTimeout(() => r('late'), 5_000)));
        if ((await Promise.race([connecting, late])) === 'late') log.warn('slack socket mode still connecting; going on without it (it keeps retrying)');
        clearTimeout(timer);
      }
    },
    async stop() {
      if (mode === 'socket') await app.stop().catch(() => undefined);
    },
  };
}

/** For the CLI's list of runtime factories: undefined when SLACK_BOT_TOKEN is unset. */
export const createSlackRuntime: RuntimeFactory = (config, deps) => buildSlackRuntime(config, deps, { sources: deps.sources });
