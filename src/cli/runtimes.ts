// The chat platforms the CLI starts. Adapters live at the edge: the core only
// knows the RuntimeFactory type, and this list is where they are plugged in.
// They are imported on demand: the Slack and Discord libraries are heavy and
// most commands never need them.
import { runtimeFactories, type RuntimeFactory } from '../app.js';

let installed = false;
export async function installRuntimes(): Promise<void> {
  if (installed) return;
  installed = true;
  const slack: RuntimeFactory = async (config, deps) => (config.SLACK_BOT_TOKEN ? (await import('../adapters/slack/index.js')).createSlackRuntime(config, deps) : undefined);
  const discord: RuntimeFactory = async (config, deps) =>
    config.DISCORD_TOKEN || config.DISCORD_PUBLIC_KEY || config.DISCORD_ALERT_CHANNELS.length
      ? (await import('../adapters/discord/index.js')).createDiscordRuntime(config, deps)
      : undefined;
  runtimeFactories.push(slack, discord);
}
