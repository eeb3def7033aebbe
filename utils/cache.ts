/**
 * A TTL cache in extension storage, built for a worker that dies every 30 s: entries live in storage (a family,
 * read through its schema), only the in-flight promises live in memory (losing them to a restart costs at most one repeated call).
 */
import * as z from 'zod/mini';
import { NAIVE } from './bench';

export interface CacheEntry<T> {
  storedAt: number;
  value: T;
}
export const CacheEntrySchema = <S extends z.ZodMiniType>(value: S) => z.object({ storedAt: z.number(), value });

/** Where the entries live: a storage family (storage.ts), which reads each through its schema. */
export interface EntryStore<T> {
  get(id: string): Promise<CacheEntry<T> | null>;
  set(id: string, entry: CacheEntry<T>): Promise<void>;
}

export interface TtlCacheOptions<T> {
  entries: EntryStore<T>;
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

export function createTtlCache<T>({ entries, ttlMs, now }: TtlCacheOptions<T>): TtlCache<T> {
  const shared = createInFlight();
  const isFresh = (entry: CacheEntry<T>) => !NAIVE && now() - entry.storedAt < ttlMs;

  const load = (id: string, fetcher: () => Promise<T>, { force = false } = {}): Promise<LoadResult<T>> =>
    shared(id, async () => {
      if (!force) {
        const cached = await entries.get(id);
        if (cached && isFresh(cached)) return { entry: cached, fromCache: true };
      }
      const entry = { storedAt: now(), value: await fetcher() };
      await entries.set(id, entry);
      return { entry, fromCache: false };
    });

  return { peek: (id) => entries.get(id), isFresh, load };
}
