import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerClassifyCommands, runClassify } from '../../src/cli/classify-commands.js';
import { evaluate, parseLabelled } from '../../src/classify/evaluate.js';

function collect(s: PassThrough): () => string {
  const chunks: string[] = [];
  s.on('data', (c: Buffer) => chunks.push(c.toString()));
  return () => chunks.join('');
}

describe('classify command', () => {
  it('turns JSON Lines into decisions and reports bad lines by number', async () => {
    const input = Readable.from(
      [
        JSON.stringify({ id: 'a', title: "Meta to train AI on EU users' posts", lang: 'en-GB' }),
        '{not json',
        JSON.stringify({ summary: 'no title here' }),
        '',
        JSON.stringify({ title: 'Nvidia unveils new AI chips' }),
      ].join('\n'),
    );
    const out = new PassThrough();
    const err = new PassThrough();
    const readOut = collect(out);
    const readErr = collect(err);
    const code = await runClassify(input, out, err, 0.5);
    const lines = readOut().trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ id: 'a', relevant: true, lang: 'en', platforms: ['Meta'], regions: ['EU'] });
    expect(Object.keys(lines[0])).toEqual(['id', 'relevant', 'score', 'lang', 'platforms', 'regulators', 'regions', 'greyZone', 'reasons']);
    expect(lines[1]).toMatchObject({ id: '5', relevant: false });
    expect(readErr()).toMatch(/line 2: invalid JSON/);
    expect(readErr()).toMatch(/line 3: missing string field "title"/);
    expect(code).toBe(1);
  });

  it('honours --threshold', async () => {
    const out = new PassThrough();
    const readOut = collect(out);
    const code = await runClassify(Readable.from(JSON.stringify({ title: "Meta to train AI on EU users' posts" })), out, new PassThrough(), 0.99);
    expect(JSON.parse(readOut()).relevant).toBe(false);
    expect(code).toBe(0);
  });
});

describe('eval', () => {
  afterEach(() => vi.restoreAllMocks());

  it('computes precision, recall and F1 per language and lists errors', () => {
    const { items, invalid } = parseLabelled(
      [
        JSON.stringify({ id: '1', title: "Meta to train AI on EU users' posts", lang: 'en', label: 1 }),
        JSON.stringify({ id: '2', title: 'Nvidia unveils new AI chips', lang: 'en', label: 1 }),
        JSON.stringify({ id: '3', title: 'LinkedIn va utiliser vos données pour entraîner son IA', lang: 'fr', label: 1 }),
        JSON.stringify({ id: '4', title: 'New York Times sues OpenAI over training on its articles', lang: 'en', label: 0, grey: true }),
        '{"title": 3}',
      ].join('\n'),
    );
    expect(invalid).toEqual([{ line: 5, error: 'missing string field "title"' }]);
    const r = evaluate(items.map((x) => x.item));
    expect(r.overall).toMatchObject({ tp: 2, fn: 1, fp: 0, n: 3 });
    expect(r.byLang.en).toMatchObject({ tp: 1, fn: 1 });
    expect(r.byLang.fr).toMatchObject({ tp: 1, precision: 1, recall: 1 });
    expect(r.grey.n).toBe(1);
    expect(r.errors.find((e) => e.id === '2')).toMatchObject({ kind: 'false negative', set: 'main' });
  });

  it('registers both subcommands on a commander program; eval --json prints a report', async () => {
    const program = new Command();
    program.exitOverride();
    registerClassifyCommands(program);
    expect(program.commands.map((c) => c.name())).toEqual(['classify', 'eval']);
    const dir = mkdtempSync(join(tmpdir(), 'optout-eval-'));
    const file = join(dir, 'x.jsonl');
    writeFileSync(file, JSON.stringify({ id: '1', title: "Meta to train AI on EU users' posts", lang: 'en', label: 1 }) + '\n');
    let printed = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
      printed += String(s);
      return true;
    });
    await program.parseAsync(['node', 'optout-radar', 'eval', file, '--json']);
    vi.restoreAllMocks();
    const report = JSON.parse(printed);
    expect(report.overall).toMatchObject({ tp: 1, precision: 1, recall: 1 });
  });
});
