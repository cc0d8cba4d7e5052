// Interactions as Discord sends them, and Discord's Ed25519 request signing
// (signature over timestamp + raw body), with node:crypto only.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { APP_ID } from './fake-discord.js';

export interface Keys {
  publicHex: string;
  privateKey: KeyObject;
}

export function makeKeys(): Keys {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const publicHex = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
  return { publicHex, privateKey };
}

export function signedHeaders(body: string, privateKey: KeyObject, timestamp = String(Math.floor(Date.now() / 1000))): Record<string, string> {
  const signature = sign(null, Buffer.from(timestamp + body), privateKey).toString('hex');
  return { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp };
}

export async function postInteraction(baseUrl: string, body: string, headers: Record<string, string>): Promise<{ status: number; json: any }> {
  const res = await fetch(`${baseUrl}/discord/interactions`, { method: 'POST', headers, body });
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  return { status: res.status, json };
}

let counter = 0;
const MANAGE_CHANNELS = 1n << 4n;
const SEND_MESSAGES = 1n << 11n;

export interface Who {
  channelId?: string;
  manager?: boolean;
  locale?: string;
}

function base(type: number, who: Who = {}) {
  counter++;
  const perms = who.manager ? MANAGE_CHANNELS | SEND_MESSAGES : SEND_MESSAGES;
  const channelId = who.channelId ?? '333333333333333333';
  return {
    id: String(700000000000000000n + BigInt(counter)),
    application_id: APP_ID,
    type,
    token: `itoken-${counter}-${'x'.repeat(40)}`,
    version: 1,
    guild_id: '444444444444444444',
    channel_id: channelId,
    channel: { id: channelId, type: 0 },
    locale: who.locale ?? 'en-US',
    guild_locale: 'en-US',
    app_permissions: '2048',
    entitlements: [],
    authorizing_integration_owners: { '0': '444444444444444444' },
    context: 0,
    member: {
      user: { id: '555555555555555555', username: 'alice', discriminator: '0', global_name: 'Alice', avatar: null },
      roles: [],
      permissions: String(perms),
      joined_at: '2024-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0,
    },
  };
}

export const ping = () => ({ ...base(1), type: 1 });

/** A chat-input command: `/optout platform:linkedin` or `/radar latest n:3`. */
export function slash(name: string, opts: { sub?: string; options?: { name: string; type: number; value: unknown }[] } & Who = {}) {
  const leaf = (opts.options ?? []).map((o) => ({ ...o }));
  const options = opts.sub ? [{ type: 1, name: opts.sub, options: leaf }] : leaf;
  return { ...base(2, opts), data: { id: '666666666666666666', name, type: 1, options } };
}

export function autocomplete(name: string, option: string, partial: string, opts: { sub?: string } & Who = {}) {
  const leaf = [{ type: 3, name: option, value: partial, focused: true }];
  const options = opts.sub ? [{ type: 1, name: opts.sub, options: leaf }] : leaf;
  return { ...base(4, opts), data: { id: '666666666666666666', name, type: 1, options } };
}
