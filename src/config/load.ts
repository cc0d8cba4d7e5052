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
      const shown = raw === undefined || /TOKEN|SECRET|KEY/.test(key) ? '' : ` (got ${JSON.stringify(raw)})`;
      return `${key} ${issue.message}${shown}`;
    });
    throw new ConfigError(problems);
  }
  const config = result.data;
  registerSecrets([config.SLACK_BOT_TOKEN, config.SLACK_SIGNING_SECRET, config.SLACK_APP_TOKEN, config.DISCORD_TOKEN, passwordOf(config.STORE_URL)]);
  return config;
}

function passwordOf(url: string): string | undefined {
  try {
    return decodeURIComponent(new URL(url).password) || undefined;
  } catch {
    return undefined;
  }
}
