import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { pageSeen, tabState } from './tab-state';
import { createOnce, createTtlCache, type CacheEntry } from '@/utils/cache';
import { ApiError } from '@/utils/http';
import type { ProblemKind } from '@/utils/problem';
import { askingOrder, followUpAt, followUpLookups, lookupPage, resumeLookups, type LookupDeps } from '@/utils/client/lookup';
import type { TabState } from '@/utils/client/stored';
import type { UpHuntApi } from '@/utils/uphunt/api';
import { ClientJobsSchema, type ClientJobs } from '@/utils/uphunt/schemas';

const CIPHER = '~022051005096520707758';
const COMPANY = '1991212616395436888';
const page = pageSeen;
const record = (name: string): ClientJobs => ClientJobsSchema.parse({ companyId: COMPANY, lastSyncedAt: 1, buyer: { company: { name } } });
const fail = (kind: ProblemKind, status: number | null, retryAt: number | null = null) =>
  new ApiError({ service: 'UpHunt', kind, status, detail: kind, retryAt });

function world(api: Partial<Pick<UpHuntApi, 'clientJobs' | 'companyIdForCiphertext'>> = {}) {
  const tabs = new Map<number, TabState>();
  const stored = new Map<string, unknown>();
  const calls: string[] = [];
  let now = 1_000;
  let paused = 0;
  let ids = 0;
  // The client as the http layer's limiter makes it (utils/limiter.ts): within a pause a service asked for, it
  // answers "rate limited" without a call.
  const limited =
    <A extends unknown[], T>(call: (...args: A) => Promise<T>) =>
    async (...args: A): Promise<T> => {
      if (now < paused) throw fail('rate_limited', null, paused);
      try {
        return await call(...args);
      } catch (error) {
        if (error instanceof ApiError && error.problem.retryAt !== null) paused = error.problem.retryAt;
        throw error;
      }
    };
  const client: Pick<UpHuntApi, 'clientJobs' | 'companyIdForCiphertext'> = {
    clientJobs: limited(async (id: string) => {
      calls.push(`clientJobs ${id}`);
      return api.clientJobs ? api.clientJobs(id) : record('Northwind');
    }),
    companyIdForCiphertext: limited(async (cipher: string) => {
      calls.push(`byCipher ${cipher}`);
      return api.companyIdForCiphertext ? api.companyIdForCiphertext(cipher) : COMPANY;
    }),
  };
  const deps: LookupDeps = {
    uphunt: async () => client,
    readTab: async (id) => tabs.get(id) ?? null,
    writeTab: async (id, state) => void tabs.set(id, state),
    companyOf: { get: async (c) => (stored.get(`company:${c}`) as string) ?? null, set: async (c, id) => void stored.set(`company:${c}`, id) },
    notArchived: { get: async (c) => (stored.get(`not-archived:${c}`) as number) ?? null, set: async (c, at) => void stored.set(`not-archived:${c}`, at) },
    clientJobs: createTtlCache<ClientJobs>({
      entries: { get: async (id) => (stored.get(id) as CacheEntry<ClientJobs>) ?? null, set: async (id, entry) => void stored.set(id, entry) },
      ttlMs: 60_000,
      now: () => now,
    }),
    once: createOnce(),
    now: () => now,
    newId: () => `lookup-${++ids}`,
  };
  return { deps, tabs, calls, advance: (ms: number) => (now += ms), pausedUntil: () => paused };
}

describe('lookupPage', () => {
  it("uses the page's companyId hint and asks UpHunt only for the history", async () => {
    const w = world();
    const state = await lookupPage(w.deps, 1, page({ companyIdHint: COMPANY }));
    expect(state).toMatchObject({ status: 'ready', companyId: COMPANY, problem: null });
    expect(w.calls).toEqual([`clientJobs ${COMPANY}`]);
  });

  it('finds the client through by-ciphertext once, then remembers the mapping and the history', async () => {
    const w = world();
    await lookupPage(w.deps, 1, page());
    await lookupPage(w.deps, 2, page());
    expect(w.calls).toEqual([`byCipher ${CIPHER}`, `clientJobs ${COMPANY}`]);
    expect(w.tabs.get(2)).toMatchObject({ status: 'ready', companyId: COMPANY });
  });

  it('says when UpHunt has no history of the client, and when it does not know the job', async () => {
    const none = world({ clientJobs: async () => Promise.reject(fail('not_found', 404)) });
    expect((await lookupPage(none.deps, 1, page())).status).toBe('no-history');
    const unknown = world({ companyIdForCiphertext: async () => Promise.reject(fail('not_found', 404)) });
    expect((await lookupPage(unknown.deps, 1, page())).status).toBe('unknown-job');
  });

  it('stores the problem of a failed call for the panel to show', async () => {
    const w = world({ clientJobs: async () => Promise.reject(fail('unauthorized', 401)) });
    expect(await lookupPage(w.deps, 1, page())).toMatchObject({ status: 'error', problem: { kind: 'unauthorized', status: 401 } });
  });

  it('after a 429 makes no call until Retry-After has passed', async () => {
    let first = true;
    const w = world({
      clientJobs: async () => {
        if (first) {
          first = false;
          throw fail('rate_limited', 429, 1_000 + 5_000);
        }
        return record('Northwind');
      },
    });
    await lookupPage(w.deps, 1, page({ companyIdHint: COMPANY }));
    expect(w.pausedUntil()).toBe(6_000);
    const waiting = await lookupPage(w.deps, 2, page({ companyIdHint: COMPANY }));
    expect(waiting).toMatchObject({ status: 'error', problem: { kind: 'rate_limited', retryAt: 6_000 } });
    expect(w.calls).toHaveLength(1);
    w.advance(5_000);
    expect((await lookupPage(w.deps, 2, page({ companyIdHint: COMPANY }))).status).toBe('ready');
  });

  it('lets the newest page of a tab win over a slower, older lookup', async () => {
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const w = world({
      companyIdForCiphertext: async (cipher) => {
        if (cipher === CIPHER) await slow;
        return COMPANY;
      },
    });
    const older = lookupPage(w.deps, 1, page());
    const newer = page({ url: 'https://www.upwork.com/nx/find-work/', kind: 'other', ciphertext: null });
    await lookupPage(w.deps, 1, newer);
    release();
    await older;
    expect(w.tabs.get(1)).toMatchObject({ status: 'no-job', ciphertext: null });
  });
});

describe('finding the client through any of its archived jobs', () => {
  const OLD = ['~021836084896483984802', '~01fb0422c815aead49', '~0134de7cbf023c3b35', '~019389f80103819129'];
  const archivedOnly = (...archived: string[]) =>
    world({ companyIdForCiphertext: async (cipher) => (archived.includes(cipher) ? COMPANY : Promise.reject(fail('not_found', 404))) });

  it("asks for this job first, then the jobs the page names as the client's, and stops at the first answer", async () => {
    const w = archivedOnly(OLD[1]!);
    const state = await lookupPage(w.deps, 1, page({ otherJobs: OLD }));
    expect(state).toMatchObject({ status: 'ready', companyId: COMPANY });
    expect(w.calls).toEqual([`byCipher ${CIPHER}`, `byCipher ${OLD[0]}`, `byCipher ${OLD[1]}`, `clientJobs ${COMPANY}`]);
  });

  it('makes at most ARCHIVE_CALLS_PER_VIEW calls, and asks again about a job UpHunt lacked only after an hour or on Retry', async () => {
    const { ARCHIVE_CALLS_PER_VIEW, NOT_ARCHIVED_TTL_MS } = await import('@/utils/client/lookup');
    const w = archivedOnly(OLD[3]!);
    expect((await lookupPage(w.deps, 1, page({ otherJobs: OLD }))).status).toBe('unknown-job');
    expect(w.calls).toHaveLength(ARCHIVE_CALLS_PER_VIEW);
    // The next view skips what UpHunt just said it lacks and reaches the fourth job.
    expect((await lookupPage(w.deps, 1, page({ otherJobs: OLD }))).status).toBe('ready');
    expect(w.calls.filter((c) => c.startsWith('byCipher'))).toEqual([CIPHER, ...OLD].map((c) => `byCipher ${c}`));
    const fresh = archivedOnly();
    await lookupPage(fresh.deps, 1, page());
    await lookupPage(fresh.deps, 1, page());
    expect(fresh.calls).toHaveLength(1);
    await lookupPage(fresh.deps, 1, page(), { force: true });
    fresh.advance(NOT_ARCHIVED_TTL_MS);
    await lookupPage(fresh.deps, 1, page());
    expect(fresh.calls).toHaveLength(3);
  });

  it("remembers every job the page names as the client's: the client's next job costs no call", async () => {
    const w = archivedOnly(OLD[0]!);
    await lookupPage(w.deps, 1, page({ otherJobs: [OLD[0]!, OLD[2]!] }));
    const next = '~022099999999999999999';
    const state = await lookupPage(w.deps, 2, page({ url: `https://www.upwork.com/jobs/${next}`, ciphertext: next, otherJobs: [OLD[2]!] }));
    expect(state).toMatchObject({ status: 'ready', companyId: COMPANY });
    expect(w.calls.filter((c) => c.startsWith('byCipher'))).toEqual([`byCipher ${CIPHER}`, `byCipher ${OLD[0]}`]);
  });

  // A long history as real pages list it (newest first, legacy ~01 jobs of years ago among them): 19 of them.
  const LEGACY = Array.from({ length: 16 }, (_, i) => `~01aa0000000000${String(i).padStart(4, '0')}`);
  const RECENT = ['~022049273127616182023', '~022051999999999999999', '~022040111111111111111'];
  const LONG = [LEGACY[0]!, LEGACY[1]!, RECENT[2]!, ...LEGACY.slice(2, 9), RECENT[0]!, ...LEGACY.slice(9), RECENT[1]!];

  it('asks this job, then the open jobs, then the rest newest first: ~02 by their number, legacy ~01 last in page order', () => {
    const order = askingOrder(CIPHER, LONG, [RECENT[2]!]);
    expect(order.slice(0, 4)).toEqual([CIPHER, RECENT[2], RECENT[1], RECENT[0]]);
    expect(order.slice(4)).toEqual(LEGACY);
    expect(new Set(order).size).toBe(order.length);
  });

  it("finds a long history's newest archived job within one view, however far down the page lists it", async () => {
    const w = archivedOnly(RECENT[0]!);
    expect(await lookupPage(w.deps, 1, page({ otherJobs: LONG }))).toMatchObject({ status: 'ready', companyId: COMPANY });
    expect(w.calls.filter((c) => c.startsWith('byCipher'))).toEqual([CIPHER, RECENT[1], RECENT[0]].map((c) => `byCipher ${c}`));
  });

  it('Find the client asks about ten more of its jobs at once, and says how many of them UpHunt was asked about', async () => {
    const { ARCHIVE_CALLS_PER_CLICK } = await import('@/utils/client/lookup');
    const w = archivedOnly(LEGACY[11]!);
    expect(await lookupPage(w.deps, 1, page({ otherJobs: LONG }))).toMatchObject({ status: 'unknown-job', asked: { asked: 3, of: 20 } });
    // The next view goes on down the list rather than asking the same three again.
    expect(await lookupPage(w.deps, 1, page({ otherJobs: LONG }))).toMatchObject({ status: 'unknown-job', asked: { asked: 6, of: 20 } });
    const found = await lookupPage(w.deps, 1, page({ otherJobs: LONG }), { calls: ARCHIVE_CALLS_PER_CLICK });
    expect(found).toMatchObject({ status: 'ready', companyId: COMPANY, asked: null });
    const asked = w.calls.filter((c) => c.startsWith('byCipher')).map((c) => c.slice(9));
    expect(asked).toEqual(askingOrder(CIPHER, LONG, []).slice(0, 16));
    expect(new Set(asked).size).toBe(asked.length);
  });

  it("reads the past jobs in the page state's work history too, and never the job itself", async () => {
    const w = archivedOnly(OLD[3]!);
    const client = {
      fields: {},
      text: '',
      state: { buyer: {}, workHistory: [{ jobInfo: { ciphertext: OLD[3] } }, { jobInfo: { ciphertext: CIPHER } }, { jobInfo: null }] },
    };
    expect(await lookupPage(w.deps, 1, page({ client }))).toMatchObject({ status: 'ready', companyId: COMPANY });
    expect(w.calls.filter((c) => c.startsWith('byCipher'))).toEqual([`byCipher ${CIPHER}`, `byCipher ${OLD[3]}`]);
  });
});

describe('lookup state schema', () => {
  it('is what the storage schema accepts', async () => {
    const { TabStateSchema } = await import('@/utils/client/stored');
    const w = world();
    const state = await lookupPage(w.deps, 1, page());
    expect(TabStateSchema.parse(state)).toEqual(state);
    expect(z.string().parse(state.lookupId)).toBe('lookup-1');
  });
});

describe('pages that should show a job', () => {
  it('a job page that yields no job is "unreadable"; a feed without one is just "no job"', async () => {
    const w = world();
    const proposal = await lookupPage(w.deps, 1, page({ url: 'https://www.upwork.com/nx/proposals/123', kind: 'proposal', ciphertext: null }));
    const feed = await lookupPage(w.deps, 2, page({ url: 'https://www.upwork.com/nx/find-work/', kind: 'feed', ciphertext: null }));
    expect([proposal.status, feed.status]).toEqual(['unreadable', 'no-job']);
    expect(w.calls).toEqual([]);
  });
});

describe('stateMatchesTab', () => {
  it('matches by the URL’s job, by the page path where the URL names none, and always for a pasted job', async () => {
    const { stateMatchesTab } = await import('@/utils/client/tab-pages');
    const w = world();
    const state = await lookupPage(w.deps, 1, page());
    expect(stateMatchesTab(state, `https://www.upwork.com/jobs/Title_${CIPHER}/?ref=x`)).toBe(true);
    expect(stateMatchesTab(state, 'https://www.upwork.com/jobs/~022049912345678901234')).toBe(false);
    const proposal = await lookupPage(w.deps, 2, page({ url: 'https://www.upwork.com/nx/proposals/123', kind: 'proposal' }));
    expect(stateMatchesTab(proposal, 'https://www.upwork.com/nx/proposals/123/')).toBe(true);
    expect(stateMatchesTab({ ...proposal, pasted: true }, 'https://www.upwork.com/nx/find-work/')).toBe(true);
  });
});

describe('resumeLookups', () => {
  it('a new worker runs again the look-ups a dead one left half-way, and nothing else', async () => {
    const w = world();
    const orphan = (tabId: number, status: TabState['status'], lookupId: string): TabState =>
      tabState({ url: page().url, ciphertext: CIPHER, companyId: status === 'loading' ? COMPANY : null, status, lookupId, updatedAt: 0 });
    const left = [
      { tabId: 1, state: orphan(1, 'loading', 'dead-1') },
      { tabId: 2, state: orphan(2, 'resolving', 'dead-2') },
      { tabId: 3, state: orphan(3, 'ready', 'done-3') },
      { tabId: 4, state: orphan(4, 'loading', 'dead-4') },
    ];
    for (const { tabId, state } of left) w.tabs.set(tabId, state);
    // Tab 4 moved on to a newer look-up before the worker got to it.
    w.tabs.set(4, { ...orphan(4, 'ready', 'newer-4') });
    await resumeLookups(w.deps, left);
    expect(w.tabs.get(1)).toMatchObject({ status: 'ready', companyId: COMPANY });
    expect(w.tabs.get(2)).toMatchObject({ status: 'ready', companyId: COMPANY });
    expect(w.tabs.get(3)!.lookupId).toBe('done-3');
    expect(w.tabs.get(4)!.lookupId).toBe('newer-4');
    // Both tabs show the same client: its history is fetched once.
    expect(w.calls.filter((c) => c.startsWith('clientJobs'))).toEqual([`clientJobs ${COMPANY}`]);
  });
});

describe('followUpLookups: the background asks again, with or without a panel open', () => {
  it('when a Retry-After has ended and when a step outlived every timeout, not before, and never a finished look-up', async () => {
    let limited = true;
    const w = world({
      clientJobs: async () => {
        if (limited) throw fail('rate_limited', 429, 61_000);
        return record('Northwind');
      },
    });
    const first = await lookupPage(w.deps, 1, page({ companyIdHint: COMPANY }));
    expect(first).toMatchObject({ status: 'error', problem: { kind: 'rate_limited' } });
    expect(followUpAt(first)).toBe(61_000);
    const stuck = { ...first, status: 'loading' as const, lookupId: 'dead-2', updatedAt: 1_000 };
    w.tabs.set(2, stuck);
    const tabs = () => [...w.tabs].map(([tabId, state]) => ({ tabId, state }));

    limited = false;
    w.advance(20_000);
    await followUpLookups(w.deps, tabs());
    expect(w.calls).toEqual([`clientJobs ${COMPANY}`]);

    // The stuck step is due after the request timeout and a margin: it is run again, and waits out the same
    // Retry-After without a call. When that ends, both tabs are looked up, with one call for their one client.
    w.advance(6_000);
    await followUpLookups(w.deps, tabs());
    expect(w.tabs.get(2)).toMatchObject({ status: 'error', problem: { kind: 'rate_limited', retryAt: 61_000 } });
    expect(w.calls).toEqual([`clientJobs ${COMPANY}`]);
    w.advance(40_000);
    await followUpLookups(w.deps, tabs());
    expect(w.tabs.get(1)).toMatchObject({ status: 'ready', companyId: COMPANY });
    expect(w.tabs.get(2)).toMatchObject({ status: 'ready', companyId: COMPANY });
    expect(w.calls).toEqual([`clientJobs ${COMPANY}`, `clientJobs ${COMPANY}`]);
    expect(followUpAt(w.tabs.get(1)!)).toBeNull();
    const calls = w.calls.length;
    w.advance(600_000);
    await followUpLookups(w.deps, tabs());
    expect(w.calls).toHaveLength(calls);
  });
});
