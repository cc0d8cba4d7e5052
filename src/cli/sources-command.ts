// `optout-radar sources list|check|import FILE.opml|export`: the registry and
// each source's health. Failing and paused sources are shown with the reason.
import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Source, SourceState } from '../domain.js';
import { Store } from '../store/store.js';
import { loadConfigOrThrow } from '../config/load.js';
import { loadSources, parseOpml, toOpml, builtinSources } from '../sources/index.js';
import { Fetcher } from '../fetch/fetcher.js';
import { describeHealth } from '../fetch/health.js';
import { parseFeed, scrapeHtml } from '../parse/index.js';
import { loadSourceStates } from '../pipeline/ingest.js';

export interface SourcesCommandDeps {
  /** Opens the store; default: STORE_URL/STORE_PREFIX from the configuration. */
  openStore?: () => Promise<Store>;
  /** Default sources file when --sources is not given (SOURCES_FILE). */
  sourcesFile?: () => string | undefined;
  out?: (s: string) => void;
}

const config = () => loadConfigOrThrow(process.env);

const pad = (s: string, n: number) => (s.length >= n ? s.slice(0, n - 1) + '…' : s + ' '.repeat(n - s.length));

export function formatSourceList(sources: Source[], states: (SourceState | undefined)[], now = new Date()): string {
  const lines = [`${pad('ID', 26)}${pad('KIND', 10)}${pad('TYPE', 12)}${pad('LANG', 5)}${pad('JUR', 7)}${pad('HEALTH', 9)}DETAIL`];
  let failing = 0;
  let paused = 0;
  sources.forEach((s, i) => {
    const h = s.enabled ? describeHealth(states[i], now) : { status: 'disabled', detail: '' };
    if (h.status === 'failing') failing++;
    if (h.status === 'paused') paused++;
    lines.push(`${pad(s.id, 26)}${pad(s.kind, 10)}${pad(s.type, 12)}${pad(String(s.lang ?? ''), 5)}${pad(s.jurisdiction ?? '', 7)}${pad(h.status, 9)}${h.detail}`);
  });
  const enabled = sources.filter((s) => s.enabled).length;
  lines.push('', `${sources.length} sources, ${enabled} enabled, ${failing} failing, ${paused} paused`);
  return lines.join('\n');
}

export function registerSourcesCommand(program: Command, deps: SourcesCommandDeps = {}): Command {
  const out = deps.out ?? ((s: string) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`));
  const openStore = deps.openStore ?? (async () => {
    const c = config();
    return Store.open(c.STORE_URL, { prefix: c.STORE_PREFIX });
  });
  const sourcesFile = (o: { sources?: string }) => o.sources ?? (deps.sourcesFile ? deps.sourcesFile() : process.env.SOURCES_FILE || undefined);

  const cmd = program.command('sources').description('the source registry and each source\'s health');

  cmd
    .command('list')
    .description('list sources with their health (failing/paused and why)')
    .option('--sources <file>', 'sources file (JSON or OPML)')
    .option('--json', 'print JSON')
    .action(async (o: { sources?: string; json?: boolean }) => {
      const sources = await loadSources(sourcesFile(o));
      const store = await openStore();
      try {
        const states = await loadSourceStates(store, sources.map((s) => s.id));
        if (o.json) out(JSON.stringify(sources.map((s, i) => ({ ...s, health: describeHealth(states[i]), state: states[i] ?? null })), null, 2));
        else out(formatSourceList(sources, states));
      } finally {
        await store.close();
      }
    });

  cmd
    .command('check')
    .description('fetch every enabled source now and report whether it parses (does not store items)')
    .option('--sources <file>', 'sources file (JSON or OPML)')
    .option('--id <ids...>', 'only these source ids')
    .option('--no-save', 'do not record the health results in the store')
    .action(async (o: { sources?: string; id?: string[]; save: boolean }) => {
      let sources = (await loadSources(sourcesFile(o))).filter((s) => s.enabled);
      if (o.id?.length) sources = sources.filter((s) => o.id!.includes(s.id));
      const store = await openStore();
      const fetcher = new Fetcher({ retries: 1 });
      let bad = 0;
      try {
        const results = await Promise.all(
          sources.map(async (s) => {
            const prev = await store.sources.get(s.id);
            // Unconditional: a check must see the body, not a 304.
            const probe = prev ? { ...prev, etag: undefined, lastModified: undefined, bodyHash: undefined } as SourceState : undefined;
            const r = await fetcher.fetch(s, probe, { force: true });
            let detail = r.error ?? r.reason ?? '';
            if (r.status === 'fetched' && r.text) {
              if (s.type === 'html' && s.html) {
                const f = scrapeHtml(r.text, s.html, r.url);
                detail = `${f.entries.length} items (html)`;
                if (!f.entries.length) detail += ' – recipe matched nothing';
              } else {
                const p = parseFeed(r.text, { url: r.url, contentType: r.contentType ?? null });
                detail = p.ok ? `${p.feed.entries.length} items (${p.feed.format})` : `parse error: ${p.error}`;
                if (!p.ok) r.status = 'error';
              }
            }
            if (r.status === 'error') bad++;
            if (o.save) {
              const st = { ...r.state };
              if (prev?.etag && !st.etag) st.etag = prev.etag;
              await store.sources.set(s.id, st);
            }
            return `${pad(s.id, 26)}${pad(r.status, 10)}${pad(String(r.httpStatus ?? ''), 5)}${pad(`${r.durationMs}ms`, 8)}${detail}`;
          }),
        );
        out(results.join('\n'));
        out(`\n${sources.length} checked, ${bad} failing`);
        if (bad) process.exitCode = 1;
      } finally {
        await fetcher.close();
        await store.close();
      }
    });

  cmd
    .command('import')
    .description('read an OPML file and write a sources file (JSON) that adds its feeds to the built-ins')
    .argument('<file>', 'OPML file')
    .option('-o, --output <file>', 'sources file to write or extend (default: print to stdout)')
    .action(async (file: string, o: { output?: string }) => {
      const imported = parseOpml(await readFile(file, 'utf8'));
      const builtinUrls = new Set(builtinSources().map((s) => s.url));
      const fresh = imported.filter((s) => !builtinUrls.has(s.url));
      let doc: { builtins?: boolean; disable?: string[]; sources: Partial<Source>[] } = { sources: [] };
      if (o.output) {
        try {
          doc = JSON.parse(await readFile(o.output, 'utf8')) as typeof doc;
          doc.sources ??= [];
        } catch { /* new file */ }
      }
      const have = new Set(doc.sources.map((s) => s.id));
      for (const s of fresh) if (!have.has(s.id)) doc.sources.push(s);
      const text = JSON.stringify(doc, null, 2) + '\n';
      if (o.output) {
        await writeFile(o.output, text);
        out(`imported ${fresh.length} feeds (${imported.length - fresh.length} already built in) into ${o.output}`);
      } else out(text);
    });

  cmd
    .command('export')
    .description('print the effective source list as OPML')
    .option('--sources <file>', 'sources file (JSON or OPML)')
    .option('--enabled', 'only enabled sources')
    .action(async (o: { sources?: string; enabled?: boolean }) => {
      let sources = await loadSources(sourcesFile(o));
      if (o.enabled) sources = sources.filter((s) => s.enabled);
      out(toOpml(sources));
    });

  return cmd;
}
