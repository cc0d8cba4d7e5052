// Small text helpers shared by the compose modules.

/** Cuts at a word boundary at or before `max` characters, adding "…"; never mid-word. */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const slice = text.slice(0, max);
  const lastSpace = slice.search(/\s\S*$/);
  const cut = (lastSpace > max * 0.5 ? slice.slice(0, lastSpace) : slice.replace(/\S*$/, '')).replace(/[\s,;:–—-]+$/, '');
  return `${cut || slice}…`;
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export { fold } from '../text/fold.js';

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
