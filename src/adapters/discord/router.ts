// One interaction handler for both ways in (HTTP endpoint and gateway): it
// turns a raw Discord interaction into the shared commands/ modules' Args and
// Caller, and their Reply into an interaction response.
import {
  ApplicationCommandOptionType,
  InteractionResponseType,
  InteractionType,
  PermissionFlagsBits,
  Routes,
  type APIApplicationCommandInteractionDataOption,
  type APIInteraction,
  type APIInteractionResponse,
  type REST,
} from 'discord.js';
import type { Args, CommandContext, CommandModule, CommandServices } from '../../../commands/types.js';
import { findCommand, runCommand } from '../../../commands/index.js';
import { coerce, UsageError } from '../../../commands/parse.js';
import { errorReply } from '../../../commands/reply.js';
import { supportedLabelLangs } from '../../compose/labels/index.js';
import { logger } from '../../log.js';
import { EPHEMERAL, renderReply } from './embeds.js';
import { LIMITS, cut, oneLine } from './text.js';
import { RADAR, RADAR_ADMIN } from './commands.js';

const log = logger.child({ module: 'discord' });

export interface RouterDeps {
  services: CommandServices;
  /** Used for the follow-up edit after a deferred answer (no bot token needed). */
  rest: REST;
  /**
   * Discord drops an answer that comes after 3 s; a command still running after
   * this long is answered "thinking…" (deferred) and its reply edited in later.
   * Default 2000 ms; 0 always defers.
   */
  deferAfterMs?: number;
}

export interface Handled {
  /** The initial response: the HTTP body, or what the gateway posts to the callback route. */
  response: APIInteractionResponse;
  /** Runs after the initial response was sent (the deferred reply's edit). */
  followUp?: () => Promise<void>;
}

type Option = APIApplicationCommandInteractionDataOption;

const MANAGER_BITS = PermissionFlagsBits.ManageChannels | PermissionFlagsBits.Administrator;

/** From the member's permissions in this channel (Discord computes them, overwrites included). */
export function isChannelManager(i: APIInteraction): boolean {
  const perms = i.member?.permissions;
  if (!perms || !/^\d+$/.test(perms)) return false;
  return (BigInt(perms) & MANAGER_BITS) !== 0n;
}

function callerOf(i: APIInteraction, services: CommandServices): CommandContext {
  const locale = (('locale' in i ? i.locale : undefined) ?? i.guild_locale ?? '').slice(0, 2).toLowerCase();
  return {
    platform: 'discord',
    channelId: i.channel?.id ?? ('channel_id' in i && typeof i.channel_id === 'string' ? i.channel_id : ''),
    userId: i.member?.user.id ?? i.user?.id ?? '',
    isChannelManager: isChannelManager(i),
    ...(supportedLabelLangs().includes(locale) ? { lang: locale } : {}),
    services,
  };
}

/** The command module and its leaf options for /optout, /radar <sub>, /radar-admin <sub>. */
function resolve(name: string, options: Option[] | undefined): { mod?: CommandModule; leaf: Option[] } {
  if (name === RADAR || name === RADAR_ADMIN) {
    const sub = options?.find((o) => o.type === ApplicationCommandOptionType.Subcommand);
    const mod = sub ? findCommand('radar', sub.name) : findCommand('radar', 'help');
    return { mod, leaf: sub && 'options' in sub ? ((sub.options ?? []) as Option[]) : [] };
  }
  return { mod: findCommand(name), leaf: (options ?? []) as Option[] };
}

/** Typed Discord options → Args, checked with the same rules as the text form. */
export function argsFrom(mod: CommandModule, leaf: Option[]): Args {
  const def = mod.definition;
  const args: Args = {};
  for (const o of leaf) {
    const opt = def.options.find((d) => d.name === o.name);
    if (!opt || !('value' in o)) continue;
    args[opt.name] = coerce(opt, String(o.value), def);
  }
  for (const opt of def.options) if (opt.required && args[opt.name] === undefined) throw new UsageError(`${opt.name} is missing`, def.usage);
  return args;
}

function message(reply: Parameters<typeof renderReply>[0]): APIInteractionResponse {
  return { type: InteractionResponseType.ChannelMessageWithSource, data: renderReply(reply) };
}

async function command(i: APIInteraction & { type: InteractionType.ApplicationCommand }, deps: RouterDeps): Promise<Handled> {
  const data = i.data;
  const options = 'options' in data ? (data.options as Option[] | undefined) : undefined;
  const { mod, leaf } = resolve(data.name, options);
  if (!mod) return { response: message(errorReply(`Unknown command /${oneLine(data.name).slice(0, 32)}.`)) };
  let args: Args;
  try {
    args = argsFrom(mod, leaf);
  } catch (err) {
    if (err instanceof UsageError) return { response: message(errorReply(err.message, err.usage)) };
    throw err;
  }
  const work = runCommand(mod, args, callerOf(i, deps.services));
  const budget = deps.deferAfterMs ?? 2_000;
  let timer: NodeJS.Timeout | undefined;
  // A budget of 0 always defers (no race), which keeps the deferred path testable.
  const late = new Promise<'late'>((r) => (budget <= 0 ? r('late') : (timer = setTimeout(() => r('late'), budget))));
  const first = budget <= 0 ? await late : await Promise.race([work, late]);
  clearTimeout(timer);
  if (first !== 'late') return { response: message(first) };
  log.info({ command: mod.definition.name }, 'slow command: answered deferred, reply follows');
  return {
    // Ephemeral is fixed at defer time; a slow reply is private, like most replies.
    response: { type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: EPHEMERAL } },
    followUp: async () => {
      const body = renderReply(await work);
      delete body.flags;
      await deps.rest.patch(Routes.webhookMessage(i.application_id, i.token, '@original'), { body, auth: false });
    },
  };
}

function focused(options: Option[] | undefined): { sub?: string; option?: { name: string; value: string } } {
  for (const o of options ?? []) {
    if (o.type === ApplicationCommandOptionType.Subcommand || o.type === ApplicationCommandOptionType.SubcommandGroup) {
      const inner = focused((o.options ?? []) as Option[]);
      if (inner.option) return { sub: inner.sub ?? o.name, option: inner.option };
    } else if ('focused' in o && o.focused) return { option: { name: o.name, value: String(o.value ?? '') } };
  }
  return {};
}

async function autocomplete(i: APIInteraction & { type: InteractionType.ApplicationCommandAutocomplete }, deps: RouterDeps): Promise<Handled> {
  const options = (i.data.options ?? []) as Option[];
  const { sub, option } = focused(options);
  const mod = i.data.name === RADAR || i.data.name === RADAR_ADMIN ? findCommand('radar', sub ?? 'help') : findCommand(i.data.name);
  let choices: { name: string; value: string }[] = [];
  if (mod?.autocomplete && option) {
    try {
      choices = await mod.autocomplete(option.name, option.value.slice(0, 100), callerOf(i, deps.services));
    } catch (err) {
      log.warn({ command: mod.definition.name, err: err instanceof Error ? err.message : String(err) }, 'autocomplete failed');
    }
  }
  const clean = choices
    .map((c) => ({ name: cut(oneLine(c.name), LIMITS.choiceName), value: oneLine(c.value).slice(0, LIMITS.choiceValue) }))
    .filter((c) => c.name && c.value)
    .slice(0, LIMITS.choices);
  return { response: { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: clean } } };
}

/** Answers any interaction; never throws (a failure becomes an ephemeral message). */
export async function handleInteraction(i: APIInteraction, deps: RouterDeps): Promise<Handled> {
  try {
    switch (i.type) {
      case InteractionType.Ping:
        return { response: { type: InteractionResponseType.Pong } };
      case InteractionType.ApplicationCommand:
        return await command(i, deps);
      case InteractionType.ApplicationCommandAutocomplete:
        return await autocomplete(i, deps);
      default:
        // Our buttons are link buttons, which never reach the bot.
        return { response: message(errorReply('This does nothing yet.')) };
    }
  } catch (err) {
    log.error({ err: err instanceof Error ? err.message : String(err), type: i.type }, 'interaction failed');
    return { response: message(errorReply('Something went wrong on our side; nothing was changed. Try again in a minute.')) };
  }
}
