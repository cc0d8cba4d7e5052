// `optout-radar slack-manifest`: one paste creates a working app — both
// commands with usage hints, the scopes the adapter uses, and either the
// request URLs (HTTP mode) or Socket Mode.
import { describe, expect, it, vi } from 'vitest';
import { Command } from 'commander';
import { buildSlackManifest, registerSlackManifestCommand } from '../../src/cli/slack-manifest.js';

async function run(args: string[]): Promise<{ out: string; err: string; code: number | undefined }> {
  const program = new Command('optout-radar').exitOverride();
  registerSlackManifestCommand(program);
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  const before = process.exitCode;
  try {
    await program.parseAsync(['node', 'optout-radar', 'slack-manifest', ...args]);
    return { out, err, code: process.exitCode === before ? undefined : Number(process.exitCode) };
  } finally {
    o.mockRestore();
    e.mockRestore();
    process.exitCode = before;
  }
}

describe('slack-manifest', () => {
  it('HTTP mode: request URLs point at /slack/events for both commands and interactivity', async () => {
    const { out } = await run(['--url', 'https://radar.example.org/']);
    const m = JSON.parse(out);
    expect(m.settings.socket_mode_enabled).toBe(false);
    expect(m.settings.interactivity).toEqual({ is_enabled: true, request_url: 'https://radar.example.org/slack/events' });
    const cmds = m.features.slash_commands as { command: string; url?: string; usage_hint: string; description: string }[];
    expect(cmds.map((c) => c.command)).toEqual(['/optout', '/radar']);
    for (const c of cmds) {
      expect(c.url).toBe('https://radar.example.org/slack/events');
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.usage_hint.length).toBeLessThanOrEqual(1000);
    }
    expect(cmds[1]!.usage_hint).toContain('latest');
    expect(m.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['commands', 'chat:write', 'chat:write.public', 'users:read', 'channels:history', 'groups:history']));
    expect(m.display_information.name.length).toBeLessThanOrEqual(35);
    expect(m.features.bot_user.display_name).toBe('optout-radar');
  });

  it('Socket Mode: no URLs, socket_mode_enabled', async () => {
    const { out } = await run(['--socket']);
    const m = JSON.parse(out);
    expect(m.settings.socket_mode_enabled).toBe(true);
    expect(m.settings.interactivity).toEqual({ is_enabled: true });
    expect(JSON.stringify(m)).not.toContain('"url"');
  });

  it('refuses to guess: no --url and no --socket, or a non-https URL, is an error', async () => {
    expect((await run([])).code).toBe(2);
    const bad = await run(['--url', 'http://radar.example.org']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/https/);
    expect(() => buildSlackManifest({})).toThrow(/--url|--socket/);
  });
});
