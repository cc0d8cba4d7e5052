// Independent checks of what Slack would accept and what it would turn into a
// ping or a link. Written from the Block Kit limits (platform-facts S6) and the
// mrkdwn control sequences (S7), not from the adapter's code.

export const LIMITS = {
  blocks: 50,
  header: 150,
  sectionText: 3000,
  fields: 10,
  field: 2000,
  contextElements: 10,
  actionElements: 25,
  buttonText: 75,
  buttonUrl: 3000,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  text: 40000,
};

type Json = Record<string, unknown>;

/** Every problem found in a message (empty = fine). */
export function blockProblems(message: { text?: string; blocks?: unknown[] }): string[] {
  const p: string[] = [];
  const blocks = (message.blocks ?? []) as Json[];
  if (blocks.length > LIMITS.blocks) p.push(`${blocks.length} blocks`);
  if (typeof message.text !== 'string' || message.text.length === 0) p.push('no fallback text');
  else if (message.text.length > LIMITS.text) p.push('fallback text too long');
  const ids = new Set<string>();
  const actionIds = new Set<string>();
  const textObj = (t: unknown, max: number, where: string, plainOnly = false) => {
    const o = t as Json | undefined;
    if (!o || typeof o.text !== 'string') return p.push(`${where}: missing text`);
    if (o.type !== 'plain_text' && (plainOnly || o.type !== 'mrkdwn')) p.push(`${where}: type ${String(o.type)}`);
    if (o.text.length === 0) p.push(`${where}: empty`);
    if (o.text.length > max) p.push(`${where}: ${o.text.length} > ${max}`);
    if (hasLoneSurrogate(o.text)) p.push(`${where}: broken surrogate pair`);
  };
  blocks.forEach((b, i) => {
    const at = `block ${i} (${String(b.type)})`;
    if (typeof b.block_id === 'string') {
      if (b.block_id.length > LIMITS.blockId) p.push(`${at}: block_id too long`);
      if (ids.has(b.block_id)) p.push(`${at}: duplicate block_id ${b.block_id}`);
      ids.add(b.block_id);
    }
    switch (b.type) {
      case 'header':
        textObj(b.text, LIMITS.header, at, true);
        break;
      case 'section': {
        if (b.text === undefined && b.fields === undefined) p.push(`${at}: neither text nor fields`);
        if (b.text !== undefined) textObj(b.text, LIMITS.sectionText, at);
        const fields = (b.fields ?? []) as unknown[];
        if (fields.length > LIMITS.fields) p.push(`${at}: ${fields.length} fields`);
        fields.forEach((f, j) => textObj(f, LIMITS.field, `${at} field ${j}`));
        break;
      }
      case 'context': {
        const els = (b.elements ?? []) as unknown[];
        if (els.length === 0 || els.length > LIMITS.contextElements) p.push(`${at}: ${els.length} elements`);
        els.forEach((e, j) => textObj(e, LIMITS.sectionText, `${at} element ${j}`));
        break;
      }
      case 'actions': {
        const els = (b.elements ?? []) as Json[];
        if (els.length === 0 || els.length > LIMITS.actionElements) p.push(`${at}: ${els.length} elements`);
        for (const [j, e] of els.entries()) {
          textObj(e.text, LIMITS.buttonText, `${at} button ${j}`, true);
          const aid = String(e.action_id ?? '');
          if (!aid || aid.length > LIMITS.actionId) p.push(`${at} button ${j}: action_id`);
          if (actionIds.has(aid)) p.push(`${at} button ${j}: duplicate action_id`);
          actionIds.add(aid);
          if (e.url !== undefined && (typeof e.url !== 'string' || e.url.length > LIMITS.buttonUrl || !/^https?:\/\/\S+$/.test(e.url)))
            p.push(`${at} button ${j}: bad url`);
          if (e.value !== undefined && String(e.value).length > LIMITS.buttonValue) p.push(`${at} button ${j}: value too long`);
        }
        break;
      }
      case 'divider':
        break;
      default:
        p.push(`${at}: unexpected block type`);
    }
  });
  return p;
}

function hasLoneSurrogate(s: string): boolean {
  return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
}

/** Every mrkdwn string of a message (plain_text is never parsed by Slack, so only these can ping or link). */
export function mrkdwnStrings(message: { text?: string; blocks?: unknown[] }): string[] {
  const out: string[] = [];
  if (message.text) out.push(message.text);
  const walk = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (v && typeof v === 'object') {
      const o = v as Json;
      if (o.type === 'mrkdwn' && typeof o.text === 'string') out.push(o.text);
      Object.values(o).forEach(walk);
    }
  };
  walk(message.blocks);
  return out;
}

/** Every string anywhere in the blocks (plain_text included). */
export function allStrings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => allStrings(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => allStrings(x, out));
  return out;
}

/**
 * Control sequences Slack would act on in mrkdwn. Any "<…>" is one; the only
 * kind allowed is a link <http(s)://host/…|label> to a host the alert itself
 * links to (its sources, guides, steps), so feed text cannot add links of its own.
 */
export function activeSequences(mrkdwn: string, allowedHosts: Set<string>): string[] {
  const bad: string[] = [];
  for (const m of mrkdwn.matchAll(/<([^>]*)>?/g)) {
    const inner = m[1] ?? '';
    const url = inner.split('|')[0] ?? '';
    let host = '';
    try {
      host = /^https?:\/\/\S+$/.test(url) ? new URL(url).hostname : '';
    } catch {
      host = '';
    }
    if (!m[0].endsWith('>') || !host || !allowedHosts.has(host) || /[<>]/.test(inner)) bad.push(m[0].slice(0, 80));
  }
  // Broadcasts Slack may auto-parse when text is not verbatim.
  for (const m of mrkdwn.matchAll(/@(channel|here|everyone)\b/gi)) bad.push(m[0]);
  return bad;
}
