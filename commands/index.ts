// Every slash command, in one list: adapters register and dispatch from here.
import type { CommandContext, CommandModule, Reply, Args } from './types.js';
import { optout } from './optout.js';
import { latest } from './radar/latest.js';
import { search } from './radar/search.js';
import { why } from './radar/why.js';
import { subscribe } from './radar/subscribe.js';
import { unsubscribe } from './radar/unsubscribe.js';
import { subscriptions } from './radar/subscriptions.js';
import { sources } from './radar/sources.js';
import { status } from './radar/status.js';
import { deadlines } from './radar/deadlines.js';
import { help, helpTopics } from './radar/help.js';
import { errorReply } from './reply.js';
import { parseText, UsageError } from './parse.js';
import { logger } from '../src/log.js';

export const topLevel: CommandModule[] = [optout];
export const radarSubcommands: CommandModule[] = [latest, search, why, subscribe, unsubscribe, subscriptions, sources, status, deadlines, help];
export const allCommands: CommandModule[] = [...topLevel, ...radarSubcommands];

helpTopics.splice(0, helpTopics.length, ...allCommands.map((c) => ({ usage: c.definition.usage, description: c.definition.description, managersOnly: c.definition.managersOnly })));

/** Discord keeps manager-only subcommands under their own top-level command (permissions are per top-level command there). */
export function usageFor(mod: CommandModule, platform: string): string {
  return platform === 'discord' && mod.definition.managersOnly ? mod.definition.usage.replace(/^\/radar /, '/radar-admin ') : mod.definition.usage;
}

/** `optout` → the module; `radar` + `latest` → the subcommand. */
export function findCommand(name: string, sub?: string): CommandModule | undefined {
  const n = name.replace(/^\//, '').toLowerCase();
  if (n === 'radar') return radarSubcommands.find((c) => c.definition.name === (sub ?? 'help').toLowerCase());
  return topLevel.find((c) => c.definition.name === n);
}

/** Runs a command with permission checks; never throws — a failure becomes a reply. */
export async function runCommand(mod: CommandModule, args: Args, ctx: CommandContext): Promise<Reply> {
  if (mod.definition.managersOnly && !ctx.isChannelManager)
    return errorReply(`Only channel managers can use ${usageFor(mod, ctx.platform).split(' ').slice(0, 2).join(' ')}. Nothing was changed.`);
  try {
    return await mod.handle(args, ctx);
  } catch (err) {
    if (err instanceof UsageError) return errorReply(err.message, err.usage);
    logger.error({ module: 'commands', command: mod.definition.name, err: err instanceof Error ? err.message : String(err) }, 'command failed');
    return errorReply('Something went wrong on our side; nothing was changed. Try again in a minute.');
  }
}

/** Text form ("/radar latest 5"): parse, then run. Unknown subcommands get the help. */
export async function runTextCommand(command: string, text: string, ctx: CommandContext): Promise<Reply> {
  const isRadar = command.replace(/^\//, '').toLowerCase() === 'radar';
  let rest = text.trim();
  let mod: CommandModule | undefined;
  if (isRadar) {
    const first = rest.split(/\s+/, 1)[0] ?? '';
    mod = findCommand('radar', first || 'help');
    if (!mod) {
      const names = radarSubcommands.map((c) => c.definition.name).join(', ');
      return errorReply(`Unknown /radar command “${first.slice(0, 30)}”. Try one of: ${names}.`, '/radar help');
    }
    rest = rest.slice(first.length).trim();
  } else mod = findCommand(command);
  if (!mod) return errorReply(`Unknown command ${command.slice(0, 30)}.`);
  let args: Args;
  try {
    args = parseText(mod.definition, rest);
  } catch (err) {
    if (err instanceof UsageError) return errorReply(err.message, err.usage);
    throw err;
  }
  return runCommand(mod, args, ctx);
}
