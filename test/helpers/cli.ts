// Drives the built CLI (bin/optout-radar.js → dist/) as a user would: a real
// process, real environment variables, output captured.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './env.js';

export const binPath = join(repoRoot, 'bin', 'optout-radar.js');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Environment for a child: the parent's minus settings that would leak into the bot. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(SLACK_|DISCORD_|STORE_|POLL_|SOURCES_FILE|PORT|HOST|LOG_LEVEL|ALERT_LANG|CLASSIFIER_|MAX_ITEM_AGE)/.test(k)) continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

export function runCli(args: string[], env: Record<string, string>, opts: { timeoutMs?: number; cwd?: string; input?: string } = {}): Promise<CliResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, ...args], { cwd: opts.cwd ?? repoRoot, env: cleanEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`optout-radar ${args.join(' ')} did not finish within ${opts.timeoutMs ?? 30_000} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, opts.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
    child.stdin.end(opts.input ?? '');
  });
}

export interface RunningBot {
  child: ChildProcess;
  port: number;
  logs: () => string;
  stdout: () => string;
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `serve` on an ephemeral port and resolves once it is listening. */
export function startServe(env: Record<string, string>, opts: { timeoutMs?: number; cwd?: string; command?: string[] } = {}): Promise<RunningBot> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, opts.command ?? [binPath, 'serve'], {
      cwd: opts.cwd ?? repoRoot,
      env: cleanEnv({ PORT: '0', HOST: '127.0.0.1', ...env }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    let settled = false;
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on('exit', (code, signal) => r({ code, signal })));
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      child.kill('SIGKILL');
      reject(new Error(`serve did not start within ${opts.timeoutMs ?? 20_000} ms:\n${stderr}`));
    }, opts.timeoutMs ?? 20_000);
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => {
      stderr += d;
      const m = /"port":(\d+)[^\n]*http server listening/.exec(stderr);
      if (m && !settled) {
        settled = true;
        clearTimeout(timer);
        resolve({
          child,
          port: Number(m[1]),
          logs: () => stderr,
          stdout: () => stdout,
          stop: async (signal = 'SIGTERM') => {
            child.kill(signal);
            return exited;
          },
        });
      }
    });
    void exited.then(({ code }) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        reject(new Error(`serve exited with ${code} before listening:\n${stderr}`));
      }
    });
  });
}

/** Polls `predicate` until it is true or `timeoutMs` passes (no fixed sleeps). */
export async function waitFor(predicate: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await predicate()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}
