// Named locks with expiry in the shared store, so that among several replicas
// only one polls per cycle and only one drains the outbox at a time. A holder
// renews its lock while it works; a crashed holder's lock simply expires.
import type { Backend } from './store.js';

export interface Locks {
  /** Takes `name` for `owner` for `ttlMs` if free, expired, or already ours. */
  acquire(name: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Extends our hold; false when the lock was lost (expired and taken). */
  renew(name: string, owner: string, ttlMs: number): Promise<boolean>;
  release(name: string, owner: string): Promise<void>;
  holder(name: string): Promise<string | undefined>;
}

type SqlQuery = (sql: string, params: unknown[]) => Promise<unknown>;

interface RedisLike {
  set(key: string, value: string, opts: { NX?: boolean; PX?: number }): Promise<string | null>;
  get(key: string): Promise<string | null>;
  eval(script: string, opts: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

const RENEW_LUA = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";
const RELEASE_LUA = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

export function redisLocks(client: () => Promise<RedisLike>, prefix: string): Locks {
  const key = (n: string) => `optout-radar:lock:${prefix}${n}`;
  return {
    async acquire(name, owner, ttlMs) {
      const c = await client();
      if ((await c.set(key(name), owner, { NX: true, PX: ttlMs })) === 'OK') return true;
      // Re-entrant: the holder may re-acquire (and so extend) its own lock.
      return Number(await c.eval(RENEW_LUA, { keys: [key(name)], arguments: [owner, String(ttlMs)] })) === 1;
    },
    async renew(name, owner, ttlMs) {
      const c = await client();
      return Number(await c.eval(RENEW_LUA, { keys: [key(name)], arguments: [owner, String(ttlMs)] })) === 1;
    },
    async release(name, owner) {
      const c = await client();
      await c.eval(RELEASE_LUA, { keys: [key(name)], arguments: [owner] });
    },
    async holder(name) {
      const c = await client();
      return (await c.get(key(name))) ?? undefined;
    },
  };
}

/** SQLite and PostgreSQL share the SQL; only placeholders differ. */
export function sqlLocks(backend: Extract<Backend, 'sqlite' | 'postgres'>, query: SqlQuery, prefix: string, now: () => number = Date.now): Locks {
  const p = (i: number) => (backend === 'postgres' ? `$${i}` : '?');
  const table = 'optout_radar_locks';
  const ready = query(`CREATE TABLE IF NOT EXISTS ${table} (name VARCHAR(255) PRIMARY KEY, owner VARCHAR(255) NOT NULL, expires BIGINT NOT NULL)`, []).catch(async (err: unknown) => {
    // Two replicas creating the table at once: the loser sees a duplicate error; the table exists.
    if (!/already exists|duplicate/i.test(String(err))) throw err;
  });
  const rows = (r: unknown): { owner: string; expires: number | string }[] => (Array.isArray(r) ? r : ((r as { rows?: unknown[] })?.rows ?? [])) as never;
  const n = (name: string) => `${prefix}${name}`;
  // Replay records add a row per accepted request: expired rows are swept now and then.
  let acquires = 0;
  const sweep = async (t: number) => {
    if (++acquires % 200 === 0) await query(`DELETE FROM ${table} WHERE expires < ${p(1)}`, [t - 60_000]).catch(() => undefined);
  };
  return {
    async acquire(name, owner, ttlMs) {
      await ready;
      const t = now();
      await sweep(t);
      const sql =
        `INSERT INTO ${table} (name, owner, expires) VALUES (${p(1)}, ${p(2)}, ${p(3)}) ` +
        `ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires = excluded.expires ` +
        `WHERE ${table}.expires < ${p(4)} OR ${table}.owner = ${p(5)}`;
      await query(sql, [n(name), owner, t + ttlMs, t, owner]);
      const r = rows(await query(`SELECT owner, expires FROM ${table} WHERE name = ${p(1)}`, [n(name)]));
      return r[0]?.owner === owner && Number(r[0]?.expires) >= t;
    },
    async renew(name, owner, ttlMs) {
      await ready;
      const t = now();
      await query(`UPDATE ${table} SET expires = ${p(1)} WHERE name = ${p(2)} AND owner = ${p(3)} AND expires >= ${p(4)}`, [t + ttlMs, n(name), owner, t]);
      const r = rows(await query(`SELECT owner, expires FROM ${table} WHERE name = ${p(1)}`, [n(name)]));
      return r[0]?.owner === owner && Number(r[0]?.expires) >= t;
    },
    async release(name, owner) {
      await ready;
      await query(`DELETE FROM ${table} WHERE name = ${p(1)} AND owner = ${p(2)}`, [n(name), owner]);
    },
    async holder(name) {
      await ready;
      const r = rows(await query(`SELECT owner, expires FROM ${table} WHERE name = ${p(1)}`, [n(name)]));
      return r[0] && Number(r[0].expires) >= now() ? r[0].owner : undefined;
    },
  };
}
