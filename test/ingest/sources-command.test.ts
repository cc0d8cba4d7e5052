import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { Store } from '../../src/store/store.js';
import { registerSourcesCommand } from '../../src/cli/sources-command.js';
import { serve, RSS, type TestServer } from './servers.js';

const dir = mkdtempSync(join(tmpdir(), 'radar-cli-'));
let store: Store;
let out: string[];
let servers: TestServer[] = [];

async function run(...args: string[]): Promise<string> {
  out = [];
  const program = new Command().exitOverride();
  // The store stays open across commands in the test; the command closes what it is given.
  registerSourcesCommand(program, { openStore: async () => Object.assign(Object.create(store), { close: async () => undefined }), out: (s) => out.push(s) });
  await program.parseAsync(args, { from: 'user' });
  return out.join('\n');
}

beforeEach(async () => {
  store = await Store.open('sqlite::memory:');
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await store.close();
  process.exitCode = 0;
});

describe('sources command', () => {
  it('list shows health: failing and paused sources with the reason', async () => {
    const file = join(dir, 'list.json');
    writeFileSync(file, JSON.stringify({ builtins: false, sources: [
      { id: 'good', url: 'https://good.example/feed' },
      { id: 'flaky', url: 'https://flaky.example/feed' },
      { id: 'dead', url: 'https://dead.example/feed' },
      { id: 'off', url: 'https://off.example/feed', enabled: false },
    ] }));
    await store.sources.set('good', { sourceId: 'good', consecutiveFailures: 0, lastSuccess: new Date().toISOString() });
    await store.sources.set('flaky', { sourceId: 'flaky', consecutiveFailures: 2, lastError: 'HTTP 503', lastErrorAt: new Date().toISOString(), nextAttempt: '2030-01-01T00:00:00.000Z' });
    await store.sources.set('dead', { sourceId: 'dead', consecutiveFailures: 6, paused: true, lastError: 'connect timeout', nextAttempt: '2030-01-01T06:00:00.000Z' });
    const text = await run('sources', 'list', '--sources', file);
    expect(text).toMatch(/^good\s.*\sok\s+ok, last success 0 min ago$/m);
    expect(text).toMatch(/^flaky\s.*failing\s+2 failure\(s\); last: HTTP 503; next try 2030-01-01T00:00:00.000Z$/m);
    expect(text).toMatch(/^dead\s.*paused\s+6 failures in a row; last: connect timeout; re-probe 2030-01-01T06:00:00.000Z$/m);
    expect(text).toMatch(/^off\s.*disabled/m);
    expect(text).toMatch(/4 sources, 3 enabled, 1 failing, 1 paused/);
  });

  it('check fetches and parses every enabled source now and records health', async () => {
    const ok = await serve((_req, res) => res.end(RSS([{ title: 'A', link: 'https://a.example/1' }])));
    const bad = await serve((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>no feed</body></html>'), '127.0.0.2');
    servers.push(ok, bad);
    const file = join(dir, 'check.json');
    writeFileSync(file, JSON.stringify({ builtins: false, sources: [{ id: 'ok', url: ok.url }, { id: 'bad', url: bad.url }] }));
    const text = await run('sources', 'check', '--sources', file);
    expect(text).toMatch(/^ok\s+fetched\s+200\s+\d+ms\s+1 items \(rss\)$/m);
    expect(text).toMatch(/^bad\s+error\s+200\s.*parse error: Not a feed/m);
    expect(text).toMatch(/2 checked, 1 failing/);
    expect((await store.sources.get('ok'))!.lastSuccess).toBeTruthy();
  });

  it('import turns OPML into a sources file; export prints OPML', async () => {
    const opml = join(dir, 'in.opml');
    writeFileSync(opml, '<opml version="2.0"><body><outline text="Mine" type="rss" xmlUrl="https://mine.example/feed"/><outline text="CNIL" type="rss" xmlUrl="https://www.cnil.fr/fr/rss.xml"/></body></opml>');
    const target = join(dir, 'out.json');
    expect(await run('sources', 'import', opml, '-o', target)).toMatch(/imported 1 feeds \(1 already built in\)/);
    const doc = JSON.parse(readFileSync(target, 'utf8')) as { sources: { url: string }[] };
    expect(doc.sources.map((s) => s.url)).toEqual(['https://mine.example/feed']);
    const exported = await run('sources', 'export', '--sources', target, '--enabled');
    expect(exported).toMatch(/^<\?xml/);
    expect(exported).toContain('xmlUrl="https://mine.example/feed"');
    expect(exported).toContain('radar:id="edpb"');
  });
});
