// SIGKILL at each step of a delivery, then a restart: every channel ends with
// exactly one message per story (SQLite, and Redis when REDIS_URL is set).
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChatFake } from '../helpers/chat-fake.js';
import { repoRoot, requireOrSkip, uniquePrefix } from '../helpers/env.js';

const tmp = mkdtempSync(join(tmpdir(), 'crash-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function child(env: Record<string, string>): Promise<{ code: number | null; signal: string | null; out: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'test/delivery/crash-child.ts')], { env: { ...process.env, LOG_LEVEL: 'silent', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (out += d));
    p.on('close', (code, signal) => resolve({ code, signal, out }));
  });
}

const backends = [
  { name: 'sqlite', url: (tag: string) => `sqlite://${join(tmp, `${tag}.db`)}` as string | undefined },
  { name: 'redis', url: () => process.env.REDIS_URL },
];

for (const b of backends) {
  const run = b.url('x') !== undefined || requireOrSkip(`crash tests on ${b.name}`, false, 'REDIS_URL');
  describe.runIf(run)(`SIGKILL during delivery on ${b.name}`, () => {
    for (const step of ['claimed', 'accepted', 'recorded'] as const) {
      for (const nth of [1, 4]) {
        it(`killed at "${step}" of delivery #${nth}, restarted: exactly one message per story per channel`, async () => {
          const slack = await new ChatFake().start();
          const discord = await new ChatFake().start();
          try {
            const env = { STORE_URL: b.url(`${step}${nth}`)!, STORE_PREFIX: uniquePrefix('crash'), SLACK_FAKE: slack.url, DISCORD_FAKE: discord.url, STORIES: '3' };
            const first = await child({ ...env, CRASH_AT: step, CRASH_N: String(nth) });
            expect(first.signal, first.out).toBe('SIGKILL');
            const second = await child(env);
            expect(second.code, second.out).toBe(0);
            for (const [fake, ch] of [[slack, 'C1'], [slack, 'C2'], [discord, 'D1']] as const)
              expect(fake.inChannel(ch).map((m) => m.storyId).sort(), `${ch}`).toEqual(['k0', 'k1', 'k2']);
          } finally {
            await slack.close();
            await discord.close();
          }
        });
      }
    }
  });
}
