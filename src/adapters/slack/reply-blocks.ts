// Platform-neutral command replies (commands/types.ts) as Block Kit. Reply
// text can quote feed titles and the user's own words, so it is all escaped.
import type { Reply, ReplyBlock } from '../../../commands/types.js';
import { renderAlertBlocks } from './alert-blocks.js';
import { type Block, type Button, actions, capBlocks, context, fieldSections, fitLines, header, packLines, section, uniqueIds } from './blocks.js';
import { LIMITS, clip, cutMrkdwn, escapeMrkdwn, link } from './text.js';

export interface RenderedReply {
  response_type: 'ephemeral' | 'in_channel';
  text: string;
  blocks: Block[];
}

const more = (n: number) => `… and ${n} more`;

function listSections(items: string[], ordered: boolean | undefined): Block[] {
  // Long lists continue in further sections rather than being cut short.
  const out: Block[] = [];
  let rest = items.map((it, i) => `${ordered ? `${i + 1}.` : '•'} ${cutMrkdwn(escapeMrkdwn(clip(it, 1500, { keepNewlines: true })), 1500)}`);
  while (rest.length && out.length < 5) {
    const { text, used } = packLines(undefined, rest, LIMITS.sectionText);
    const b = section(text);
    if (b) out.push(b);
    rest = rest.slice(Math.max(1, used));
  }
  if (rest.length) {
    const b = section(more(rest.length));
    if (b) out.push(b);
  }
  return out;
}

function renderBlock(b: ReplyBlock): Block[] {
  const one = (x: Block | undefined) => (x ? [x] : []);
  switch (b.type) {
    case 'heading':
      return one(header(b.text));
    case 'text':
      return one(section(escapeMrkdwn(clip(b.text, LIMITS.sectionText, { keepNewlines: true }))));
    case 'list':
      return listSections(b.items, b.ordered);
    case 'links':
      return one(section(fitLines(undefined, b.links.map((l) => `• ${link(l.url, clip(l.label, 200))}`), LIMITS.sectionText, more)));
    case 'fields':
      return fieldSections(b.fields.map((f) => `*${escapeMrkdwn(clip(f.name, 200))}*\n${escapeMrkdwn(clip(f.value, LIMITS.fieldText, { keepNewlines: true }))}`));
    case 'context':
      return one(context([escapeMrkdwn(clip(b.text, LIMITS.contextText, { keepNewlines: true }))]));
    case 'alert':
      return renderAlertBlocks(b.alert).blocks;
  }
}

/**
 * Renders a reply. `inChannel` makes it visible to everyone; `shareButton`
 * (only offered on ephemeral answers) lets the caller post it to the channel later.
 */
export function renderReply(reply: Reply, opts: { inChannel?: boolean; shareButton?: Button; prefix?: string } = {}): RenderedReply {
  const inChannel = Boolean(opts.inChannel);
  const tailBlocks: Block[] = [];
  if (opts.prefix) {
    const p = context([opts.prefix]);
    if (p) tailBlocks.push(p);
  }
  const share = !inChannel && opts.shareButton ? actions([opts.shareButton], 'share') : undefined;
  const body = reply.blocks.flatMap(renderBlock);
  const room = LIMITS.blocks - tailBlocks.length - (share ? 1 : 0);
  const blocks = uniqueIds([...tailBlocks, ...capBlocks(body, room), ...(share ? [share] : [])]);
  return {
    response_type: inChannel ? 'in_channel' : 'ephemeral',
    text: cutMrkdwn(escapeMrkdwn(clip(reply.fallback, LIMITS.fallbackText, { keepNewlines: true })), LIMITS.fallbackText) || ' ',
    blocks,
  };
}
