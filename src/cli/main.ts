// The `optout-radar` command line (SPEC §4). Each subcommand is registered
// here; the heavy lifting lives in the modules it calls.
import { Command, CommanderError } from 'commander';
import { loadConfig, ConfigError, type Config } from '../config/load.js';
import { setLogLevel } from '../log.js';
import { createBot } from '../app.js';
import { serve } from './serve.js';
import { runDemo } from '../demo/demo.js';
import { registerClassifyCommands } from './classify-commands.js';
import { registerOptoutCommand } from './optout-command.js';
import { registerSourcesCommand } from './sources-command.js';
import { registerKbCommand } from './kb-command.js';
import { registerSlackManifestCommand } from './slack-manifest.js';
import { registerDiscordRegisterCommand } from './discord-register.js';
import { installRuntimes } from './runtimes.js';

export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    const config = loadConfig(env);
    setLogLevel(config.LOG_LEVEL);
    return config;
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`optout-radar: configuration error (nothing started):\n`);
      for (const p of err.problems) process.stderr.write(`  ${p}\n`);
      process.exit(2);
    }
    throw err;
  }
}

export function buildProgram(): Command {
  const program = new Command('optout-radar')
    .description('Watches tech news and regulators for AI-training-on-your-data stories and posts opt-out guidance to Slack, Discord or the console.')
    .showHelpAfterError()
    .configureOutput({ outputError: (str, write) => write(str) });

  program
    .command('serve')
    .description('run the bot: scheduler, HTTP server and every configured adapter (console when none)')
    .action(async () => {
      await serve(loadConfigOrExit());
    });

  program
    .command('poll')
    .description('run one poll cycle now and deliver through every configured adapter')
    .requiredOption('--once', 'run a single cycle (required; `serve` polls on a schedule)')
    .option('--dry-run', 'print the alerts only; post nothing and write no state')
    .option('--sources <file>', 'sources file (JSON or OPML) instead of SOURCES_FILE / built-ins')
    .action(async (o: { once: boolean; dryRun?: boolean; sources?: string }) => {
      const config = loadConfigOrExit();
      const bot = await createBot(config, { sourcesFile: o.sources, console: true, noChat: Boolean(o.dryRun) });
      try {
        const report = await bot.cycle({ dryRun: Boolean(o.dryRun) });
        process.stderr.write(
          `poll: ${report.ingest.sources} sources, ${report.ingest.failed} failed, ${report.ingest.newItems} new items, ` +
            `${report.stories} stories, ${report.relevant} relevant, ${report.posted} posted, ${report.updated} updated` +
            `${o.dryRun ? ' (dry run: nothing stored)' : ''}\n`,
        );
        if (report.failed > 0) process.exitCode = 1;
      } finally {
        await bot.close();
      }
    });

  program
    .command('demo')
    .description('serve bundled sample feeds on 127.0.0.1 and run one cycle against them, offline, printing the alerts')
    .option('--lang <ll>', 'label language of the alerts (en, fr)', 'en')
    .action(async (o: { lang: string }) => {
      await runDemo({ lang: o.lang });
    });

  registerSlackManifestCommand(program);
  registerDiscordRegisterCommand(program);
  registerClassifyCommands(program);
  registerOptoutCommand(program);
  registerSourcesCommand(program, { openStore: async () => { const c = loadConfigOrExit(); const { Store } = await import('../store/store.js'); return Store.open(c.STORE_URL, { prefix: c.STORE_PREFIX }); } });
  registerKbCommand(program, { openStore: async () => { const c = loadConfigOrExit(); const { Store } = await import('../store/store.js'); return Store.open(c.STORE_URL, { prefix: c.STORE_PREFIX }); }, staleDays: () => loadConfigOrExit().KB_STALE_DAYS });

  return program;
}

export async function main(argv: string[]): Promise<void> {
  installRuntimes();
  const program = buildProgram();
  program.exitOverride();
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode;
      return;
    }
    throw err;
  }
}
