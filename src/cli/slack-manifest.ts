// `optout-radar slack-manifest [--url https://host] [--socket]`: prints a Slack
// app manifest (JSON) that creates a working app in one paste: both slash
// commands with usage hints, the bot scopes the adapter uses, and either the
// request URLs (HTTP mode) or Socket Mode.
import type { Command } from 'commander';

export interface ManifestOptions {
  /** Public base URL of the bot, e.g. https://radar.example.org (HTTP mode). */
  url?: string;
  socket?: boolean;
  name?: string;
}

/** Bot scopes, each for a reason. */
export const BOT_SCOPES = [
  'commands', // /optout and /radar
  'chat:write', // post and edit alerts
  'chat:write.public', // post to public alert channels without being invited first
  'users:read', // users.info: is the caller a workspace admin/owner (subscribe/unsubscribe)
  'channels:history', // conversations.history: find an alert already posted (after a crash) in public channels
  'groups:history', // … and in private channels the bot was invited to
] as const;

export function buildSlackManifest(opts: ManifestOptions = {}): Record<string, unknown> {
  const socket = Boolean(opts.socket);
  const base = opts.url?.replace(/\/+$/, '');
  if (!socket && !base) throw new Error('give --url https://your-host (HTTP mode) or --socket (Socket Mode)');
  if (base && !/^https:\/\//i.test(base)) throw new Error('--url must be an https:// URL that Slack can reach');
  const requestUrl = base ? `${base}/slack/events` : undefined;
  const withUrl = socket || !requestUrl ? {} : { url: requestUrl };
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: (opts.name ?? 'optout-radar').slice(0, 35),
      description: 'Alerts about AI trained on people’s data, with the steps to opt out.',
      background_color: '#1d3557',
    },
    features: {
      bot_user: { display_name: 'optout-radar', always_online: true },
      slash_commands: [
        {
          command: '/optout',
          description: 'How to opt out of AI training on a platform',
          usage_hint: 'linkedin [region] [share]',
          should_escape: false,
          ...withUrl,
        },
        {
          command: '/radar',
          description: 'Stories, subscriptions and status of optout-radar',
          usage_hint: 'latest [n] | search <words> | why <id> | subscribe [filters] | unsubscribe | subscriptions | sources | status | help',
          should_escape: false,
          ...withUrl,
        },
      ],
    },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      interactivity: { is_enabled: true, ...(socket || !requestUrl ? {} : { request_url: requestUrl }) },
      org_deploy_enabled: false,
      socket_mode_enabled: socket,
      token_rotation_enabled: false,
    },
  };
}

export function registerSlackManifestCommand(program: Command): void {
  program
    .command('slack-manifest')
    .description('print the Slack app manifest (slash commands, scopes, request URLs or Socket Mode) to paste into api.slack.com/apps')
    .option('--url <base>', 'public https base URL of this bot (HTTP mode); /slack/events is appended')
    .option('--socket', 'Socket Mode: no public URL needed (set SLACK_APP_TOKEN)')
    .option('--name <name>', 'app name shown in Slack', 'optout-radar')
    .action((o: { url?: string; socket?: boolean; name?: string }) => {
      let manifest: Record<string, unknown>;
      try {
        manifest = buildSlackManifest({ ...(o.url ? { url: o.url } : {}), socket: Boolean(o.socket), ...(o.name ? { name: o.name } : {}) });
      } catch (err) {
        process.stderr.write(`optout-radar slack-manifest: ${(err as Error).message}\n`);
        process.exitCode = 2;
        return;
      }
      process.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
    });
}
