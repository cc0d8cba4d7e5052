// `optout-radar optout PLATFORM [--region CC] [--lang LL]`: prints the guide
// exactly as the bot would post it, through the console renderer.
import type { Command } from 'commander';
import { guideReply } from '../../commands/optout.js';
import { renderReplyText } from '../adapters/console/render.js';

export function registerOptoutCommand(program: Command): void {
  program
    .command('optout')
    .description('print the opt-out guide for a platform, as the bot would post it')
    .argument('<platform...>', 'platform name or alias (e.g. linkedin, "meta (instagram)", website)')
    .option('--region <CC>', 'country code or EU, EEA, UK')
    .option('--lang <LL>', 'label language (en, fr)', 'en')
    .action((words: string[], opts: { region?: string; lang?: string }) => {
      const reply = guideReply(words.join(' '), { ...(opts.region ? { region: opts.region } : {}), ...(opts.lang ? { lang: opts.lang } : {}) });
      const text = renderReplyText(reply);
      if (reply.error) {
        process.stderr.write(`${text}\n`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(`${text}\n`);
    });
}
