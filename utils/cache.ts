/**
 * A TTL cache in extension storage, built for a worker that dies every 30 s: entries live in storage,
 * only the in-flight promises live in memory (losing them to a restart costs at most one repeated call).
 */
import type * as z from 'zod/mini';
import { NAIVE } from './bench';

export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

export interface CacheEntry<T> {
  storedAt: number;
  value: T;
}

export interface TtlCacheOptions<S extends z.ZodMiniType> {
  store: KeyValueStore;
  keyOf: (id: string) => string;
  schema: S;
  ttlMs: number;
  now: () => number;
}

export interface LoadResult<T> {
  entry: CacheEntry<T>;
  fromCache: boolean;
}

export interface TtlCache<T> {
  peek(id: string): Promise<CacheEntry<T> | null>;
  isFresh(entry: CacheEntry<T>): boolean;
  /** The fresh cached value, or one fetch shared by every caller that asks while it runs. */
  load(id: string, fetcher: () => Promise<T>, options?: { force?: boolean }): Promise<LoadResult<T>>;
}

/** Runs `fn` once per key at a time: callers asking while it runs share its promise. */
export function createInFlight() {
  const running = new Map<string, Promise<unknown>>();
  return function shared<T>(key: string, fn: () => Promise<T>): Promise<T> {
    if (NAIVE) return fn();
    const existing = running.get(key) as Promise<T> | undefined;
    if (existing) return existing;
    const started = fn().finally(() => running.delete(key));
    running.set(key, started);
    return started;
  };
}
export type Shared = ReturnType<typeof createInFlight>;

export function createTtlCache<S extends z.ZodMiniType>(options: TtlCacheOptions<S>): TtlCache<z.output<S>> {
  type T = z.output<S>;
  const shared = createInFlight();

  const peek = async (id: string): Promise<CacheEntry<T> | null> => {
    const raw = (await options.store.get(options.keyOf(id))) as { storedAt?: unknown; value?: unknown } | null | undefined;
    if (!raw || typeof raw !== 'object' || typeof raw.storedAt !== 'number') return null;
    const parsed = options.schema.safeParse(raw.value);
    return parsed.success ? { storedAt: raw.storedAt, value: parsed.data } : null;
  };
  const isFresh = (entry: CacheEntry<T>) => !NAIVE && options.now() - entry.storedAt < options.ttlMs;

  const load = (id: string, fetcher: () => Promise<T>, { force = false } = {}): Promise<LoadResult<T>> =>
    shared(id, async () => {
      if (!force) {
        const cached = await peek(id);
        if (cached && isFresh(cached)) return { entry: cached, fromCache: true };
      }
      const entry = { storedAt: options.now(), value: await fetcher() };
      await options.store.set(options.keyOf(id), entry);
      return { entry, fromCache: false };
    });

  return { peek, isFresh, load };
}
