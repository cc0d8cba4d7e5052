// Independent checks of Discord's message rules, written from the docs (not
// from the renderer's own constants), so a renderer bug cannot hide itself.
import type { Call } from './fake-discord.js';

const trimmed = (s: unknown) => (typeof s === 'string' ? s.trim().length : 0);

/** Every problem a message body would get a 400 (or a ping) for; [] when fine. */
export function messageProblems(body: any): string[] {
  const p: string[] = [];
  if (!body || typeof body !== 'object') return ['no body'];
  if (JSON.stringify(body.allowed_mentions) !== JSON.stringify({ parse: [] })) p.push(`allowed_mentions is ${JSON.stringify(body.allowed_mentions)}`);
  if (body.content !== undefined && trimmed(body.content) > 2000) p.push('content > 2000');
  const embeds: any[] = body.embeds ?? [];
  if (embeds.length > 10) p.push('more than 10 embeds');
  let total = 0;
  embeds.forEach((e, i) => {
    const at = `embed ${i}`;
    if (trimmed(e.title) > 256) p.push(`${at} title > 256`);
    if (trimmed(e.description) > 4096) p.push(`${at} description > 4096`);
    if ((e.fields ?? []).length > 25) p.push(`${at} more than 25 fields`);
    for (const f of e.fields ?? []) {
      if (trimmed(f.name) === 0 || trimmed(f.name) > 256) p.push(`${at} field name length ${trimmed(f.name)}`);
      if (trimmed(f.value) === 0 || trimmed(f.value) > 1024) p.push(`${at} field value length ${trimmed(f.value)}`);
      total += trimmed(f.name) + trimmed(f.value);
    }
    if (e.footer && (trimmed(e.footer.text) === 0 || trimmed(e.footer.text) > 2048)) p.push(`${at} footer length ${trimmed(e.footer.text)}`);
    if (e.author && (trimmed(e.author.name) === 0 || trimmed(e.author.name) > 256)) p.push(`${at} author length`);
    if (e.url !== undefined && !isHttpUrl(e.url)) p.push(`${at} url ${String(e.url).slice(0, 60)}`);
    total += trimmed(e.title) + trimmed(e.description) + trimmed(e.footer?.text) + trimmed(e.author?.name);
  });
  if (total > 6000) p.push(`embeds total ${total} > 6000`);
  const rows: any[] = body.components ?? [];
  if (rows.length > 5) p.push('more than 5 action rows');
  for (const r of rows) {
    if (r.type !== 1) p.push('component that is not an action row');
    if ((r.components ?? []).length > 5 || (r.components ?? []).length === 0) p.push('action row with 0 or more than 5 buttons');
    for (const b of r.components ?? []) {
      if (b.type !== 2 || b.style !== 5) p.push('not a link button');
      if (trimmed(b.label) === 0 || String(b.label).length > 80) p.push(`button label length ${String(b.label).length}`);
      if (!isHttpUrl(b.url) || String(b.url).length > 512) p.push(`button url ${String(b.url).slice(0, 60)}`);
    }
  }
  // Button labels are plain text (Discord renders no markdown there), so only the link check skips them.
  const labels = new Set(rows.flatMap((r) => (r.components ?? []).map((b: any) => b.label)));
  for (const s of strings(body)) {
    if (/@(everyone|here)/i.test(s)) p.push(`live @everyone/@here in ${JSON.stringify(s.slice(0, 80))}`);
    if (/<[@#/:!&]|<a:|<t:/.test(s)) p.push(`live <…> mention in ${JSON.stringify(s.slice(0, 80))}`);
    if (!labels.has(s) && liveInjectedLink(s)) p.push(`a markdown link from feed text survived near ${JSON.stringify(s.slice(s.indexOf('inject.example') - 60, s.indexOf('inject.example') + 20))}`);
    if (/[\u0000-\u0009\u000b-\u001f\u202a-\u202e\u2066-\u2069]/.test(s)) p.push('control or bidi character');
    if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s)) p.push('split surrogate pair');
  }
  return p;
}

/** A "](" to the hostile domain whose "]" is not escaped (even number of backslashes before it). */
function liveInjectedLink(s: string): boolean {
  for (let at = s.indexOf(']('); at >= 0; at = s.indexOf('](', at + 1)) {
    if (!/^\]\(<?https?:\/\/inject\.example/.test(s.slice(at, at + 40))) continue;
    let slashes = 0;
    while (at - 1 - slashes >= 0 && s[at - 1 - slashes] === '\\') slashes++;
    if (slashes % 2 === 0) return true;
  }
  return false;
}

function isHttpUrl(u: unknown): boolean {
  if (typeof u !== 'string') return false;
  try {
    const x = new URL(u);
    return (x.protocol === 'http:' || x.protocol === 'https:') && x.href === u;
  } catch {
    return false;
  }
}

function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
  return out;
}

/** The message payload inside a recorded call, when the call sends a message. */
export function messageOf(c: Call): any | undefined {
  if (c.method !== 'POST' && c.method !== 'PATCH') return undefined;
  if (/^\/interactions\/\d+\/[^/]+\/callback$/.test(c.path)) return [4, 7].includes(c.body?.type) ? c.body.data : undefined;
  if (/^\/channels\/\d+\/messages(\/\d+)?$/.test(c.path) || /^\/webhooks\/\d+\/[^/]+(\/messages\/[^/]+)?$/.test(c.path)) return c.body;
  return undefined;
}
