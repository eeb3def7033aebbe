import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createTtlCache } from '@/utils/cache';
import { ApiError } from '@/utils/http';
import type { LogEntry } from '@/utils/apply/log';
import { outcomeLookups, outcomesItem } from '@/utils/apply/stored';
import { LOOKUPS_PER_HOUR, recordHistory, track, type TrackDeps } from '@/utils/apply/tracking';
import { clientJobsEntries, companyOf } from '@/utils/client/stored';
import { ClientJobsSchema, type ClientJobs } from '@/utils/uphunt/schemas';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.UTC(2026, 11, 1);
const JOB = '~022052895097657407455';
const COMPANY = '1991212616395436888';
const AGENCY = ['Ada Novak', 'Bruno Silva'];

beforeEach(() => fakeBrowser.reset());

const entry = (ciphertext: string, companyId: string | null, at: number): LogEntry => ({
  key: ciphertext,
  ciphertext,
  companyId,
  applied: true,
  outcome: null,
  title: 'A job',
  url: null,
  clientName: null,
  freelancerName: null,
  connects: null,
  status: 'Applied',
  tone: 'good',
  createdAt: at,
  settledAt: at,
  source: companyId ? 'here' : 'uphunt',
});

/** The client's history as UpHunt would answer it at `at`: the job open, or hired by `contractor`. */
const historyAt = (at: number, jobs: { open?: string[]; hired?: Array<[string, string]> }): ClientJobs =>
  ClientJobsSchema.parse({
    companyId: COMPANY,
    lastSyncedAt: at,
    openJobs: (jobs.open ?? []).map((ciphertext) => ({ id: ciphertext.slice(3), ciphertext, title: 'A job' })),
    workHistory: (jobs.hired ?? []).map(([ciphertext, contractor]) => ({
      status: 'ACTIVE',
      startDate: '2026-12-02',
      jobInfo: { title: 'A job', ciphertext, id: ciphertext.slice(3) },
      contractorInfo: { contractorName: contractor, ciphertext: null },
    })),
  });

/**
 * A worker's tracker over the stored values (fake browser storage, as a worker started again finds them) and a
 * fake UpHunt whose answers the test sets.
 */
function worker(world: { now: number; calls: string[]; history: ClientJobs; entries: LogEntry[]; busy?: boolean; companyOf?: (c: string) => string | null }) {
  const deps: TrackDeps = {
    now: () => world.now,
    entries: async () => world.entries,
    outcomes: outcomesItem,
    lookups: outcomeLookups,
    companyOf,
    // As the background wires it: each history the cache stores is recorded at once.
    clientJobs: createTtlCache<ClientJobs>({
      entries: {
        get: clientJobsEntries.get,
        set: async (id, stored) => {
          await clientJobsEntries.set(id, stored);
          await recordHistory(deps, id, stored.value);
        },
      },
      ttlMs: 6 * HOUR,
      now: () => world.now,
    }),
    uphunt: async () => ({
      clientJobs: async (id) => {
        world.calls.push(`client-jobs ${id}`);
        return world.history;
      },
      companyIdForCiphertext: async (ciphertext) => {
        world.calls.push(`by-ciphertext ${ciphertext}`);
        const found = world.companyOf?.(ciphertext) ?? null;
        if (!found) throw new ApiError({ service: 'UpHunt', kind: 'not_found', status: 404, detail: 'not archived', retryAt: null });
        return found;
      },
    }),
    agency: async () => AGENCY,
    pagesBusy: async () => world.busy ?? false,
  };
  return deps;
}

describe('what each application brought, followed once a day', () => {
  it('reads each client at most once a day, also across worker restarts, until the outcome is final', async () => {
    const world = { now: START, calls: [] as string[], history: historyAt(START, { open: [JOB] }), entries: [entry(JOB, COMPANY, START)] };
    expect(await track(worker(world))).toBe(START + DAY);
    expect(world.calls).toEqual([`client-jobs ${COMPANY}`]);
    expect((await outcomesItem.getValue())?.[JOB]).toMatchObject({ kind: 'open', companyId: COMPANY, dataAt: START });

    // A new worker an hour later, and one each hour after: no call before the day is over.
    for (let hour = 1; hour < 24; hour++) {
      world.now = START + hour * HOUR;
      expect(await track(worker(world))).toBe(START + DAY);
    }
    expect(world.calls).toHaveLength(1);

    // A day later UpHunt's data has the contract with one of ours: hired you, and no more calls.
    world.now = START + DAY;
    world.history = historyAt(START + DAY, { hired: [[JOB, 'Ada N.']] });
    expect(await track(worker(world))).toBeNull();
    expect(world.calls).toHaveLength(2);
    expect((await outcomesItem.getValue())?.[JOB]).toMatchObject({ kind: 'hired-you', ours: ['Ada Novak'], dataAt: START + DAY });
    world.now = START + 3 * DAY;
    expect(await track(worker(world))).toBeNull();
    expect(world.calls).toHaveLength(2);
    // Gone from the log (it keeps the newest applications), it takes its outcome with it.
    world.entries = [];
    await track(worker(world));
    expect(await outcomesItem.getValue()).toEqual({});
  });

  it('a fresh history of the client (a page view, Refresh) updates the outcome at once, with no call of its own', async () => {
    const world = { now: START, calls: [] as string[], history: historyAt(START, { open: [JOB] }), entries: [entry(JOB, COMPANY, START)] };
    const deps = worker(world);
    await track(deps);
    world.now = START + 2 * HOUR;
    await recordHistory(deps, COMPANY, historyAt(START + 2 * HOUR, { hired: [[JOB, 'Carla M.']] }));
    expect((await outcomesItem.getValue())?.[JOB]).toMatchObject({ kind: 'hired-other', contractor: 'Carla M.' });
    expect(world.calls).toHaveLength(1);
  });

  it('a job gone from the open jobs is closed without a hire once 14 days of UpHunt’s data show no contract', async () => {
    const world = { now: START, calls: [] as string[], history: historyAt(START, { open: [JOB] }), entries: [entry(JOB, COMPANY, START)] };
    await track(worker(world));
    for (const day of [1, 2, 15, 16]) {
      world.now = START + day * DAY;
      world.history = historyAt(world.now, {});
      await track(worker(world));
      const { kind, goneSince } = (await outcomesItem.getValue())![JOB]!;
      expect([day, kind, goneSince]).toEqual([day, day < 15 ? 'gone' : 'closed', START + DAY]);
    }
    // Closed is final: the client is not read again.
    expect(world.calls).toHaveLength(4);
  });

  it('finds unknown clients at most 20 an hour, never while a page is being looked up, and says which stay unknown', async () => {
    const jobs = Array.from({ length: 25 }, (_, i) => `~0220000000000000${String(i).padStart(4, '0')}`);
    const world = {
      now: START,
      calls: [] as string[],
      history: historyAt(START, { open: jobs.slice(0, 10) }),
      entries: jobs.map((job) => entry(job, null, START)),
      busy: true,
      // The last job UpHunt never archived.
      companyOf: (c: string) => (c === jobs[24] ? null : COMPANY),
    };
    expect(await track(worker(world))).toBe(START + 60_000);
    expect(world.calls).toEqual([]);

    world.busy = false;
    await track(worker(world));
    const found = world.calls.filter((call) => call.startsWith('by-ciphertext'));
    expect(found).toHaveLength(LOOKUPS_PER_HOUR);
    // The client's history once for all of its jobs found so far.
    expect(world.calls.filter((call) => call.startsWith('client-jobs'))).toHaveLength(1);

    world.now = START + 30 * 60_000;
    world.calls = [];
    await track(worker(world));
    expect(world.calls).toEqual([]);

    world.now = START + HOUR;
    await track(worker(world));
    // The client's history read within the day serves the rest.
    expect(world.calls).toEqual(jobs.slice(20).map((job) => `by-ciphertext ${job}`));
    const outcomes = (await outcomesItem.getValue())!;
    expect(outcomes[jobs[0]!]).toMatchObject({ kind: 'open', companyId: COMPANY });
    // Found through its archived job, then gone from the client's open jobs.
    expect(outcomes[jobs[23]!]).toMatchObject({ kind: 'gone', companyId: COMPANY });
    expect(outcomes[jobs[24]!]).toMatchObject({ kind: 'unknown', companyId: null });
  });
});
