import type { Alert, Decision, Story } from '../../src/domain.js';

export function decision(over: Partial<Decision> = {}): Decision {
  return { relevant: true, score: 0.9, lang: 'en', platforms: ['LinkedIn'], regulators: [], regions: ['US'], greyZone: false, reasons: [], ...over };
}

export function story(id: string, n: number, over: Partial<Story> = {}): Story {
  const t = new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString();
  return {
    id,
    title: `Story ${id}`,
    firstSeen: t,
    updatedAt: t,
    sources: [{ itemId: `${id}-1`, sourceId: 's1', sourceName: 'Outlet one', title: `Story ${id}`, link: `https://example.org/${id}` }],
    decision: decision(),
    ...over,
  };
}

/** A compact compose for delivery tests (the real composer has its own tests). */
export function simpleCompose(s: Story, lang: string): Alert {
  return {
    storyId: s.id,
    lang,
    headline: s.title,
    summary: [],
    affected: [],
    guides: [],
    articleSteps: [],
    sources: s.sources.map((x) => ({ name: x.sourceName, title: x.title, link: x.link })),
    footer: { score: s.decision?.score ?? 0, storyId: s.id, why: `/radar why ${s.id}` },
    labels: {},
  };
}
