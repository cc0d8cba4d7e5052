// `optout-radar discord-register [--guild ID]` against the fake: one bulk
// overwrite whose body carries the subcommands, typed options, the
// autocomplete flag and default_member_permissions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { registerDiscordRegisterCommand } from '../../src/cli/discord-register.js';
import { radarSubcommands } from '../../commands/index.js';
import { startFakeDiscord, type FakeDiscord, APP_ID } from './fake-discord.js';

let fake: FakeDiscord;
const saved: Record<string, string | undefined> = {};
const ENV = ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID', 'DISCORD_API_URL', 'DISCORD_PUBLIC_KEY', 'DISCORD_ALERT_CHANNELS', 'LOG_LEVEL'];

beforeAll(async () => {
  fake = await startFakeDiscord();
  for (const k of ENV) saved[k] = process.env[k];
  Object.assign(process.env, { DISCORD_TOKEN: 'register-token-123', DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'silent' });
  delete process.env.DISCORD_PUBLIC_KEY;
  delete process.env.DISCORD_ALERT_CHANNELS;
});

afterAll(async () => {
  for (const k of ENV) if (saved[k] === undefined) delete process.env[k];
  else process.env[k] = saved[k];
  await fake?.close();
});

async function run(args: string[]): Promise<{ out: string; err: string; code: number | undefined }> {
  const program = new Command('optout-radar').exitOverride();
  registerDiscordRegisterCommand(program);
  let out = '';
  let err = '';
  const w1 = process.stdout.write.bind(process.stdout);
  const w2 = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string) => ((out += s), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => ((err += s), true)) as typeof process.stderr.write;
  const before = process.exitCode;
  process.exitCode = undefined;
  try {
    await program.parseAsync(args, { from: 'user' });
  } finally {
    process.stdout.write = w1;
    process.stderr.write = w2;
  }
  const code = process.exitCode as number | undefined;
  process.exitCode = before;
  return { out, err, code };
}

describe('discord-register', () => {
  it('bulk-overwrites the guild commands with subcommands, typed options, autocomplete and permissions', async () => {
    const res = await run(['discord-register', '--guild', '444444444444444444']);
    expect(res.err).toBe('');
    expect(res.out).toMatch(/registered \d+ commands \(guild 444444444444444444\): \/optout, .*\/radar, \/radar-admin/);
    const puts = fake.calls.filter((c) => c.method === 'PUT');
    expect(puts).toHaveLength(1);
    expect(puts[0]!.path).toBe(`/applications/${APP_ID}/guilds/444444444444444444/commands`);
    expect(puts[0]!.auth).toBe('Bot register-token-123');
    const body = puts[0]!.body as any[];

    const optout = body.find((c) => c.name === 'optout');
    expect(optout.type).toBe(1);
    expect(optout.default_member_permissions).toBeUndefined();
    expect(optout.options[0]).toMatchObject({ name: 'platform', type: 3, required: true, autocomplete: true });
    expect(optout.options[0].choices).toBeUndefined(); // Discord refuses choices with autocomplete
    expect(optout.options[1]).toMatchObject({ name: 'region', type: 3, required: false });

    const radar = body.find((c) => c.name === 'radar');
    expect(radar.default_member_permissions).toBeUndefined();
    const subs = radar.options.map((o: any) => o.name);
    // Generated from commands/: every /radar subcommand that is not for managers, in order.
    expect(subs).toEqual(radarSubcommands.filter((m) => !m.definition.managersOnly).map((m) => m.definition.name));
    expect(subs).toEqual(expect.arrayContaining(['latest', 'search', 'why', 'subscriptions', 'sources', 'status', 'help']));
    expect(subs).not.toContain('subscribe');
    for (const o of radar.options) expect(o.type).toBe(1);
    expect(radar.options.find((o: any) => o.name === 'latest').options[0]).toMatchObject({ name: 'n', type: 4, min_value: 1, max_value: 20 });
    expect(radar.options.find((o: any) => o.name === 'search').options[0]).toMatchObject({ type: 3, required: true });

    const admin = body.find((c) => c.name === 'radar-admin');
    expect(admin.default_member_permissions).toBe('16'); // Manage Channels
    expect(admin.contexts).toEqual([0]);
    expect(admin.options.map((o: any) => o.name)).toEqual(radarSubcommands.filter((m) => m.definition.managersOnly).map((m) => m.definition.name));
    expect(admin.options.map((o: any) => o.name)).toEqual(expect.arrayContaining(['subscribe', 'unsubscribe']));
    const subscribe = admin.options.find((o: any) => o.name === 'subscribe').options;
    expect(subscribe.find((o: any) => o.name === 'min')).toMatchObject({ type: 10, min_value: 0, max_value: 1 });
    expect(subscribe.find((o: any) => o.name === 'grey')).toMatchObject({ type: 5 });
    expect(subscribe.find((o: any) => o.name === 'mode').choices).toEqual([
      { name: 'realtime', value: 'realtime' },
      { name: 'digest', value: 'digest' },
    ]);

    // Discord's own rules for every command and option.
    const names = /^[-_'\p{L}\p{N}]{1,32}$/u;
    const walk = (opts: any[] | undefined) => {
      expect((opts ?? []).length).toBeLessThanOrEqual(25);
      let seenOptional = false;
      for (const o of opts ?? []) {
        expect(o.name).toMatch(names);
        expect(o.name).toBe(o.name.toLowerCase());
        expect(o.description.length).toBeGreaterThan(0);
        expect(o.description.length).toBeLessThanOrEqual(100);
        if (o.type !== 1 && o.type !== 2) {
          if (o.required) expect(seenOptional, `${o.name}: required after optional`).toBe(false);
          else seenOptional = true;
        }
        if (o.autocomplete) expect(o.choices).toBeUndefined();
        walk(o.options);
      }
    };
    for (const c of body) {
      expect(c.name).toMatch(names);
      expect(c.description.length).toBeLessThanOrEqual(100);
      walk(c.options);
    }
  });

  it('registers globally without --guild', async () => {
    const res = await run(['discord-register']);
    expect(res.code ?? 0).toBe(0);
    expect(res.out).toMatch(/\(global\)/);
    expect(fake.calls.filter((c) => c.method === 'PUT').at(-1)!.path).toBe(`/applications/${APP_ID}/commands`);
  });

  it('refuses a malformed guild id without calling Discord', async () => {
    const before = fake.calls.length;
    const res = await run(['discord-register', '--guild', 'abc']);
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/--guild must be a numeric server id/);
    expect(fake.calls.length).toBe(before);
  });
});
