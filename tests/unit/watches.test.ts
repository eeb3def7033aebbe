import { describe, expect, it } from 'vitest';
import type { PendingRun, SearchRun } from '@/utils/enrichment/stored';
import { ApiError } from '@/utils/http';
import type { Problem } from '@/utils/problem';
import { NO_BLOCKS, NO_RULES, type ListRules } from '@/utils/lists/rules';
import type { KnownClient } from '@/utils/lists/tiles-answer';
import type { JobRow } from '@/utils/mindcase/schemas';
import {
  ANY_FILTERS,
  budgetOf,
  groupDue,
  isDue,
  nextDueAt,
  noticeText,
  rowsToAsk,
  searchParams,
  watchCost,
  watchesOfRow,
  type NewJob,
  type Watch,
  type WatchStatus,
} from '@/utils/watches/watch';
import { checkProblemText, createWatcher } from '@/utils/watches/watcher';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 10, 24, 10, 7);

const watch = (over: Partial<Watch> = {}): Watch => ({
  id: 'w1',
  name: 'shopify dashboard',
  keywords: ['shopify dashboard'],
  filters: ANY_FILTERS,
  everyMinutes: 15,
  maxRows: 5,
  paused: false,
  createdAt: T0,
  destinations: [],
  ...over,
});

let serial = 0;
const row = (title: string, over: Partial<JobRow> & Record<string, unknown> = {}): JobRow => {
  const cipher = `~0221000000000000${String(++serial).padStart(5, '0')}`;
  return {
    jobUrl: `https://www.upwork.com/jobs/${cipher}`,
    jobTitle: title,
    openingInfo: { ciphertext: cipher, type: 'FIXED' },
    budget: 500,
    paymentVerified: true,
    clientActivity: { totalApplicants: 3 },
    buyerLocation: { country: 'Canada' },
    ...over,
  } as JobRow;
};

describe('watch schedule and cost', () => {
  it('a new watch buys nothing until its next slot, then is due once per slot', () => {
    const w = watch();
    expect(isDue(w, undefined, T0)).toBe(false);
    expect(nextDueAt([w], {}, T0)).toBe(Date.UTC(2026, 10, 24, 10, 15));
    expect(isDue(w, undefined, Date.UTC(2026, 10, 24, 10, 15))).toBe(true);
    expect(isDue({ ...w, paused: true }, undefined, Date.UTC(2026, 10, 24, 10, 15))).toBe(false);
  });

  it('says what a watch costs at most: per check, a day and a month at $3 per 1,000 rows', () => {
    expect(watchCost({ keywords: ['a', 'b'], maxRows: 10, everyMinutes: 60 })).toEqual({ perCheck: 0.06, perDay: 1.44, perMonth: expect.closeTo(43.2, 6) });
    expect(watchCost({ keywords: ['a'], maxRows: 20, everyMinutes: 24 * 60 }).perMonth).toBeCloseTo(1.8, 6);
  });

  it('asks for a little more than the last news after a quiet check, and for all after a full one', () => {
    const status: WatchStatus = {
      lastSlot: 0,
      runningSince: null,
      lastCheckAt: T0,
      lastRows: 2,
      lastNew: 1,
      lastCostUsd: 0,
      saturated: false,
      problem: null,
    };
    expect(rowsToAsk(watch(), status)).toBe(2);
    expect(rowsToAsk(watch(), { ...status, saturated: true })).toBe(5);
    expect(rowsToAsk(watch(), undefined)).toBe(5);
  });

  it("sends seed 002's parameters, leaving out empty filters and the prices of a kind turned off", () => {
    const params = searchParams(['shopify'], 5, { ...ANY_FILTERS, isHourly: false, hourlyMinPrice: 30, fixedMinPrice: 200, experienceLevel: ['ExpertLevel'] });
    expect(params).toEqual({
      inputs: ['shopify'],
      limit: 5,
      sortBy: 'newest',
      isHourly: false,
      isFixed: true,
      fixedMinPrice: 200,
      experienceLevel: ['ExpertLevel'],
    });
  });

  it('watches due together with the same filters share one run; others get their own', () => {
    const groups = groupDue([
      { watch: watch({ id: 'a', keywords: ['shopify'] }), limit: 5 },
      { watch: watch({ id: 'b', keywords: ['react dashboard', 'shopify'] }), limit: 5 },
      { watch: watch({ id: 'c', keywords: ['logo'], filters: { ...ANY_FILTERS, isFixed: false } }), limit: 5 },
    ]);
    expect(groups.map((g) => [g.watchIds, g.inputs])).toEqual([
      [
        ['a', 'b'],
        ['shopify', 'react dashboard'],
      ],
      [['c'], ['logo']],
    ]);
  });

  it("gives a shared run's row to the watches whose keyword it answers, or to all when it answers none", () => {
    const watches = [watch({ id: 'a', keywords: ['shopify'] }), watch({ id: 'b', keywords: ['react dashboard'] })];
    expect(watchesOfRow(row('Shopify theme fix'), watches)).toEqual(['a']);
    expect(watchesOfRow(row('Dashboard in React'), watches)).toEqual(['b']);
    expect(watchesOfRow(row('Something else'), watches)).toEqual(['a', 'b']);
  });

  it('states a budget as seed 002 means it: a fixed amount, an hourly range, 0 as not given', () => {
    expect(budgetOf(row('x'))).toBe('$500 fixed');
    expect(budgetOf(row('x', { openingInfo: { type: 'HOURLY' }, extendedBudget: { hourlyBudgetMin: 25, hourlyBudgetMax: 0 } }))).toBe('$25/hr');
    expect(budgetOf(row('x', { budget: 0 }))).toBeNull();
  });

  it('words one notification per check', () => {
    expect(noticeText(3, ['shopify dashboard'])).toBe("3 new jobs for 'shopify dashboard'");
    expect(noticeText(1, ['a', 'b', 'c'])).toBe("1 new job for 'a', 'b' and 'c'");
  });

  it('says a cap stop in words, and that a rate-limited check is simply asked again next time', () => {
    const cap: Problem = {
      service: 'Mindcase',
      kind: 'spending_cap',
      status: null,
      detail: '$5.00 of your $5.00 monthly cap is spent or committed.',
      retryAt: null,
    };
    expect(checkProblemText(cap, T0)).toMatch(/^Stopped by the monthly Mindcase cap: \$5\.00 of your \$5\.00/);
    const limited = new ApiError({ service: 'Mindcase', kind: 'rate_limited', status: 429, detail: '', retryAt: T0 + 5000 }).problem;
    expect(checkProblemText(limited, T0)).toBe('Mindcase asked us to slow down. The next check asks again.');
  });
});

/** A browser's worth of the watcher: its storage outlives watcher instances (workers); runs are started by hand. */
function world(watches: Watch[], options: { rules?: Partial<ListRules>; clients?: Record<string, KnownClient>; capped?: boolean } = {}) {
  let now = T0;
  let statuses: Record<string, WatchStatus> = {};
  let seen: string[] = [];
  let list: NewJob[] = [];
  const started: Array<SearchRun & { inputs: string[] }> = [];
  const notices: string[] = [];
  const lookups: string[] = [];
  const delivered: Array<{ jobs: string[]; watches: string[] }> = [];
  let wake: number | null = null;
  const worker = () =>
    createWatcher({
      watches: async () => watches,
      statuses: async () => structuredClone(statuses),
      updateStatuses: async (change) => {
        const next = structuredClone(statuses);
        change(next);
        statuses = next;
      },
      seen: async () => new Set(seen),
      deliver: async (jobs, found) => void delivered.push({ jobs: jobs.map((j) => j.ciphertext), watches: found.map((w) => w.id) }),
      markSeen: async (c) => void (seen = [...new Set([...seen, ...c])]),
      addNewJobs: async (jobs) => void (list = [...jobs, ...list.filter((j) => !jobs.some((n) => n.ciphertext === j.ciphertext))]),
      judge: async () => ({ rules: { ...NO_RULES, ...options.rules }, blocks: NO_BLOCKS }),
      clientOf: async (c) => {
        lookups.push(c);
        return options.clients?.[c] ?? null;
      },
      startSearch: async (search) => {
        if (options.capped)
          return { service: 'Mindcase', kind: 'spending_cap', status: null, detail: '$5.00 of your $5.00 monthly cap is spent or committed.', retryAt: null };
        started.push(search);
        return null;
      },
      notify: async (text) => void notices.push(text),
      notifyCap: async (text) => void notices.push(`cap: ${text}`),
      wakeAt: async (at) => void (wake = at),
      now: () => now,
    });
  const runOf = (search: SearchRun & { inputs: string[] }): PendingRun => ({ id: 'job_1', inputs: search.inputs, startedAt: now, search });
  return {
    worker,
    started,
    notices,
    lookups,
    delivered,
    at: (time: number) => (now = time),
    statuses: () => statuses,
    list: () => list,
    wake: () => wake,
    runOf,
  };
}

describe('watcher', () => {
  const slot1 = Date.UTC(2026, 10, 24, 10, 15);
  const slot2 = Date.UTC(2026, 10, 24, 10, 30);

  it('runs each due slot once, whoever wakes for it: the alarm, a restarted worker, both at once', async () => {
    const w = world([watch()]);
    w.at(slot1 + 1000);
    await Promise.all([w.worker().check(), w.worker().check()]);
    await w.worker().check();
    expect(w.started).toHaveLength(1);
    expect(w.statuses().w1).toMatchObject({ runningSince: slot1 + 1000 });
    expect(w.wake()).toBe(slot2);
  });

  it('announces only jobs no check has seen, in the list and one notification; a second check announces only the new ones', async () => {
    const w = world([watch()]);
    const first = [row('Shopify dashboard A'), row('Shopify dashboard B')];
    w.at(slot1);
    await w.worker().check();
    await w.worker().found(w.runOf(w.started[0]!), first);
    expect(w.notices).toEqual(["2 new jobs for 'shopify dashboard'"]);
    expect(w.list().map((j) => j.title)).toEqual(['Shopify dashboard A', 'Shopify dashboard B']);
    expect(w.statuses().w1).toMatchObject({ lastRows: 2, lastNew: 2, lastCostUsd: 0.006, runningSince: null, problem: null, saturated: false });

    w.at(slot2);
    await w.worker().check();
    // After a check with 2 new jobs, the next asks for 3 rows, not the full 5.
    expect(w.started[1]!.limit).toBe(3);
    const second = [row('Shopify dashboard C'), ...first];
    await w.worker().found(w.runOf(w.started[1]!), second);
    expect(w.notices).toEqual(["2 new jobs for 'shopify dashboard'", "1 new job for 'shopify dashboard'"]);
    expect(w.list().map((j) => j.title)).toEqual(['Shopify dashboard C', 'Shopify dashboard A', 'Shopify dashboard B']);
    // Each check's announced jobs go to the watch's destinations once (outbox.ts).
    expect(w.delivered.map((d) => [d.jobs.length, d.watches])).toEqual([
      [2, ['w1']],
      [1, ['w1']],
    ]);
  });

  it('rows handed over twice (the worker died after announcing them) are not announced twice', async () => {
    const w = world([watch()]);
    w.at(slot1);
    await w.worker().check();
    const rows = [row('Shopify dashboard A')];
    await w.worker().found(w.runOf(w.started[0]!), rows);
    await w.worker().found(w.runOf(w.started[0]!), rows);
    expect(w.notices).toHaveLength(1);
    expect(w.list()).toHaveLength(1);
  });

  it("does not announce a job the list rules would fold, including by the client's score when UpHunt knows the client", async () => {
    const risky = row('Shopify dashboard risky');
    const known: KnownClient = { companyId: '1', score: 20, hireRate: 0.1, avgHourly: null, reposts: false };
    const w = world([watch()], {
      rules: { hideUnverified: true, minScore: 50 },
      clients: { [risky.openingInfo!.ciphertext!]: known },
    });
    w.at(slot1);
    await w.worker().check();
    await w.worker().found(w.runOf(w.started[0]!), [row('Unverified', { paymentVerified: false }), risky, row('Good one')]);
    expect(w.list().map((j) => j.title)).toEqual(['Good one']);
    expect(w.notices).toEqual(["1 new job for 'shopify dashboard'"]);
  });

  it("looks up at most 5 clients per check, and shows a client's score when UpHunt knows it", async () => {
    const rows = Array.from({ length: 8 }, (_, i) => row(`Shopify dashboard ${i}`));
    const w = world([watch({ maxRows: 10 })], {
      clients: { [rows[0]!.openingInfo!.ciphertext!]: { companyId: '1', score: 88, hireRate: 0.8, avgHourly: null, reposts: false } },
    });
    w.at(slot1);
    await w.worker().check();
    await w.worker().found(w.runOf(w.started[0]!), rows);
    expect(w.lookups).toHaveLength(5);
    expect(w.list()[0]).toMatchObject({ title: 'Shopify dashboard 0', score: 88 });
    expect(w.list()[7]).toMatchObject({ score: null });
  });

  it('the monthly cap stops every watch and says so on each', async () => {
    const w = world([watch(), watch({ id: 'w2', name: 'logo', keywords: ['logo'], filters: { ...ANY_FILTERS, isHourly: false } })], { capped: true });
    w.at(slot1);
    await w.worker().check();
    expect(w.statuses().w1?.problem).toMatch(/^Stopped by the monthly Mindcase cap/);
    expect(w.statuses().w2?.problem).toMatch(/^Stopped by the monthly Mindcase cap/);
    expect(w.statuses().w1?.runningSince).toBeNull();
    // Said outside Options once, not at every check the cap stops.
    w.at(slot2);
    await w.worker().check();
    expect(w.notices).toEqual([expect.stringMatching(/^cap: Stopped by the monthly Mindcase cap: \$5\.00 of your/)]);
  });

  it('Check now runs a paused or not-yet-due watch once, and says so when a check is already running', async () => {
    const w = world([watch({ paused: true })]);
    expect(await w.worker().check('w1')).toBeNull();
    expect(await w.worker().check('w1')).toBe('A check of this watch is already running.');
    expect(w.started).toHaveLength(1);
    expect(await w.worker().check('gone')).toBe('This watch no longer exists.');
  });

  it('a check lost with its worker (no answer, no failure) does not block the watch for ever', async () => {
    const w = world([watch()]);
    w.at(slot1);
    await w.worker().check();
    w.at(slot1 + 16 * MINUTE);
    await w.worker().check();
    expect(w.started).toHaveLength(2);
  });
});
