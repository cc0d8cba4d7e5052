// `optout-radar kb check`: every knowledge-base guide with its last-verified
// date, its freshness marks and the stories behind them, so an operator knows
// exactly what to re-check. Exits 0 unless --strict and a guide needs re-checking.
import type { Command } from 'commander';
import type { Store } from '../store/store.js';
import { loadConfigOrThrow } from '../config/load.js';
import { formatKbCheck, guideFreshness, needsCheck } from '../freshness/index.js';
import type { Kb } from '../kb/index.js';

export interface KbCommandDeps {
  /** Opens the store; default: STORE_URL/STORE_PREFIX from the configuration. */
  openStore?: () => Promise<Store>;
  /** KB_STALE_DAYS; default: from the configuration. */
  staleDays?: () => number;
  kb?: Kb;
  now?: () => Date;
  out?: (s: string) => void;
}

const config = () => loadConfigOrThrow(process.env);

export function registerKbCommand(program: Command, deps: KbCommandDeps = {}): void {
  const out = deps.out ?? ((s: string) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`));
  const kb = program.command('kb').description('the opt-out knowledge base (data-kb/)');
  kb.command('check')
    .description('print every guide with its last-verified date, its freshness marks and the stories behind them')
    .option('--strict', 'exit with status 1 when a guide needs re-checking (for CI)')
    .action(async (o: { strict?: boolean }) => {
      const openStore =
        deps.openStore ??
        (async () => {
          const c = config();
          const { Store } = await import('../store/store.js');
          return Store.open(c.STORE_URL, { prefix: c.STORE_PREFIX });
        });
      const staleDays = deps.staleDays ? deps.staleDays() : config().KB_STALE_DAYS;
      const store = await openStore();
      try {
        const all = await guideFreshness(store, { ...(deps.kb ? { kb: deps.kb } : {}), now: (deps.now ?? (() => new Date()))(), staleDays });
        out(formatKbCheck(all));
        if (o.strict && all.some(needsCheck)) process.exitCode = 1;
      } finally {
        await store.close();
      }
    });
}
