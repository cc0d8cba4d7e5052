// Main text of an article page: drop page furniture, pick the block that holds
// most paragraph text, keep its paragraphs.
import * as cheerio from 'cheerio';
import { collapseWs } from '../parse/text.js';

const FURNITURE = 'script,style,noscript,template,svg,iframe,form,nav,header,footer,aside,button,select,[role=navigation],[role=banner],[role=contentinfo],[aria-hidden=true],.comments,#comments,.related,.newsletter,.share,.social,.advert,.ad,.cookie,.cookie-banner,.paywall';
const PREFERRED = ['[itemprop=articleBody]', 'article .entry-content', 'article .post-content', '.article-body', '.article__body', '.field--name-body', 'article', 'main', '[role=main]', '#content'];

export interface Extracted {
  title?: string;
  text: string;
  published?: string;
  lang?: string;
}

export function extractArticle(html: string, maxChars = 20_000): Extracted {
  const $ = cheerio.load(html);
  const title = collapseWs($('meta[property="og:title"]').attr('content') ?? $('h1').first().text() ?? $('title').text()) || undefined;
  const published = $('meta[property="article:published_time"]').attr('content') ?? $('time[datetime]').first().attr('datetime');
  const lang = $('html').attr('lang');
  $(FURNITURE).remove();

  const paragraphText = (root: ReturnType<typeof $>): string => {
    const parts: string[] = [];
    root.find('p, li, h2, h3, blockquote').each((_, el) => {
      const t = collapseWs($(el).text());
      if (t.length >= 25 || /^h[23]$/i.test((el as unknown as { name: string }).name)) parts.push(t);
    });
    return parts.join('\n');
  };

  let best = '';
  for (const sel of PREFERRED) {
    const el = $(sel).first();
    if (!el.length) continue;
    const t = paragraphText(el);
    if (t.length > 200) { best = t; break; }
    if (t.length > best.length) best = t;
  }
  if (best.length < 200) {
    // No semantic container: the parent with the most paragraph text wins.
    const scores = new Map<unknown, number>();
    $('p').each((_, p) => {
      const len = collapseWs($(p).text()).length;
      if (len < 25) return;
      const parent = (p as unknown as { parent: unknown }).parent;
      scores.set(parent, (scores.get(parent) ?? 0) + len);
    });
    let top: unknown;
    let topScore = 0;
    for (const [el, s] of scores) if (s > topScore) { top = el; topScore = s; }
    if (top) {
      const t = paragraphText($(top as never));
      if (t.length > best.length) best = t;
    }
  }
  const out: Extracted = { text: best.slice(0, maxChars) };
  if (title) out.title = title;
  if (published) out.published = published;
  if (lang) out.lang = lang;
  return out;
}
