// Small builders for platform-neutral replies.
import type { Reply, ReplyBlock } from './types.js';

export function reply(blocks: ReplyBlock[], fallback: string, opts: { ephemeral?: boolean } = {}): Reply {
  return { blocks, fallback, ephemeral: opts.ephemeral ?? true };
}

export function errorReply(message: string, usage?: string): Reply {
  const blocks: ReplyBlock[] = [{ type: 'text', text: message }];
  if (usage) blocks.push({ type: 'context', text: `Usage: ${usage}` });
  return { blocks, fallback: usage ? `${message} — usage: ${usage}` : message, ephemeral: true, error: true };
}

export function textReply(text: string, opts: { ephemeral?: boolean } = {}): Reply {
  return reply([{ type: 'text', text }], text, opts);
}
