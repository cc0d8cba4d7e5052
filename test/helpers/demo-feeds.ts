// The bundled demo feeds served on 127.0.0.1 plus a sources file pointing at
// them, in a temporary folder removed afterwards: the setup of the CLI tests.
import { afterAll, beforeAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveFeeds, type FeedServer } from '../../src/demo/feed-server.js';
import { repoRoot } from './env.js';

const FEEDS = {
  en: { file: 'tech-en.xml', name: 'Demo Tech Daily', lang: 'en' },
  fr: { file: 'tech-fr.xml', name: 'Démo Actu Tech', lang: 'fr' },
} as const;

export interface DemoFeeds {
  tmp: string;
  sourcesFile: string;
  feeds?: FeedServer;
}

/** Registers vitest hooks; the returned object is filled in before the tests run. */
export function useDemoFeeds(which: (keyof typeof FEEDS)[], tag: string): DemoFeeds {
  const state: DemoFeeds = { tmp: mkdtempSync(join(tmpdir(), `${tag}-`)), sourcesFile: '' };
  beforeAll(async () => {
    state.feeds = await serveFeeds(join(repoRoot, 'demo', 'feeds'));
    state.sourcesFile = join(state.tmp, 'sources.json');
    const sources = which.map((k) => ({ id: k, name: FEEDS[k].name, url: `${state.feeds!.baseUrl}/${FEEDS[k].file}`, type: 'feed', kind: 'news', lang: FEEDS[k].lang }));
    writeFileSync(state.sourcesFile, JSON.stringify({ builtins: false, sources }));
  });
  afterAll(async () => {
    await state.feeds?.close();
    rmSync(state.tmp, { recursive: true, force: true });
  });
  return state;
}
