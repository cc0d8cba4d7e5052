import { existsSync, readFileSync } from 'node:fs';
import { parse as parseDotenv } from 'dotenv';
import { configSchema, type Config } from './schema.js';
import { registerSecrets } from '../log.js';

export type { Config } from './schema.js';

/** Thrown when settings are wrong; `problems` holds one readable line each. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads the environment, overlaid on an optional `.env` file (real environment
 * variables win), and validates everything at once.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, dotenvPath = '.env'): Config {
  const merged: Record<string, string | undefined> = {};
  if (dotenvPath && existsSync(dotenvPath)) Object.assign(merged, parseDotenv(readFileSync(dotenvPath)));
  for (const [k, v] of Object.entries(env)) if (v !== undefined) merged[k] = v;
  const result = configSchema.safeParse(merged);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const key = issue.path.join('.') || 'configuration';
      const raw = merged[key];
      const shown = raw === undefined || /TOKEN|SECRET|KEY|PASSWORD/.test(key) ? '' : ` (got ${JSON.stringify(maskCredentials(raw))})`;
      return `${key} ${issue.message}${shown}`;
    });
    throw new ConfigError(problems);
  }
  const config = result.data;
  registerSecrets([
    config.SLACK_BOT_TOKEN,
    config.SLACK_SIGNING_SECRET,
    config.SLACK_APP_TOKEN,
    config.DISCORD_TOKEN,
    passwordOf(config.STORE_URL),
    ...config.DISCORD_ALERT_CHANNELS.map(webhookTokenOf),
  ]);
  return config;
}

/** The token part of a Discord webhook URL (…/webhooks/<id>/<token>): it alone lets anyone post. */
function webhookTokenOf(channel: string): string | undefined {
  return /\/webhooks\/\d+\/([^/?#\s]+)/.exec(channel)?.[1];
}

/** A value as shown in a configuration error: URL passwords and webhook tokens masked. */
function maskCredentials(raw: string): string {
  return raw
    .replace(/(\/\/[^/@\s:]*:)[^@\s/]*@/g, '$1***@')
    .replace(/(\/webhooks\/\d+\/)[^/?#\s,]+/g, '$1***');
}

function passwordOf(url: string): string | undefined {
  try {
    return decodeURIComponent(new URL(url).password) || undefined;
  } catch {
    return undefined;
  }
}

/** For commands run inside others (tests, CLI helpers): the problems as one Error instead of an exit. */
export function loadConfigOrThrow(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) throw new Error(`configuration error:\n${err.problems.map((p) => `  ${p}`).join('\n')}`);
    throw err;
  }
}
