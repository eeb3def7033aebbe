import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { createTtlCache } from '@/utils/cache';
import { CacheEntrySchema } from '@/utils/cache';

function setup() {
  const data = new Map<string, unknown>();
  let now = 1_000_000;
  const schema = CacheEntrySchema(z.object({ n: z.number() }));
  // As a storage family reads them: an entry that does not fit its schema is missing.
  const cache = createTtlCache({
    entries: {
      get: async (id) => {
        const parsed = schema.safeParse(data.get(`local:item:${id}`));
        return parsed.success ? parsed.data : null;
      },
      set: async (id, entry) => void data.set(`local:item:${id}`, entry),
    },
    ttlMs: 60_000,
    now: () => now,
  });
  return { data, cache, advance: (ms: number) => (now += ms) };
}

describe('TTL cache', () => {
  it('serves a fresh entry without fetching, and fetches again once it is stale', async () => {
    const { cache, advance } = setup();
    let fetches = 0;
    const fetcher = async () => ({ n: ++fetches });
    expect((await cache.load('a', fetcher)).fromCache).toBe(false);
    advance(59_000);
    expect(await cache.load('a', fetcher)).toMatchObject({ fromCache: true, entry: { value: { n: 1 } } });
    advance(2_000);
    expect(await cache.load('a', fetcher)).toMatchObject({ fromCache: false, entry: { value: { n: 2 } } });
  });

  it('force skips a fresh entry (Refresh)', async () => {
    const { cache } = setup();
    let fetches = 0;
    await cache.load('a', async () => ({ n: ++fetches }));
    await cache.load('a', async () => ({ n: ++fetches }), { force: true });
    expect(fetches).toBe(2);
  });

  it('shares one fetch among callers asking at the same time', async () => {
    const { cache } = setup();
    let fetches = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const fetcher = async () => {
      fetches += 1;
      await gate;
      return { n: fetches };
    };
    const all = Promise.all([cache.load('a', fetcher), cache.load('a', fetcher), cache.load('a', fetcher, { force: true })]);
    release();
    const results = await all;
    expect(fetches).toBe(1);
    expect(results.map((r) => r.entry.value.n)).toEqual([1, 1, 1]);
  });

  it('does not keep a failure: the next call tries again', async () => {
    const { cache } = setup();
    await expect(cache.load('a', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect((await cache.load('a', async () => ({ n: 5 }))).entry.value).toEqual({ n: 5 });
  });

  it('treats a stored value of the wrong shape as missing', async () => {
    const { cache, data } = setup();
    data.set('local:item:a', { storedAt: 1_000_000, value: { n: 'not a number' } });
    expect(await cache.peek('a')).toBeNull();
    expect((await cache.load('a', async () => ({ n: 1 }))).fromCache).toBe(false);
  });
});
