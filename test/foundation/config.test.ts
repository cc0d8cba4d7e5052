import { describe, expect, it } from 'vitest';
import { loadConfig, ConfigError } from '../../src/config/load.js';
import { runCli } from '../helpers/cli.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configSchema } from '../../src/config/schema.js';
import { repoRoot } from '../helpers/env.js';

describe('configuration', () => {
  it('has working defaults (SQLite under ./data, every 15 min, port 3000)', () => {
    const c = loadConfig({}, '');
    expect(c.STORE_URL).toBe('sqlite://./data/optout-radar.db');
    expect(c.POLL_SCHEDULE).toBe('*/15 * * * *');
    expect(c.PORT).toBe(3000);
    expect(c.SLACK_ALERT_CHANNELS).toEqual([]);
  });

  it('reports every problem at once, one readable line each', () => {
    let problems: string[] = [];
    try {
      loadConfig({ POLL_SCHEDULE: 'often', STORE_URL: 'ftp://x', PORT: '70000', LOG_LEVEL: 'loud' }, '');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      problems = (err as ConfigError).problems;
    }
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/^POLL_SCHEDULE .*cron.*"often"/m);
    expect(problems.join('\n')).toMatch(/^STORE_URL .*"ftp:\/\/x"/m);
    expect(problems.join('\n')).toMatch(/^PORT must be between 0 and 65535 \(got "70000"\)/m);
    expect(problems.join('\n')).toMatch(/^LOG_LEVEL must be one of/m);
  });

  it('.env.example documents every setting, and its values load as they are', () => {
    const example = readFileSync(join(repoRoot, '.env.example'), 'utf8');
    const shape = (configSchema as unknown as { _def: { in?: { shape: object }; schema?: { shape: object } } })._def;
    const keys = Object.keys((shape.in ?? shape.schema ?? (configSchema as unknown as { shape: object })).shape ?? {});
    expect(keys.length).toBeGreaterThan(20);
    for (const k of keys) expect(example, k).toMatch(new RegExp(`^${k}=`, 'm'));
    const env = Object.fromEntries(example.split('\n').filter((l) => /^[A-Z_]+=/.test(l)).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    expect(() => loadConfig(env, '')).not.toThrow();
  });

  it('never echoes secret values in its messages', () => {
    try {
      loadConfig({ SLACK_BOT_TOKEN: 'not-a-bot-token-value-123' }, '');
      expect.unreachable();
    } catch (err) {
      expect((err as ConfigError).problems.join('\n')).not.toContain('not-a-bot-token-value-123');
    }
  });

  it('parses channel lists and checks platform settings go together', () => {
    const c = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_ALERT_CHANNELS: 'C1, C2,,' }, '');
    expect(c.SLACK_ALERT_CHANNELS).toEqual(['C1', 'C2']);
    expect(() => loadConfig({ DISCORD_TOKEN: 'abc' }, '')).toThrow(/DISCORD_APPLICATION_ID is required/);
  });

  it('the CLI exits non-zero with one line per problem and starts nothing', async () => {
    const r = await runCli(['serve'], { POLL_SCHEDULE: 'often', STORE_URL: 'ftp://x', PORT: '70000' });
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/configuration error \(nothing started\)/);
    expect(lines.slice(1).map((l) => l.trim().split(' ')[0])).toEqual(['STORE_URL', 'POLL_SCHEDULE', 'PORT']);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(/listening/);
  });
});
