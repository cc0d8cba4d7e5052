// Ed25519 check of Discord's HTTP interactions (signature over timestamp +
// raw body, with the application's public key). Discord itself sends bad
// signatures now and then and drops endpoints that accept them.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

// DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows.
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');

/** Discord does not bound the timestamp; we refuse replays older (or newer) than this. */
export const MAX_SKEW_SEC = 300;

export function publicKeyFromHex(hex: string): KeyObject {
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error('DISCORD_PUBLIC_KEY must be 64 hex characters');
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519, Buffer.from(hex, 'hex')]), format: 'der', type: 'spki' });
}

export type Verdict = { ok: true } | { ok: false; reason: string };

export function verifyInteraction(opts: {
  key: KeyObject;
  signature: string | undefined;
  timestamp: string | undefined;
  body: Buffer;
  nowMs?: number;
  maxSkewSec?: number;
}): Verdict {
  const { signature, timestamp } = opts;
  if (!signature || !/^[0-9a-f]{128}$/i.test(signature)) return { ok: false, reason: 'missing or malformed signature' };
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'missing or malformed timestamp' };
  const skew = Math.abs((opts.nowMs ?? Date.now()) / 1000 - Number(timestamp));
  if (skew > (opts.maxSkewSec ?? MAX_SKEW_SEC)) return { ok: false, reason: 'stale timestamp' };
  let good = false;
  try {
    good = verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), opts.body]), opts.key, Buffer.from(signature, 'hex'));
  } catch {
    good = false;
  }
  return good ? { ok: true } : { ok: false, reason: 'bad signature' };
}
