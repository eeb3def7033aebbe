import { describe, expect, it } from 'vitest';
import { createTtlCache, type CacheEntry } from '@/utils/cache';
import { createEnricher, ROW_TTL_MS } from '@/utils/enrichment/enrich';
import { enrichStatus } from '@/utils/enrichment/price';
import { EMPTY_ENRICHMENT, type EnrichmentState } from '@/utils/enrichment/stored';
import { ApiError } from '@/utils/http';
import type { MindcaseApi } from '@/utils/mindcase/api';
import type { JobRow, Run } from '@/utils/mindcase/schemas';

const A = '~022051005096520707758';
const B = '~022049912345678901234';
const RUN_EXTRAS = { agent: 'upwork/jobs', row_count: null, credits_used: null, created_at: null, error: null };
const row = (cipher: string): JobRow => ({ jobUrl: `https://www.upwork.com/jobs/${cipher}`, jobTitle: `Job ${cipher}`, openingInfo: { ciphertext: cipher } });

/** One "browser": storage that outlives enricher instances (workers), a clock, and a fake Mindcase. */
function world(
  options: {
    immediate?: boolean;
    cap?: number;
    error?: ApiError;
    rateLimitedStarts?: number;
    pollErrors?: ApiError[];
    loseStartAnswer?: boolean;
    rowsReturned?: number;
    /** The start answer waits for this (the POST is in flight until then). */
    holdStart?: Promise<void>;
    /** A poll's answer waits for this. */
    holdPoll?: Promise<void>;
  } = {},
) {
  let state: EnrichmentState = structuredClone(EMPTY_ENRICHMENT);
  const rows = new Map<string, CacheEntry<JobRow>>();
  const timers: Array<() => void> = [];
  const calls: string[] = [];
  const delays: number[] = [];
  const notes: string[] = [];
  const searched: string[] = [];
  let now = Date.UTC(2026, 10, 23);
  let status: Run['status'] = 'running';
  let alarm = false;
  const runs = new Map<string, string[]>();
  const created = new Map<string, number>();
  const client: MindcaseApi = {
    credits: async () => 100,
    startJobsRun: async (inputs) => {
      calls.push(`POST ${inputs.length}`);
      if ((options.rateLimitedStarts ?? 0) > 0) {
        options.rateLimitedStarts! -= 1;
        throw new ApiError({ service: 'Mindcase', kind: 'rate_limited', status: 429, detail: 'Rate limit exceeded', retryAt: now + 20_000 });
      }
      const ciphers = inputs.map((u) => u.split('/').pop()!);
      if (options.immediate) return { id: 'job_now', status: 'completed', data: ciphers.map(row), ...RUN_EXTRAS };
      runs.set(`job_${runs.size + 1}`, ciphers);
      const id = `job_${runs.size}`;
      created.set(id, now);
      if (options.holdStart) await options.holdStart;
      if (options.loseStartAnswer) throw new TypeError('Failed to fetch');
      return { id, status: 'queued', data: null, ...RUN_EXTRAS };
    },
    run: async (id) => {
      calls.push(`GET ${id}`);
      if (options.holdPoll) await options.holdPoll;
      const failure = options.pollErrors?.shift();
      if (failure) throw failure;
      const count = status === 'completed' ? (options.rowsReturned ?? runs.get(id)?.length ?? 0) : null;
      return { id, status, row_count: count, credits_used: count === null ? null : count * 3, error: null, agent: 'upwork/jobs', created_at: null };
    },
    results: async (id) => {
      calls.push(`RESULTS ${id}`);
      return runs.get(id)!.slice(0, options.rowsReturned).map(row);
    },
    startSearchRun: async (params) => {
      calls.push(`SEARCH ${String(params.inputs)} limit ${String(params.limit)}`);
      const found = SEARCH_ROWS.slice(0, Number(params.limit));
      runs.set(`job_${runs.size + 1}`, found);
      created.set(`job_${runs.size}`, now);
      if (options.loseStartAnswer) throw new TypeError('Failed to fetch');
      return { id: `job_${runs.size}`, status: 'queued', data: null, ...RUN_EXTRAS };
    },
    recentRuns: async () => {
      calls.push('LIST');
      return [...runs.keys()].reverse().map((id) => ({ id, status, ...RUN_EXTRAS, created_at: new Date(created.get(id)!).toISOString() }));
    },
    cancel: async (id) => void calls.push(`DELETE ${id}`),
  };
  const worker = () =>
    createEnricher({
      mindcase: async () => (options.error ? Promise.reject(options.error) : client),
      readState: async () => state,
      writeState: async (next) => void (state = next),
      rows: createTtlCache({ entries: { get: async (c) => rows.get(c) ?? null, set: async (c, e) => void rows.set(c, e) }, ttlMs: ROW_TTL_MS, now: () => now }),
      settings: async () => ({ autoEnrich: false, monthlyCapUsd: options.cap ?? 5 }),
      now: () => now,
      schedule: (_name, fn, ms) => {
        delays.push(ms);
        timers.push(fn);
      },
      keepPolling: async (on) => void (alarm = on),
      note: (text) => void notes.push(text),
      searched: async (run, found) => void searched.push(`${run.search?.watchIds.join()}: ${found.length} rows`),
      searchFailed: async (run, problem) => void searched.push(`${run.search?.watchIds.join()}: ${problem.kind}`),
    });
  /** Runs due timers until none are left (a fake clock that jumps to the next timer). */
  const drain = async () => {
    for (let i = 0; i < 20 && timers.length; i++) {
      timers.shift()!();
      await new Promise((r) => setTimeout(r, 0));
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  return {
    worker,
    drain,
    calls,
    rows,
    state: () => state,
    alarm: () => alarm,
    complete: () => (status = 'completed'),
    setStatus: (s: Run['status']) => (status = s),
    advance: (ms: number) => (now += ms),
    dropTimers: () => timers.splice(0),
    delays,
    notes,
    searched,
    /** Mindcase creates a run for these jobs now (a POST that reached it after its sender died). */
    createdAtMindcase: (ciphers: string[]) => {
      runs.set(`job_${runs.size + 1}`, ciphers);
      created.set(`job_${runs.size}`, now);
    },
  };
}

/** What a keyword search finds, newest first. */
const SEARCH_ROWS = ['~022100000000000000003', '~022100000000000000002', '~022100000000000000001'];
const SEARCH = { watchIds: ['w1'], limit: 2, params: { inputs: ['shopify'], limit: 2, sortBy: 'newest' }, inputs: ['shopify'] };

describe('enrichment', () => {
  it('a run whose start answer was lost (the worker died) is found among the newest runs and fetched, not bought again', async () => {
    const w = world({ loseStartAnswer: true });
    const first = w.worker();
    await first.request([A]);
    await w.drain();
    // The next worker finds the run Mindcase started, by agent and time, and polls it.
    w.complete();
    const next = w.worker();
    await next.resume();
    await w.drain();
    expect(w.calls.filter((c) => c.startsWith('POST'))).toHaveLength(1);
    expect(w.calls).toContain('LIST');
    expect(w.calls).toContain('RESULTS job_1');
    expect(w.rows.get(A)?.value.jobTitle).toBe(`Job ${A}`);
    expect(w.state()).toMatchObject({ runs: [], failed: {}, rowsThisMonth: 1, creditsUsedThisMonth: 3 });
  });

  it("a lost run is not confused with a run this worker is still starting (that one's jobs would be bought twice)", async () => {
    let release = () => undefined as void;
    const w = world({ holdStart: new Promise<void>((done) => (release = done)) });
    // As left by a worker that wrote a run for A and died before its POST reached Mindcase.
    w.state().runs.push({ id: null, inputs: [A], startedAt: Date.UTC(2026, 10, 23) });
    w.advance(5_000);
    const worker = w.worker();
    await worker.request([B]);
    const flushing = w.drain(); // B's POST leaves and waits for its answer
    await new Promise((r) => setTimeout(r, 0));
    await worker.poll();
    expect(w.calls.filter((c) => c === 'LIST')).toEqual([]);
    release();
    await flushing;
    const runs = w.state().runs;
    expect(runs.find((r) => r.inputs.includes(B))?.id).toBe('job_1');
    expect(runs.find((r) => r.inputs.includes(A))?.id ?? null).not.toBe('job_1');
  });

  it('a run whose POST is answered while a poll works through the runs is not taken for a lost one', async () => {
    let answerPost = () => undefined as void;
    let answerPoll = () => undefined as void;
    const w = world({ holdStart: new Promise<void>((done) => (answerPost = done)), holdPoll: new Promise<void>((done) => (answerPoll = done)) });
    // An earlier run, still running at Mindcase, listed first.
    w.state().runs.push({ id: 'job_0', inputs: [B], startedAt: Date.UTC(2026, 10, 22, 23, 59) });
    const worker = w.worker();
    await worker.request([A]);
    const flushing = w.drain(); // A's POST leaves and waits for its answer
    await new Promise((r) => setTimeout(r, 0));
    const polling = worker.poll(); // reads the runs (A without an id yet), then waits on job_0's answer
    await new Promise((r) => setTimeout(r, 0));
    answerPost(); // meanwhile A's POST is answered: job_1
    await flushing;
    answerPoll();
    await polling;
    expect(w.calls.filter((c) => c === 'LIST')).toEqual([]);
    expect(w.state().runs.find((r) => r.inputs.includes(A))?.id).toBe('job_1');
  });

  it('a lost run Mindcase creates only after the first look is found by a later look, well before the grace period ends', async () => {
    const w = world();
    const t0 = Date.UTC(2026, 10, 23);
    w.state().runs.push({ id: null, inputs: [A], startedAt: t0 });
    w.advance(1_000);
    const worker = w.worker();
    await worker.poll();
    expect(w.calls).toEqual(['LIST']); // not there yet
    w.createdAtMindcase([A]);
    w.advance(3_000);
    await worker.poll();
    expect(w.calls).toEqual(['LIST']); // not asked again at every poll
    w.advance(4_000);
    await worker.poll();
    expect(w.state().runs.find((r) => r.inputs.includes(A))?.id).toBe('job_1');
  });

  it("a run that already ended here is never taken for a lost one, whichever worker looks (that run's jobs would be bought again)", async () => {
    const w = world();
    await w.worker().request([B]);
    await w.drain();
    w.complete();
    await w.drain();
    expect(w.rows.has(B)).toBe(true);
    // Two seconds later a worker wrote a run for A and died before its POST reached Mindcase.
    w.advance(2_000);
    w.state().runs.push({ id: null, inputs: [A], startedAt: Date.UTC(2026, 10, 23) + 2_000 });
    w.advance(61_000);
    await w.worker().poll();
    expect(w.state().failed[A]).toMatchObject({ kind: 'interrupted' });
  });

  it('a run Mindcase created after the lost POST could have timed out is never taken for it', async () => {
    const w = world({ immediate: false });
    // As left by a worker that wrote a run for A and died before its POST reached Mindcase.
    w.state().runs.push({ id: null, inputs: [A], startedAt: Date.UTC(2026, 10, 23) });
    w.advance(61_000);
    const worker = w.worker();
    // This worker's own run for B, sent, finished and gone from the state before the lost one is looked for.
    w.state().runs.splice(0, 1);
    await worker.request([B]);
    await w.drain();
    w.complete();
    await w.drain();
    w.state().runs.push({ id: null, inputs: [A], startedAt: Date.UTC(2026, 10, 23) });
    await worker.poll();
    expect(w.state().failed[A]).toMatchObject({ kind: 'interrupted' });
    expect(w.state().runs).toEqual([]);
  });

  it('any status beyond the five documented ones ends the run at once, by its name', async () => {
    const w = world();
    await w.worker().request([A]);
    await w.drain();
    w.setStatus('rejected_balance');
    const before = w.calls.length;
    await w.worker().resume();
    await w.drain();
    expect(w.state().runs).toEqual([]);
    expect(w.state().failed[A]?.detail).toContain('rejected_balance');
    expect(w.calls.slice(before)).toEqual(['GET job_1']);
  });

  it('keeps what Mindcase charged, and flags a run whose row count is not the number of jobs asked for', async () => {
    const w = world({ rowsReturned: 1 });
    await w.worker().request([A, B]);
    await w.drain();
    w.complete();
    await w.worker().resume();
    await w.drain();
    expect(w.state()).toMatchObject({
      creditsUsedThisMonth: 3,
      rowNotes: { [A]: 'Mindcase returned 1 row for the 2 jobs asked for', [B]: 'Mindcase returned 1 row for the 2 jobs asked for' },
    });
    expect(w.notes).toEqual(['Mindcase returned 1 row for the 2 jobs asked for (credits used: 3).']);
  });

  it('a run refused with 429 waits for its Retry-After and goes again, buying each job once', async () => {
    const w = world({ rateLimitedStarts: 1 });
    const enricher = w.worker();
    await enricher.request([A, B]);
    await w.drain();
    const posts = w.calls.filter((c) => c.startsWith('POST'));
    expect(posts).toEqual(['POST 2', 'POST 2']);
    // The second attempt waited the 20 s Mindcase asked for, not a fixed guess.
    expect(w.delays).toContain(20_000);
    w.complete();
    await w.drain();
    expect([...w.rows.keys()].sort()).toEqual([A, B].sort());
    expect(w.state().failed).toEqual({});
  });

  it('a worker started again during a Retry-After still waits it out before sending the jobs again', async () => {
    const w = world({ rateLimitedStarts: 1 });
    const first = w.worker();
    await first.request([A]);
    await first.flush(); // the batch window ends: the POST is refused for 20 s
    w.dropTimers(); // the worker dies during the wait, with its timers
    w.advance(5_000);
    const next = w.worker();
    await next.resume();
    expect(w.calls.filter((c) => c.startsWith('POST'))).toEqual(['POST 1']);
    expect(w.delays.at(-1)).toBe(15_000);
    await w.drain();
    expect(w.calls.filter((c) => c.startsWith('POST'))).toEqual(['POST 1', 'POST 1']);
  });

  it('puts jobs asked for together into one run, polls it, and stores the rows', async () => {
    const w = world();
    const enricher = w.worker();
    await Promise.all([enricher.request([A]), enricher.request([B, A])]);
    await w.drain();
    expect(w.calls.filter((c) => c.startsWith('POST'))).toEqual(['POST 2']);
    expect(w.alarm()).toBe(true);
    w.complete();
    await w.drain();
    expect([...w.rows.keys()].sort()).toEqual([B, A].sort());
    expect(w.state()).toMatchObject({ runs: [], queue: [], rowsThisMonth: 2 });
    expect(w.alarm()).toBe(false);
  });

  it("accepts an immediate 'completed' answer with its rows", async () => {
    const w = world({ immediate: true });
    await w.worker().request([A]);
    await w.drain();
    expect(w.rows.get(A)?.value.jobTitle).toBe(`Job ${A}`);
    expect(w.calls).toEqual(['POST 1']);
  });

  it('never fetches a job whose stored row is fresh', async () => {
    const w = world({ immediate: true });
    const enricher = w.worker();
    await enricher.request([A]);
    await w.drain();
    await enricher.request([A]);
    await w.drain();
    expect(w.calls).toEqual(['POST 1']);
  });

  it('a run survives the worker: a new worker resumes polling and nothing is posted twice', async () => {
    const w = world();
    await w.worker().request([A]);
    await w.drain();
    w.dropTimers(); // the worker dies with its timers
    w.complete();
    await w.worker().resume();
    await w.drain();
    expect(w.calls.filter((c) => c.startsWith('POST'))).toHaveLength(1);
    expect(w.rows.has(A)).toBe(true);
  });

  it('a worker that died while starting a run does not start it again by itself: with no such run at Mindcase, it says so', async () => {
    const w = world();
    // As left by a worker that wrote the run and died before its POST reached Mindcase.
    const stored = w.state();
    stored.runs.push({ id: null, inputs: [A], startedAt: Date.UTC(2026, 10, 23) });
    w.advance(61_000);
    await w.worker().resume();
    await w.drain();
    expect(w.calls).toEqual(['LIST']);
    expect(w.state().failed[A]).toMatchObject({ kind: 'interrupted' });
  });

  it('stops at the monthly cap, before spending', async () => {
    const w = world({ cap: 0.005 });
    const enricher = w.worker();
    await enricher.request([A, B]);
    await w.drain();
    expect(w.calls).toEqual([]);
    expect(w.state().failed[A]).toMatchObject({ kind: 'spending_cap' });
  });

  it("a watched search's run goes through the same machinery: its rows are stored as the jobs' details, counted, and handed to the watch", async () => {
    const w = world();
    const enricher = w.worker();
    expect(await enricher.startSearch(SEARCH)).toBeNull();
    w.dropTimers(); // the worker dies between the run's start and its results
    w.complete();
    await w.worker().resume();
    await w.drain();
    expect(w.calls.filter((c) => c.startsWith('SEARCH'))).toEqual(['SEARCH shopify limit 2']);
    expect(w.searched).toEqual(['w1: 2 rows']);
    expect([...w.rows.keys()]).toEqual(SEARCH_ROWS.slice(0, 2));
    expect(w.state()).toMatchObject({ runs: [], rowsThisMonth: 2 });
    // A found job's details are then never bought again.
    await enricher.request([SEARCH_ROWS[0]!]);
    await w.drain();
    expect(w.calls.filter((c) => c.startsWith('POST'))).toEqual([]);
  });

  it('a watched search whose most rows would pass the monthly cap is refused before anything is sent, and says why', async () => {
    const w = world({ cap: 0.005 });
    const problem = await w.worker().startSearch(SEARCH);
    expect(problem).toMatchObject({ kind: 'spending_cap' });
    expect(w.calls).toEqual([]);
  });

  it('a search refused by Mindcase is handed back to its watch, not retried by itself', async () => {
    const w = world({ error: new ApiError({ service: 'Mindcase', kind: 'payment_required', status: 402, detail: 'Not enough credits', retryAt: null }) });
    await w.worker().startSearch(SEARCH);
    await w.drain();
    expect(w.searched).toEqual(['w1: payment_required']);
    expect(w.state().runs).toEqual([]);
  });

  it('cancels a running run', async () => {
    const w = world();
    const enricher = w.worker();
    await enricher.request([A]);
    await w.drain();
    await enricher.cancel(A);
    expect(w.calls).toContain('DELETE job_1');
    expect(enrichStatus(A, w.state(), null)).toEqual({ kind: 'none' });
  });

  it('a failed run reports its error for each of its jobs', async () => {
    const w = world();
    const enricher = w.worker();
    await enricher.request([A]);
    await w.drain();
    w.setStatus('failed');
    await w.drain();
    expect(enrichStatus(A, w.state(), null)).toMatchObject({ kind: 'failed', problem: { kind: 'server' } });
  });

  it('a rejected key fails the request with its problem', async () => {
    const w = world({ error: new ApiError({ service: 'Mindcase', kind: 'unauthorized', status: 401, detail: 'unauthorized', retryAt: null }) });
    await w.worker().request([A]);
    await w.drain();
    expect(w.state().failed[A]).toMatchObject({ kind: 'unauthorized' });
  });

  it('a 429 while polling holds every poll until its Retry-After, and the panel is told why it waits', async () => {
    const retryAt = Date.UTC(2026, 10, 23) + 45_000;
    const w = world({ pollErrors: [new ApiError({ service: 'Mindcase', kind: 'rate_limited', status: 429, detail: 'slow down', retryAt })] });
    const enricher = w.worker();
    await enricher.request([A]);
    await w.drain();
    expect(enrichStatus(A, w.state(), null)).toMatchObject({ kind: 'pending', problem: { kind: 'rate_limited' } });
    expect(w.delays).toContain(45_000);
    // An alarm firing early polls nothing.
    const polled = w.calls.length;
    await enricher.poll();
    expect(w.calls.length).toBe(polled);
    w.advance(45_000);
    w.complete();
    await enricher.poll();
    expect(w.rows.has(A)).toBe(true);
    expect(enrichStatus(A, w.state(), w.rows.get(A)!)).toMatchObject({ kind: 'fresh' });
  });

  it('a worker started again during a polling Retry-After waits out what is left of it: the 429 is stored with its run', async () => {
    const retryAt = Date.UTC(2026, 10, 23) + 45_000;
    const w = world({ pollErrors: [new ApiError({ service: 'Mindcase', kind: 'rate_limited', status: 429, detail: 'slow down', retryAt })] });
    const first = w.worker();
    await first.request([A]);
    await w.drain();
    const polls = w.calls.filter((c) => c.startsWith('GET')).length;
    w.dropTimers(); // the worker dies during the wait, with its timers
    w.advance(15_000);
    const next = w.worker();
    await next.resume();
    await next.poll(); // an alarm firing early
    expect(w.calls.filter((c) => c.startsWith('GET'))).toHaveLength(polls);
    expect(w.delays.at(-1)).toBe(30_000);
    w.advance(30_000);
    w.complete();
    await next.poll();
    expect(w.rows.has(A)).toBe(true);
  });

  it('a run Mindcase no longer knows (404) fails at once instead of being polled for 10 minutes', async () => {
    const w = world({ pollErrors: [new ApiError({ service: 'Mindcase', kind: 'not_found', status: 404, detail: 'No such job', retryAt: null })] });
    const enricher = w.worker();
    await enricher.request([A]);
    await w.drain();
    expect(w.state().runs).toEqual([]);
    expect(enrichStatus(A, w.state(), null)).toMatchObject({ kind: 'failed', problem: { kind: 'not_found' } });
    expect(w.calls.filter((c) => c.startsWith('POST'))).toEqual(['POST 1']);
  });
});
