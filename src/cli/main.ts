// The `optout-radar` command line (SPEC §4). Each subcommand is registered
// here; the heavy lifting lives in the modules it calls.
import { Command, CommanderError } from 'commander';
import { loadConfig, ConfigError, type Config } from '../config/load.js';
import { setLogLevel } from '../log.js';
import type { Store } from '../store/store.js';

// Modules are imported when their command runs: start-up time is part of
// every `poll --once`, and the chat and database libraries are heavy.
type Registrar = (program: Command) => void;

async function openStoreFromConfig(): Promise<Store> {
  const c = loadConfigOrExit();
  const { Store } = await import('../store/store.js');
  return Store.open(c.STORE_URL, { prefix: c.STORE_PREFIX });
}

const classifyCommands = async (): Promise<Registrar> => (await import('./classify-commands.js')).registerClassifyCommands;
const MORE_COMMANDS: Record<string, () => Promise<Registrar>> = {
  'slack-manifest': async () => (await import('./slack-manifest.js')).registerSlackManifestCommand,
  'discord-register': async () => (await import('./discord-register.js')).registerDiscordRegisterCommand,
  classify: classifyCommands,
  eval: classifyCommands,
  optout: async () => (await import('./optout-command.js')).registerOptoutCommand,
  sources: async () => {
    const { registerSourcesCommand } = await import('./sources-command.js');
    return (p) => registerSourcesCommand(p, { openStore: openStoreFromConfig });
  },
  kb: async () => {
    const { registerKbCommand } = await import('./kb-command.js');
    return (p) => registerKbCommand(p, { openStore: openStoreFromConfig, staleDays: () => loadConfigOrExit().KB_STALE_DAYS });
  },
};

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

/** The program; with `argv`, only the command about to run is loaded (all of them for help). */
export async function buildProgram(argv: string[] = []): Promise<Command> {
  const program = new Command('optout-radar')
    .description('Watches tech news and regulators for AI-training-on-your-data stories and posts opt-out guidance to Slack, Discord or the console.')
    .showHelpAfterError()
    .configureOutput({ outputError: (str, write) => write(str) });

  program
    .command('serve')
    .description('run the bot: scheduler, HTTP server and every configured adapter (console when none)')
    .action(async () => {
      const config = loadConfigOrExit();
      await (await import('./runtimes.js')).installRuntimes();
      await (await import('./serve.js')).serve(config);
    });

  program
    .command('poll')
    .description('run one poll cycle now and deliver through every configured adapter')
    .requiredOption('--once', 'run a single cycle (required; `serve` polls on a schedule)')
    .option('--dry-run', 'print the alerts only; post nothing and write no state')
    .option('--sources <file>', 'sources file (JSON or OPML) instead of SOURCES_FILE / built-ins')
    .action(async (o: { once: boolean; dryRun?: boolean; sources?: string }) => {
      const config = loadConfigOrExit();
      if (!o.dryRun) await (await import('./runtimes.js')).installRuntimes();
      const { createBot } = await import('../app.js');
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
      await (await import('../demo/demo.js')).runDemo({ lang: o.lang });
    });

  const core = ['serve', 'poll', 'demo'];
  const wanted = argv[0] && MORE_COMMANDS[argv[0]] ? [argv[0]] : argv[0] && core.includes(argv[0]) ? [] : Object.keys(MORE_COMMANDS);
  const registrars = new Set(await Promise.all(wanted.map((name) => MORE_COMMANDS[name]!())));
  for (const register of registrars) register(program);

  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = await buildProgram(argv);
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
