// Address guard for URLs taken from feed content (article pages): refuses
// loopback, private, link-local, CGNAT, multicast and cloud-metadata addresses.
// It checks the addresses DNS actually returned, inside the connect path, so a
// name that resolves (or re-resolves) to 127.0.0.1 or 169.254.169.254 is refused.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';

export interface GuardOptions {
  /** Tests and the demo serve pages on 127.0.0.x; production leaves this off. */
  allowLoopback?: boolean;
  /**
   * Tests only: exact addresses to treat as public (a local server standing in
   * for a public host, e.g. one that redirects to 127.0.0.1). Never set in production.
   */
  treatAsPublic?: string[];
  /** Tests only: the resolver (dns.lookup with all: true) whose answers are checked. */
  lookup?: (hostname: string, options: { all: true; family?: number }, cb: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;
}

export class BlockedAddressError extends Error {
  readonly code = 'EBLOCKED';
  constructor(host: string, address: string, why: string) {
    super(`refused ${host} (${address}): ${why} address`);
  }
}

function v4ToInt(ip: string): number {
  return ip.split('.').reduce((acc, p) => (acc << 8) + Number(p), 0) >>> 0;
}

const V4_BLOCKS: [string, number, string][] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local/metadata'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

function v4Class(ip: string): string | undefined {
  const n = v4ToInt(ip);
  for (const [base, bits, why] of V4_BLOCKS) {
    const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
    if ((n & mask) === (v4ToInt(base) & mask)) return why;
  }
  return undefined;
}

function expandV6(ip: string): number[] | undefined {
  let s = ip.toLowerCase().replace(/%.*$/, '');
  // Embedded dotted IPv4 at the end (::ffff:1.2.3.4)
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (dotted) {
    const n = v4ToInt(dotted[1]!);
    s = s.slice(0, -dotted[1]!.length) + `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = s.split('::');
  const h = head ? head.split(':') : [];
  const t = tail !== undefined ? (tail ? tail.split(':') : []) : [];
  const fill = s.includes('::') ? 8 - h.length - t.length : 0;
  const parts = [...h, ...Array(Math.max(0, fill)).fill('0'), ...t].map((p) => parseInt(p || '0', 16));
  return parts.length === 8 && parts.every((p) => Number.isFinite(p)) ? parts : undefined;
}

function v6Class(ip: string): string | undefined {
  const p = expandV6(ip);
  if (!p) return 'unparseable';
  const [a = 0, b = 0, , , , f = 0, g = 0, h = 0] = p;
  if (p.every((x) => x === 0)) return 'unspecified';
  if (p.slice(0, 7).every((x) => x === 0) && h === 1) return 'loopback';
  // IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d): judge the IPv4 inside.
  if ((p.slice(0, 5).every((x) => x === 0) && f === 0xffff) || (a === 0x64 && b === 0xff9b)) {
    return v4Class(`${g >> 8}.${g & 0xff}.${h >> 8}.${h & 0xff}`);
  }
  if ((a & 0xfe00) === 0xfc00) return 'private (unique local)';
  if ((a & 0xffc0) === 0xfe80) return 'link-local';
  if ((a & 0xff00) === 0xff00) return 'multicast';
  return undefined;
}

/** Why an address may not be fetched, or undefined if it may. */
export function blockedReason(address: string, opts: GuardOptions = {}): string | undefined {
  if (opts.treatAsPublic?.includes(address)) return undefined;
  const fam = isIP(address);
  const why = fam === 4 ? v4Class(address) : fam === 6 ? v6Class(address) : 'not an IP';
  if (why === 'loopback' && opts.allowLoopback) return undefined;
  return why;
}

const BLOCKED_NAMES = /^(localhost|metadata|metadata\.google\.internal|instance-data|.*\.localhost|.*\.internal)\.?$/i;

/** Checks a URL's host before connecting (literal IPs and obviously internal names). */
export function checkHost(hostname: string, opts: GuardOptions = {}): void {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) {
    const why = blockedReason(host, opts);
    if (why) throw new BlockedAddressError(host, host, why);
    return;
  }
  if (BLOCKED_NAMES.test(host) && !(opts.allowLoopback && /localhost\.?$/i.test(host))) {
    throw new BlockedAddressError(host, host, 'internal host name');
  }
}

type LookupCb = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A dns.lookup replacement for net/tls connect options that refuses blocked results. */
export function guardedLookup(opts: GuardOptions = {}) {
  return (hostname: string, options: { all?: boolean; family?: number } | number, cb: LookupCb): void => {
    const o = typeof options === 'number' ? { family: options } : options ?? {};
    const resolve = opts.lookup ?? ((h: string, op: { all: true; family?: number }, done: (e: NodeJS.ErrnoException | null, a: LookupAddress[]) => void) => dnsLookup(h, op, done));
    resolve(hostname, { ...(o.family ? { family: o.family } : {}), all: true }, (err, addresses) => {
      if (err) return cb(err, '');
      const list = addresses as LookupAddress[];
      for (const a of list) {
        const why = blockedReason(a.address, opts);
        if (why) return cb(new BlockedAddressError(hostname, a.address, why), '');
      }
      if (!list.length) return cb(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '');
      if (o.all) cb(null, list);
      else cb(null, list[0]!.address, list[0]!.family);
    });
  };
}
