/**
 * The one TTL cache, in extension storage, built for a worker that dies every 30 s: entries live in storage (a
 * stored value or a family, read through its schema), only the in-flight promises live in memory (losing them to
 * a restart costs at most one repeated call). Client histories, Mindcase rows, the agency's freelancers and
 * UpHunt's list of applied jobs all go through it.
 */
import * as z from 'zod/mini';
import { NAIVE } from './bench';
import { ProblemSchema, type Problem } from './problem';

export interface CacheEntry<T> {
  storedAt: number;
  value: T;
  /** Why the last refresh failed (a cache that keeps problems); the value is the last good one. */
  problem?: Problem | null;
}
export const CacheEntrySchema = <S extends z.ZodMiniType>(value: S) =>
  z.object({ storedAt: z.number(), value, problem: z.optional(z.nullable(ProblemSchema)) });

/** Where the entries live: a storage family (storage.ts), which reads each through its schema. */
export interface EntryStore<T> {
  get(id: string): Promise<CacheEntry<T> | null>;
  set(id: string, entry: CacheEntry<T>): Promise<void>;
}

export interface TtlCacheOptions<T> {
  entries: EntryStore<T>;
  ttlMs: number;
  now: () => number;
  /**
   * Keeps a failed refresh's problem beside the last good value (or `empty`, when there is none yet) and answers
   * that, rather than throwing: for lists a form shows with what went wrong beside them.
   */
  keepProblems?: { problemOf: (error: unknown) => Problem; empty: T };
}

export interface LoadResult<T> {
  entry: CacheEntry<T>;
  fromCache: boolean;
}

export interface TtlCache<T> {
  peek(id: string): Promise<CacheEntry<T> | null>;
  isFresh(entry: CacheEntry<T>): boolean;
  /** Stores a value fetched elsewhere (a Mindcase run brings many rows at once). */
  put(id: string, value: T): Promise<void>;
  /** Makes an entry stale and forgets its problem (a new key may cure it), keeping its value. */
  expire(id: string): Promise<void>;
  /** The fresh cached value, or one fetch shared by every caller that asks while it runs. */
  load(id: string, fetcher: () => Promise<T>, options?: { force?: boolean }): Promise<LoadResult<T>>;
}

/** Runs `fn` once per key at a time: callers asking while it runs share its promise. */
export function createOnce() {
  const running = new Map<string, Promise<unknown>>();
  return function once<T>(key: string, fn: () => Promise<T>): Promise<T> {
    if (NAIVE) return fn();
    const existing = running.get(key) as Promise<T> | undefined;
    if (existing) return existing;
    const started = fn().finally(() => running.delete(key));
    running.set(key, started);
    return started;
  };
}
export type Once = ReturnType<typeof createOnce>;

export function createTtlCache<T>({ entries, ttlMs, now, keepProblems }: TtlCacheOptions<T>): TtlCache<T> {
  const once = createOnce();
  const isFresh = (entry: CacheEntry<T>) => !NAIVE && !entry.problem && now() - entry.storedAt < ttlMs;

  const load = (id: string, fetcher: () => Promise<T>, { force = false } = {}): Promise<LoadResult<T>> =>
    once(id, async () => {
      const cached = await entries.get(id);
      if (!force && cached && isFresh(cached)) return { entry: cached, fromCache: true };
      let entry: CacheEntry<T>;
      try {
        entry = { storedAt: now(), value: await fetcher(), problem: null };
      } catch (error) {
        if (!keepProblems) throw error;
        // A blip does not empty the form: the last good value stays, with what went wrong.
        entry = { storedAt: cached?.storedAt ?? 0, value: cached?.value ?? keepProblems.empty, problem: keepProblems.problemOf(error) };
      }
      await entries.set(id, entry);
      return { entry, fromCache: false };
    });

  const expire = async (id: string) => {
    const cached = await entries.get(id);
    if (cached) await entries.set(id, { ...cached, storedAt: 0, problem: null });
  };
  return { peek: (id) => entries.get(id), isFresh, load, put: (id, value) => entries.set(id, { storedAt: now(), value, problem: null }), expire };
}
