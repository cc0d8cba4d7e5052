// Persistent state on keyv. One URL picks the backend (SQLite file by default,
// Redis or PostgreSQL for replicas sharing state); each kind of record lives in
// its own namespace so it can be listed without scanning the others.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Keyv from 'keyv';
// Backend adapters are loaded on demand: each pulls in a heavy client library.
type AdapterModules = { sqlite?: typeof import('@keyv/sqlite').default; redis?: typeof import('@keyv/redis').default; postgres?: typeof import('@keyv/postgres').default };
import { redisLocks, sqlLocks, type Locks } from './lock.js';

export const NAMESPACES = ['items', 'stories', 'deliveries', 'subscriptions', 'sources', 'meta'] as const;
export type NamespaceName = (typeof NAMESPACES)[number] | (string & {});

export type Backend = 'sqlite' | 'redis' | 'postgres';

/** A typed view of one namespace. */
export class Namespace<T> {
  constructor(
    readonly name: string,
    private readonly kv: Keyv<T>,
  ) {}
  async get(key: string): Promise<T | undefined> {
    return (await this.kv.get(key)) ?? undefined;
  }
  async has(key: string): Promise<boolean> {
    return this.kv.has(key);
  }
  async set(key: string, value: T, ttlMs?: number): Promise<void> {
    const ok = await this.kv.set(key, value, ttlMs);
    if (ok === false) throw new Error(`store: could not write ${this.name}/${key}`);
  }
  async delete(key: string): Promise<boolean> {
    return this.kv.delete(key);
  }
  /** Every entry of the namespace; order is backend-defined. */
  async *entries(): AsyncGenerator<[string, T]> {
    const it = this.kv.iterator;
    if (typeof it !== 'function') throw new Error(`store: backend cannot list ${this.name}`);
    for await (const [key, value] of it.call(this.kv, undefined) as AsyncGenerator<[string, T]>) {
      if (value !== undefined && value !== null) yield [stripNamespace(this.name, key), value];
    }
  }
  async values(): Promise<T[]> {
    const out: T[] = [];
    for await (const [, v] of this.entries()) out.push(v);
    return out;
  }
  async clear(): Promise<void> {
    await this.kv.clear();
  }
}

function stripNamespace(ns: string, key: string): string {
  return key.startsWith(`${ns}:`) ? key.slice(ns.length + 1) : key;
}

export class Store {
  private readonly spaces = new Map<string, Namespace<unknown>>();
  private readonly adapters: { disconnect?: () => Promise<void>; close?: () => Promise<void> }[] = [];
  private errors: Error[] = [];
  private lockImpl?: Locks;
  private modules: AdapterModules = {};

  private constructor(
    readonly backend: Backend,
    readonly url: string,
    /** Prepended to every namespace, so several bots (or test runs) can share one server. */
    readonly prefix: string,
  ) {}

  static async open(storeUrl: string, opts: { prefix?: string; connectTimeoutMs?: number } = {}): Promise<Store> {
    const backend = backendOf(storeUrl);
    const prefix = opts.prefix ?? '';
    if (prefix && !/^[a-z0-9_-]+$/i.test(prefix)) throw new Error('store prefix may only contain letters, digits, _ and -');
    const store = new Store(backend, storeUrl, prefix);
    if (backend === 'sqlite') store.modules.sqlite = (await import('@keyv/sqlite')).default;
    if (backend === 'redis') store.modules.redis = (await import('@keyv/redis')).default;
    if (backend === 'postgres') store.modules.postgres = (await import('@keyv/postgres')).default;
    if (backend === 'sqlite') {
      const file = sqlitePath(storeUrl);
      if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    }
    for (const ns of NAMESPACES) store.ns(ns);
    // Touch one namespace so connection problems surface now, at start, instead
    // of as a hang: clients reconnect forever in the background by design.
    const timeoutMs = opts.connectTimeoutMs ?? 10_000;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        store.ns('meta').get('__ping__'),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`cannot reach the ${backend} store within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      if (store.errors.length) throw store.errors[0];
    } catch (err) {
      void store.close();
      throw new Error(`store ${redactUrl(storeUrl)}: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      clearTimeout(timer);
    }
    return store;
  }

  /** The namespace `name`, created on first use. */
  ns<T>(name: NamespaceName): Namespace<T> {
    let space = this.spaces.get(name);
    if (!space) {
      // One adapter per namespace: keyv adapters carry a single namespace each.
      const adapter = this.makeAdapter();
      this.adapters.push(adapter as never);
      const full = `${this.prefix}${name}`;
      const kv = new Keyv<unknown>({ store: adapter, namespace: full, useKeyPrefix: true });
      kv.on('error', (err: Error) => this.errors.push(err));
      space = new Namespace<unknown>(full, kv);
      this.spaces.set(name, space);
    }
    return space as Namespace<T>;
  }

  get items() { return this.ns<import('../domain.js').Item>('items'); }
  get stories() { return this.ns<import('../domain.js').Story>('stories'); }
  get deliveries() { return this.ns<import('../domain.js').Delivery>('deliveries'); }
  get subscriptions() { return this.ns<import('../domain.js').Subscription>('subscriptions'); }
  get sources() { return this.ns<import('../domain.js').SourceState>('sources'); }
  get meta() { return this.ns<unknown>('meta'); }

  /** Named locks with expiry, shared by every replica on the same store. */
  get locks(): Locks {
    if (!this.lockImpl) {
      const adapter = this.makeAdapter() as {
        query?: (sql: string, params: unknown[]) => Promise<unknown>;
        getClient?: () => Promise<unknown>;
      };
      this.adapters.push(adapter as never);
      if (this.backend === 'redis') this.lockImpl = redisLocks(async () => (await adapter.getClient!()) as never, this.prefix);
      else this.lockImpl = sqlLocks(this.backend, (sql, params) => adapter.query!(sql, params), this.prefix);
    }
    return this.lockImpl;
  }

  private makeAdapter(): unknown {
    switch (this.backend) {
      case 'sqlite': {
        const adapter = new this.modules.sqlite!({ uri: `sqlite://${sqlitePath(this.url)}`, busyTimeout: 10_000 });
        // WAL with NORMAL sync: ~100× cheaper writes than the default rollback journal, still crash-safe
        // for committed transactions (a power cut may lose the last ones; the outbox re-checks the platform).
        if (sqlitePath(this.url) !== ':memory:') {
          const q = (adapter as unknown as { query: (sql: string) => Promise<unknown> }).query;
          void q('PRAGMA journal_mode=WAL').catch(() => undefined);
          void q('PRAGMA synchronous=NORMAL').catch(() => undefined);
        }
        return adapter;
      }
      case 'redis':
        return new this.modules.redis!(this.url, { throwOnConnectError: true });
      case 'postgres':
        return new this.modules.postgres!({ uri: this.url, table: 'optout_radar' });
    }
  }

  async close(): Promise<void> {
    await Promise.allSettled(
      this.adapters.map(async (a) => {
        if (typeof a.disconnect === 'function') await a.disconnect();
        else if (typeof a.close === 'function') await a.close();
      }),
    );
  }
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  }
}

export function backendOf(url: string): Backend {
  if (/^sqlite:/i.test(url)) return 'sqlite';
  if (/^rediss?:\/\//i.test(url)) return 'redis';
  if (/^postgres(ql)?:\/\//i.test(url)) return 'postgres';
  throw new Error(`unsupported STORE_URL scheme: ${url.split(':')[0]}`);
}

/** `sqlite://./data/x.db`, `sqlite:///abs/x.db` or `sqlite::memory:` → a file path. */
export function sqlitePath(url: string): string {
  const rest = url.replace(/^sqlite:(\/\/)?/i, '');
  if (rest === ':memory:') return ':memory:';
  return resolve(rest);
}
