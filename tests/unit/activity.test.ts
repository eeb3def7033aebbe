import { describe, expect, it } from 'vitest';
import { ACTIVITY_KEEP_MS, ACTIVITY_LIMIT, redactedPath, withEntry, type ActivityEntry } from '@/utils/diagnostics/activity';
import { requestJson } from '@/utils/http';
import * as z from 'zod/mini';

const entry = (at: number, path = '/api/clients/1991212616395436888/jobs'): ActivityEntry => ({
  at,
  service: 'UpHunt',
  method: 'GET',
  path,
  status: 200,
  outcome: 'ok',
  cost: null,
  note: null,
});

describe('the Activity log', () => {
  it('says how much of the rate limit an answer left, from its X-RateLimit headers', async () => {
    const { rateLimitNote } = await import('@/utils/diagnostics/activity');
    expect(rateLimitNote({ limit: 60, remaining: 59, reset: 1795000000 })).toBe('59 of 60 left until 11:06:40 UTC');
    expect(rateLimitNote({ limit: null, remaining: null, reset: null })).toBeNull();
  });

  it('keeps paths readable but blanks every query value', () => {
    expect(redactedPath('https://uphunt.io/api/jobs/by-ciphertext?cipher=~022052895097657407455')).toBe('/api/jobs/by-ciphertext?cipher=…');
    expect(redactedPath('https://api.mindcase.co/api/v1/credits?api_key=mk_live_secret')).toBe('/api/v1/credits?api_key=…');
    expect(redactedPath('not a url')).toBe('(unreadable URL)');
  });

  it('is newest first, forgets entries older than a week and keeps at most the limit', () => {
    const now = Date.UTC(2026, 10, 23);
    let log: ActivityEntry[] = [entry(now - ACTIVITY_KEEP_MS - 1, '/old')];
    for (let i = 0; i < ACTIVITY_LIMIT + 5; i++) log = withEntry(log, entry(now - 1000 + i, `/${i}`), now);
    expect(log).toHaveLength(ACTIVITY_LIMIT);
    expect(log[0]!.path).toBe(`/${ACTIVITY_LIMIT + 4}`);
    expect(log.some((e) => e.path === '/old')).toBe(false);
  });

  it('is told of each request with its status, outcome and cost, and never of its key', async () => {
    const seen: unknown[] = [];
    const deps = {
      now: () => 1,
      record: (r: unknown) => seen.push(r),
      fetch: async () => new Response('{"oops"', { status: 200 }),
    };
    await expect(
      requestJson(
        {
          service: 'Mindcase',
          url: 'https://api.mindcase.co/x',
          method: 'POST',
          headers: { Authorization: 'Bearer mk_live_secret' },
          schema: z.object({}),
          cost: '2 rows, $0.006',
        },
        deps,
      ),
    ).rejects.toThrow();
    expect(seen).toEqual([
      {
        at: 1,
        service: 'Mindcase',
        method: 'POST',
        url: 'https://api.mindcase.co/x',
        status: 200,
        outcome: 'malformed',
        cost: '2 rows, $0.006',
        rateLimit: { limit: null, remaining: null, reset: null },
      },
    ]);
    expect(JSON.stringify(seen)).not.toContain('mk_live_secret');
  });
});
