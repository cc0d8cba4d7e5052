// Discord application commands generated from the platform-neutral
// definitions in commands/, so Slack, Discord and the console never drift.
//
// Discord sets `default_member_permissions` per top-level command only, so the
// manager-only subcommands (subscribe, unsubscribe) live under their own
// top-level command, /radar-admin, which Discord hides from members without
// Manage Channels. Trade-off: on Discord it is `/radar-admin subscribe`
// instead of `/radar subscribe`; in exchange ordinary members never see
// commands they cannot use. The router checks the caller's permissions
// anyway, because server admins can override who sees a command.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  PermissionFlagsBits,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  type RESTPutAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { CommandModule, OptionDef } from '../../../commands/types.js';
import { radarSubcommands, topLevel } from '../../../commands/index.js';

export const RADAR = 'radar';
export const RADAR_ADMIN = 'radar-admin';
export const MANAGE_CHANNELS = String(PermissionFlagsBits.ManageChannels);

const TYPES = {
  string: ApplicationCommandOptionType.String,
  integer: ApplicationCommandOptionType.Integer,
  number: ApplicationCommandOptionType.Number,
  boolean: ApplicationCommandOptionType.Boolean,
} as const;

const desc = (s: string) => (s.length <= 100 ? s : `${s.slice(0, 99).trimEnd()}…`) || '—';
const name = (s: string) => s.toLowerCase().slice(0, 32);

export function toOption(o: OptionDef): APIApplicationCommandBasicOption {
  const base = { name: name(o.name), description: desc(o.description), required: Boolean(o.required) };
  switch (o.type) {
    case 'boolean':
      return { ...base, type: TYPES.boolean };
    case 'integer':
    case 'number': {
      const range = { ...(o.min !== undefined ? { min_value: o.min } : {}), ...(o.max !== undefined ? { max_value: o.max } : {}) };
      return o.type === 'integer' ? { ...base, ...range, type: TYPES.integer } : { ...base, ...range, type: TYPES.number };
    }
    default:
      // Discord refuses choices together with autocomplete; autocomplete wins.
      if (o.autocomplete) return { ...base, type: TYPES.string, autocomplete: true };
      if (o.choices?.length) return { ...base, type: TYPES.string, choices: o.choices.slice(0, 25).map((c) => ({ name: desc(c.name), value: c.value.slice(0, 100) })) };
      return { ...base, type: TYPES.string };
  }
}

/** Discord refuses a required option after an optional one; keep the order otherwise. */
function options(defs: OptionDef[]): APIApplicationCommandBasicOption[] {
  const opts = defs.slice(0, 25).map(toOption);
  return [...opts.filter((o) => o.required), ...opts.filter((o) => !o.required)];
}

function subcommand(m: CommandModule): APIApplicationCommandSubcommandOption {
  return { type: ApplicationCommandOptionType.Subcommand, name: name(m.definition.name), description: desc(m.definition.description), options: options(m.definition.options) };
}

/** The full list for a bulk overwrite (PUT applications/{id}/commands). */
export function buildCommandDefinitions(mods: { top: CommandModule[]; radar: CommandModule[] } = { top: topLevel, radar: radarSubcommands }): RESTPutAPIApplicationCommandsJSONBody {
  const body: RESTPutAPIApplicationCommandsJSONBody = mods.top.map((m) => ({
    type: ApplicationCommandType.ChatInput,
    name: name(m.definition.name),
    description: desc(m.definition.description),
    options: options(m.definition.options),
    ...(m.definition.managersOnly ? { default_member_permissions: MANAGE_CHANNELS, contexts: [InteractionContextType.Guild] } : {}),
  }));
  const open = mods.radar.filter((m) => !m.definition.managersOnly);
  const managed = mods.radar.filter((m) => m.definition.managersOnly);
  if (open.length) body.push({ type: ApplicationCommandType.ChatInput, name: RADAR, description: 'Stories, sources and status of the opt-out radar', options: open.map(subcommand) });
  if (managed.length)
    body.push({
      type: ApplicationCommandType.ChatInput,
      name: RADAR_ADMIN,
      description: 'Choose which alerts this channel gets (channel managers)',
      options: managed.map(subcommand),
      default_member_permissions: MANAGE_CHANNELS,
      contexts: [InteractionContextType.Guild],
    });
  return body;
}
