// `optout-radar discord-register [--guild ID]`: replaces the application's
// commands with the ones generated from commands/ (one bulk overwrite, so
// renamed or removed commands disappear too). Guild commands apply at once;
// global ones can take a while to show up everywhere.
import type { Command } from 'commander';
import { Routes, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import { ConfigError, loadConfig, type Config } from '../config/load.js';
import { buildCommandDefinitions } from '../adapters/discord/commands.js';
import { createRest } from '../adapters/discord/rest.js';

export interface RegisterResult {
  scope: 'global' | 'guild';
  names: string[];
}

export async function registerDiscordCommands(config: Config, opts: { guild?: string } = {}): Promise<RegisterResult> {
  if (!config.DISCORD_TOKEN || !config.DISCORD_APPLICATION_ID) throw new Error('DISCORD_TOKEN and DISCORD_APPLICATION_ID are required to register commands');
  if (opts.guild !== undefined && !/^\d{5,25}$/.test(opts.guild)) throw new Error(`--guild must be a numeric server id (got "${opts.guild.slice(0, 30)}")`);
  const rest = createRest(config, { retries: 1 });
  const route = opts.guild ? Routes.applicationGuildCommands(config.DISCORD_APPLICATION_ID, opts.guild) : Routes.applicationCommands(config.DISCORD_APPLICATION_ID);
  const saved = (await rest.put(route, { body: buildCommandDefinitions() })) as RESTPutAPIApplicationCommandsResult;
  return { scope: opts.guild ? 'guild' : 'global', names: saved.map((c) => c.name) };
}

export function registerDiscordRegisterCommand(program: Command): void {
  program
    .command('discord-register')
    .description('register the Discord application commands (/optout, /radar, /radar-admin) with a bulk overwrite')
    .option('--guild <id>', 'register in one server only (applies at once; handy while testing)')
    .action(async (o: { guild?: string }) => {
      try {
        const config = loadConfig();
        const res = await registerDiscordCommands(config, o.guild ? { guild: o.guild } : {});
        process.stdout.write(
          `registered ${res.names.length} commands (${res.scope}${o.guild ? ` ${o.guild}` : ''}): ${res.names.map((n) => `/${n}`).join(', ')}\n`,
        );
      } catch (err) {
        if (err instanceof ConfigError) {
          process.stderr.write(`optout-radar: configuration error (nothing registered):\n${err.problems.map((p) => `  ${p}\n`).join('')}`);
          process.exitCode = 2;
          return;
        }
        process.stderr.write(`discord-register: ${err instanceof Error ? err.message : String(err)}\n`);
        process.exitCode = 1;
      }
    });
}
