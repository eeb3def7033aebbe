import * as z from 'zod/mini';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ApiError, parseRetryAfter, requestJson, type HttpDeps } from '@/utils/http';
import { storedLimiter } from '@/utils/limiter';
import type { Problem } from '@/utils/problem';

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const schema = z.object({ name: z.string() });

function deps(response: Response | Error): HttpDeps {
  return { now: () => NOW, fetch: async () => (response instanceof Error ? Promise.reject(response) : response) };
}

async function problemOf(response: Response | Error): Promise<Problem> {
  try {
    await requestJson({ service: 'UpHunt', url: 'https://uphunt.io/x', headers: {}, schema }, deps(response));
  } catch (error) {
    if (error instanceof ApiError) return error.problem;
    throw error;
  }
  throw new Error('expected a failure');
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('requestJson', () => {
  it('returns the parsed answer and the rate-limit headers', async () => {
    const result = await requestJson(
      { service: 'UpHunt', url: 'https://uphunt.io/x', headers: {}, schema },
      deps(json(200, { name: 'Acme', extra: 1 }, { 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '59', 'x-ratelimit-reset': '1795000000' })),
    );
    expect(result).toEqual({ data: { name: 'Acme' }, rateLimit: { limit: 60, remaining: 59, reset: 1795000000 } });
  });

  it.each([
    [401, 'unauthorized'],
    [402, 'payment_required'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [409, 'conflict'],
    [422, 'validation'],
    [500, 'server'],
    [503, 'server'],
  ])('names HTTP %i as %s, with the service message (its code word left out)', async (status, kind) => {
    const problem = await problemOf(json(status, { error: 'code', message: 'what happened' }));
    expect(problem).toMatchObject({ service: 'UpHunt', kind, status, detail: 'what happened' });
  });

  it("shows UpHunt's human error text and keeps the body's other fields; reads Mindcase's FastAPI `detail`", async () => {
    const error = await requestJson(
      { service: 'UpHunt', url: 'https://uphunt.io/x', headers: {}, schema: z.unknown() },
      { fetch: async () => json(402, { error: 'Insufficient auto-apply credits', creditsRemaining: 0, needsCredits: true }), now: () => NOW },
    ).then(
      () => {
        throw new Error('expected a 402');
      },
      (e: unknown) => e as ApiError,
    );
    expect(error.problem.detail).toBe('Insufficient auto-apply credits');
    expect(error.body).toMatchObject({ creditsRemaining: 0, needsCredits: true });
    expect((await problemOf(json(401, { detail: 'Invalid API key' }))).detail).toBe('Invalid API key');
    expect((await problemOf(json(422, { detail: [{ msg: 'limit must be positive' }, { msg: 'inputs is required' }] }))).detail).toBe(
      'limit must be positive; inputs is required',
    );
  });

  it('turns Retry-After seconds into the time we may call again', async () => {
    const problem = await problemOf(json(429, { error: 'rate_limit_exceeded' }, { 'retry-after': '7' }));
    expect(problem).toMatchObject({ kind: 'rate_limited', retryAt: NOW + 7000 });
  });

  it("falls back to Mindcase's retry_after in the body", async () => {
    const problem = await problemOf(json(429, { error: 'rate_limit_exceeded', retry_after: 12 }));
    expect(problem.retryAt).toBe(NOW + 12_000);
  });

  it('says the answer is malformed when it is not JSON, or JSON of the wrong shape', async () => {
    expect(await problemOf(new Response('{"name": "Ac', { status: 200 }))).toMatchObject({ kind: 'malformed' });
    const wrong = await problemOf(json(200, { name: 42 }));
    expect(wrong).toMatchObject({ kind: 'malformed' });
    expect(wrong.detail).toContain('name');
  });

  it('tells a network failure from a timeout', async () => {
    expect(await problemOf(new TypeError('Failed to fetch'))).toMatchObject({ kind: 'network', detail: 'Failed to fetch' });
    expect(await problemOf(new DOMException('signal timed out', 'TimeoutError'))).toMatchObject({ kind: 'timeout' });
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, and nothing else', () => {
    expect(parseRetryAfter('30', NOW)).toBe(30_000);
    expect(parseRetryAfter(new Date(NOW + 5000).toUTCString(), NOW)).toBe(5000);
    expect(parseRetryAfter('soon', NOW)).toBeNull();
    expect(parseRetryAfter(null, NOW)).toBeNull();
  });
});

describe('pacing by the rate-limit headers', () => {
  beforeEach(() => fakeBrowser.reset());

  it('after an answer with X-RateLimit-Remaining 0, the next call of that kind waits for the reset instead of earning a 429', async () => {
    let sent = 0;
    const deps: HttpDeps = {
      fetch: async () => {
        sent += 1;
        return new Response('{}', {
          status: 200,
          headers: { 'x-ratelimit-limit': '30', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String((NOW + 20_000) / 1000) },
        });
      },
      now: () => NOW,
      limiter: storedLimiter,
    };
    const call = (path: string) =>
      requestJson({ service: 'UpHunt', url: `https://uphunt.io/api/auto-apply-v2/${path}`, headers: {}, schema: z.unknown() }, deps);
    await call('freelancers');
    await expect(call('freelancers')).rejects.toMatchObject({ problem: { kind: 'rate_limited', status: null, retryAt: NOW + 20_000 } });
    expect(sent).toBe(1);
    // Another endpoint has its own limit.
    await call('applied-jobs');
    expect(sent).toBe(2);
  });

  it('after a 429, no call of its group is sent until the Retry-After has passed, also by a worker that started again', async () => {
    let now = NOW;
    const sent: string[] = [];
    let limited = true;
    const worker = (): HttpDeps => ({
      fetch: async (url) => {
        sent.push(String(url));
        return limited ? json(429, { error: 'rate_limit_exceeded' }, { 'retry-after': '30' }) : json(200, {});
      },
      now: () => now,
      // A new worker starts with nothing in memory: what it honours is what storage.session kept.
      limiter: storedLimiter,
    });
    const read = (deps: HttpDeps) => requestJson({ service: 'UpHunt', url: 'https://uphunt.io/api/clients/1/jobs', headers: {}, schema: z.unknown() }, deps);
    await expect(read(worker())).rejects.toMatchObject({ problem: { kind: 'rate_limited', status: 429, retryAt: NOW + 30_000 } });
    limited = false;
    now += 10_000;
    await expect(read(worker())).rejects.toMatchObject({ problem: { kind: 'rate_limited', status: null, retryAt: NOW + 30_000 } });
    expect(sent).toHaveLength(1);
    now += 20_000;
    await expect(read(worker())).resolves.toMatchObject({ data: {} });
    expect(sent).toHaveLength(2);
  });
});
