// No Docker engine exists on this machine, so this test replays the
// Dockerfile: it interprets its instructions (FROM, WORKDIR, COPY, RUN, ENV,
// HEALTHCHECK, CMD) in a clean temporary copy of the repo, then starts the
// runtime stage's CMD and runs its HEALTHCHECK against it.
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync, execSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repoRoot } from '../helpers/env.js';
import { waitFor } from '../helpers/cli.js';

interface Instruction { op: string; args: string }

export function parseDockerfile(text: string): Instruction[] {
  const joined = text.replace(/\\\r?\n/g, ' ');
  return joined
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const m = /^(\w+)\s+(.*)$/.exec(l)!;
      return { op: m[1]!.toUpperCase(), args: m[2]!.trim() };
    });
}

const tmp = mkdtempSync(join(tmpdir(), 'docker-replay-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('Dockerfile (replayed without an engine)', () => {
  it('builds in a clean copy and the runtime stage answers /healthz and passes its HEALTHCHECK', async () => {
    const steps = parseDockerfile(readFileSync(join(repoRoot, 'Dockerfile'), 'utf8'));
    // The build context: what git would send (tracked and untracked-but-not-ignored files).
    const context = join(tmp, 'context');
    const files = execSync('git ls-files --cached --others --exclude-standard -z', { cwd: repoRoot }).toString().split('\0').filter(Boolean);
    for (const f of files) {
      if (!existsSync(join(repoRoot, f))) continue;
      mkdirSync(dirname(join(context, f)), { recursive: true });
      cpSync(join(repoRoot, f), join(context, f));
    }
    const dockerignore = readFileSync(join(repoRoot, '.dockerignore'), 'utf8').split('\n').map((s) => s.trim()).filter(Boolean);
    for (const pattern of dockerignore) rmSync(join(context, pattern), { recursive: true, force: true });

    const stages = new Map<string, string>();
    const env: Record<string, string> = {};
    let stageDir = '';
    let workdir = '/';
    const dataRoot = join(tmp, 'root'); // stands for absolute paths outside WORKDIR, e.g. /data
    let healthcheck: string[] = [];
    let cmd: string[] = [];
    const skipped: string[] = [];
    const mapPath = (p: string) => (p.startsWith(workdir) ? join(stageDir, p.slice(workdir.length)) : p.startsWith('/') ? join(dataRoot, p) : join(stageDir, p));

    for (const { op, args } of steps) {
      switch (op) {
        case 'FROM': {
          const m = /^(\S+)(?:\s+AS\s+(\S+))?/i.exec(args)!;
          expect(m[1]).toMatch(/^node:22(-|\.|$)/); // Node 22 LTS
          stageDir = join(tmp, 'stage-' + (m[2] ?? String(stages.size)));
          mkdirSync(stageDir, { recursive: true });
          stages.set(m[2] ?? String(stages.size), stageDir);
          break;
        }
        case 'WORKDIR':
          workdir = args.endsWith('/') ? args : `${args}/`;
          break;
        case 'ENV':
          for (const m of args.matchAll(/(\w+)=("[^"]*"|\S+)/g)) env[m[1]!] = m[2]!.replace(/^"|"$/g, '');
          break;
        case 'COPY': {
          const from = /--from=(\S+)/.exec(args)?.[1];
          const parts = args.replace(/--\S+/g, '').trim().split(/\s+/);
          const dest = parts.pop()!;
          for (const src of parts) {
            const origin = from ? join(stages.get(from)!, src.replace(/^\/app\//, '')) : join(context, src);
            const target = dest.endsWith('/') || parts.length > 1 || dest === './' ? join(mapPath(dest === './' ? workdir : dest), src.split('/').pop()!) : mapPath(dest.startsWith('./') ? workdir + dest.slice(2) : dest);
            cpSync(origin, target, { recursive: true });
          }
          break;
        }
        case 'RUN': {
          if (/apt-get|chown/.test(args)) {
            skipped.push(args); // system package/user changes need the image; the host has the toolchain
            if (/mkdir -p (\S+)/.test(args)) mkdirSync(mapPath(/mkdir -p (\S+)/.exec(args)![1]!), { recursive: true });
            break;
          }
          execSync(args, { cwd: stageDir, stdio: 'pipe', env: { ...process.env, ...env, CI: 'true' }, timeout: 240_000 });
          break;
        }
        case 'HEALTHCHECK':
          healthcheck = JSON.parse(args.replace(/^.*?CMD\s+/, '')) as string[];
          break;
        case 'CMD':
          cmd = JSON.parse(args) as string[];
          break;
        default:
          break; // USER, VOLUME, EXPOSE: metadata with no build effect
      }
    }
    expect(steps.some((s) => s.op === 'USER' && s.args !== 'root')).toBe(true);
    expect(steps.some((s) => s.op === 'VOLUME' && s.args.includes('/data'))).toBe(true);
    // The runtime stage has production dependencies only.
    expect(existsSync(join(stageDir, 'node_modules', 'vitest'))).toBe(false);
    expect(existsSync(join(stageDir, 'node_modules', 'keyv'))).toBe(true);
    console.log(`dockerfile replay: ${steps.length} instructions, skipped (need the image): ${skipped.join(' | ')}`);

    const runEnv: NodeJS.ProcessEnv = { ...process.env, ...env, STORE_URL: env.STORE_URL!.replace('/data/', `${join(dataRoot, 'data')}/`), PORT: '0', HOST: '127.0.0.1', SOURCES_FILE: '', LOG_LEVEL: 'info' };
    for (const k of Object.keys(runEnv)) if (/^(SLACK_|DISCORD_)/.test(k)) delete runEnv[k];
    // A schedule far in the future and no network: the start-up poll fails fast and harmlessly.
    const child = spawn(cmd[0] === 'node' ? process.execPath : cmd[0]!, cmd.slice(1), { cwd: stageDir, env: { ...runEnv, POLL_SCHEDULE: '0 0 1 1 *' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let logs = '';
    child.stderr.on('data', (d) => (logs += d));
    try {
      await waitFor(() => /http server listening/.test(logs), 20_000, 'the container command to listen');
      const port = Number(/"port":(\d+)/.exec(logs)![1]);
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(res.status).toBe(200);
      const hc = execFileSync(healthcheck[0] === 'node' ? process.execPath : healthcheck[0]!, healthcheck.slice(1), { env: { ...runEnv, PORT: String(port) }, timeout: 10_000 });
      expect(hc.toString()).toBe('');
      expect(existsSync(join(dataRoot, 'data', 'optout-radar.db'))).toBe(true);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.on('exit', r));
    }

    // The README's quick start on the same fresh install (its `npm ci` already ran above):
    // `npm start` serves /healthz and says plainly that alerts go to the console.
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const quick = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('## Configuration'));
    expect(quick).toContain('npm ci && npm start');
    expect(quick).toContain('npm ci && npm test');
    const buildDir = stages.get('build')!;
    const npmStart = spawn('npm', ['start'], { cwd: buildDir, env: { ...runEnv, STORE_URL: `sqlite://${join(tmp, 'quick.db')}`, POLL_SCHEDULE: '0 0 1 1 *' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let startLogs = '';
    npmStart.stderr.on('data', (d) => (startLogs += d));
    try {
      await waitFor(() => /http server listening/.test(startLogs), 20_000, 'npm start to listen');
      const port = Number(/"port":(\d+)/.exec(startLogs)![1]);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      expect(startLogs).toMatch(/no Slack or Discord credentials set.*alerts are posted to the console/);
    } finally {
      process.kill(-npmStart.pid!, 'SIGTERM');
      await new Promise((r) => npmStart.on('exit', r));
    }
  }, 400_000);
});
