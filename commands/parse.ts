// Parses a command's text form ("latest 5", "search meta ai", "subscribe
// regions:EU min:0.7") against its definition. Used by Slack (which sends
// text) and the console; Discord sends typed options and skips this.
import type { Args, CommandDef, OptionDef } from './types.js';

export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

const MAX_TEXT = 2000;

/** Splits on spaces, keeping "quoted words" (straight or curly quotes) together. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|“([^”]*)”|(\S+)/g;
  for (const m of text.matchAll(re)) out.push(m[1] ?? m[2] ?? m[3] ?? '');
  return out.filter((t) => t.length > 0);
}

export function coerce(opt: OptionDef, raw: string, def: CommandDef): string | number | boolean {
  const bad = (why: string) => new UsageError(`${opt.name}: ${why}`, def.usage);
  switch (opt.type) {
    case 'integer':
    case 'number': {
      if (!/^-?\d+(\.\d+)?$/.test(raw)) throw bad(`"${clip(raw)}" is not a number`);
      const n = Number(raw);
      if (opt.type === 'integer' && !Number.isInteger(n)) throw bad(`"${clip(raw)}" is not a whole number`);
      if (opt.min !== undefined && n < opt.min) throw bad(`must be at least ${opt.min}`);
      if (opt.max !== undefined && n > opt.max) throw bad(`must be at most ${opt.max}`);
      return n;
    }
    case 'boolean': {
      const v = raw.toLowerCase();
      if (['on', 'yes', 'true', '1'].includes(v)) return true;
      if (['off', 'no', 'false', '0'].includes(v)) return false;
      throw bad(`"${clip(raw)}" should be on or off`);
    }
    default: {
      if (opt.choices && !opt.choices.some((c) => c.value === raw.toLowerCase()))
        throw bad(`"${clip(raw)}" is not one of ${opt.choices.map((c) => c.value).join(', ')}`);
      return opt.choices ? raw.toLowerCase() : raw;
    }
  }
}

/** Text → Args. Named `name:value` (or `name=value`) anywhere; the rest fill positional options in order. */
export function parseText(def: CommandDef, text: string): Args {
  if (text.length > MAX_TEXT) throw new UsageError(`the text is too long (${text.length} characters, at most ${MAX_TEXT})`, def.usage);
  // Control characters never mean anything in a command.
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g, ' ');
  const args: Args = {};
  const positional: string[] = [];
  for (const tok of tokenize(clean)) {
    const m = /^([a-z][a-z_-]*)[:=](.*)$/i.exec(tok);
    const opt = m ? def.options.find((o) => o.name === m[1]!.toLowerCase()) : undefined;
    if (m && opt) {
      if (args[opt.name] !== undefined) throw new UsageError(`${opt.name} is given twice`, def.usage);
      if (m[2] === '') throw new UsageError(`${opt.name}: a value is missing after "${m[1]}:"`, def.usage);
      args[opt.name] = coerce(opt, m[2]!, def);
    } else positional.push(tok);
  }
  const free = def.options.filter((o) => args[o.name] === undefined);
  for (const opt of free) {
    if (positional.length === 0) break;
    if (opt.rest) {
      args[opt.name] = coerce(opt, positional.join(' '), def);
      positional.length = 0;
    } else args[opt.name] = coerce(opt, positional.shift()!, def);
  }
  if (positional.length > 0) throw new UsageError(`unexpected "${clip(positional.join(' '))}"`, def.usage);
  for (const opt of def.options) if (opt.required && args[opt.name] === undefined) throw new UsageError(`${opt.name} is missing`, def.usage);
  return args;
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
