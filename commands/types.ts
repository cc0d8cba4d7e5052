// The platform-neutral shape of a slash command (SPEC §3): a definition that
// every adapter can register or parse text against, beside a handler that
// returns a Reply each adapter renders (Block Kit, embeds, plain text).
import type { Alert, Platform, Source } from '../src/domain.js';
import type { Store } from '../src/store/store.js';

export type OptionType = 'string' | 'integer' | 'number' | 'boolean';

export interface OptionDef {
  name: string;
  description: string;
  type: OptionType;
  required?: boolean;
  choices?: { name: string; value: string }[];
  autocomplete?: boolean; // the handler module exports `autocomplete`
  min?: number;
  max?: number;
  /** Slack text form: the option swallows the rest of the line ("search <words>"). */
  rest?: boolean;
}

export interface CommandDef {
  /** Top-level command ("optout") or the subcommand of /radar ("latest"). */
  name: string;
  parent?: 'radar';
  description: string;
  options: OptionDef[];
  /** Only channel managers may run it (Discord: Manage Channels; Slack: admins/owners or configured users). */
  managersOnly?: boolean;
  /** One-line usage shown when arguments are bad, e.g. "/radar latest [n]". */
  usage: string;
}

export type ArgValue = string | number | boolean | undefined;
export type Args = Record<string, ArgValue>;

export interface Caller {
  platform: Platform;
  channelId: string;
  userId: string;
  /** Whether the caller may manage this channel (computed by the adapter). */
  isChannelManager: boolean;
  /** Preferred label language (channel setting or user locale). */
  lang?: string;
}

/** What the core offers to command handlers; adapters build it once. */
export interface CommandServices {
  store: Store;
  now: () => Date;
  /** The sources the bot polls (for /radar sources). */
  sources?: Source[];
  /** Version and start time, for /radar status. */
  startedAt?: Date;
  [extra: string]: unknown;
}

export interface CommandContext extends Caller {
  services: CommandServices;
}

export type ReplyBlock =
  | { type: 'heading'; text: string }
  | { type: 'text'; text: string }
  | { type: 'list'; items: string[]; ordered?: boolean }
  | { type: 'links'; links: { label: string; url: string }[] }
  | { type: 'fields'; fields: { name: string; value: string }[] }
  | { type: 'context'; text: string }
  | { type: 'alert'; alert: Alert };

export interface Reply {
  blocks: ReplyBlock[];
  /** Plain-text summary used for notifications and text-only clients. */
  fallback: string;
  /** Default true: visible only to the caller. */
  ephemeral?: boolean;
  /** The request was wrong (usage message); nothing was changed. */
  error?: boolean;
}

export interface CommandModule {
  definition: CommandDef;
  handle(args: Args, ctx: CommandContext): Promise<Reply>;
  autocomplete?(option: string, partial: string, ctx: CommandContext): Promise<{ name: string; value: string }[]>;
}
