// `classify` and `eval` subcommands (SPEC §4). Thin: parsing and printing only;
// the work is in src/classify/.
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { InvalidArgumentError, type Command } from 'commander';
import { classify, DEFAULT_THRESHOLD, type ClassifyInput } from '../classify/index.js';
import { evaluate, formatReport, parseLabelled } from '../classify/evaluate.js';

function parseThreshold(v: string): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('expected a number between 0 and 1.');
  return n;
}

function checkInput(o: unknown): string | undefined {
  if (!o || typeof o !== 'object' || Array.isArray(o)) return 'expected a JSON object';
  const r = o as Record<string, unknown>;
  if (typeof r.title !== 'string') return 'missing string field "title"';
  for (const k of ['summary', 'content', 'link', 'lang', 'id'] as const) {
    if (r[k] !== undefined && r[k] !== null && typeof r[k] !== 'string') return `field "${k}" must be a string`;
  }
  return undefined;
}

export async function runClassify(
  input: NodeJS.ReadableStream,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
  threshold: number,
): Promise<number> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  let bad = 0;
  for await (const raw of rl) {
    lineNo++;
    if (!raw.trim()) continue;
    let o: unknown;
    try {
      o = JSON.parse(raw);
    } catch (e) {
      bad++;
      err.write(`line ${lineNo}: invalid JSON: ${(e as Error).message}\n`);
      continue;
    }
    const problem = checkInput(o);
    if (problem) {
      bad++;
      err.write(`line ${lineNo}: ${problem}\n`);
      continue;
    }
    const item = o as ClassifyInput;
    const d = classify(item, { threshold });
    const id = item.id ?? String(lineNo);
    out.write(
      JSON.stringify({
        id,
        relevant: d.relevant,
        score: d.score,
        lang: d.lang,
        platforms: d.platforms,
        regulators: d.regulators,
        regions: d.regions,
        greyZone: d.greyZone,
        reasons: d.reasons,
      }) + '\n',
    );
  }
  if (bad) err.write(`${bad} line(s) could not be classified\n`);
  return bad ? 1 : 0;
}

export function registerClassifyCommands(program: Command): void {
  program
    .command('classify')
    .description('classify JSON Lines items from stdin ({id?, title, summary?, content?, link?, lang?}) to JSON Lines on stdout')
    .option('--threshold <n>', 'score at or above which an item is relevant (0..1)', parseThreshold, DEFAULT_THRESHOLD)
    .action(async (opts: { threshold: number }) => {
      const code = await runClassify(process.stdin, process.stdout, process.stderr, opts.threshold);
      if (code) process.exitCode = code;
    });

  program
    .command('eval')
    .description('measure the classifier on labelled JSON Lines (label 0/1, optional grey/borderline)')
    .argument('<file>', 'labelled JSON Lines file')
    .option('--threshold <n>', 'score at or above which an item is relevant (0..1)', parseThreshold, DEFAULT_THRESHOLD)
    .option('--json', 'print the report as JSON')
    .action(async (file: string, opts: { threshold: number; json?: boolean }) => {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (e) {
        process.stderr.write(`cannot read ${file}: ${(e as Error).message}\n`);
        process.exitCode = 2;
        return;
      }
      const { items, invalid } = parseLabelled(text);
      const report = evaluate(
        items.map((x) => x.item),
        { threshold: opts.threshold },
      );
      report.invalid = invalid;
      process.stdout.write((opts.json ? JSON.stringify(report, null, 2) : formatReport(report)) + '\n');
      for (const e of invalid) process.stderr.write(`line ${e.line}: ${e.error}\n`);
      if (invalid.length) process.exitCode = 1;
    });
}
