import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clientMetrics, historyNewestFirst } from '@/utils/client/judgement';
import { clientLocalTime, rateHistogram, spendingByQuarter } from '@/utils/client/charts';
import { clientScore, redFlags } from '@/utils/client/score';
import { ClientJobsSchema, WorkHistoryItemSchema, type ClientJobs } from '@/utils/uphunt/schemas';

const NOW = Date.UTC(2026, 10, 23, 12, 0);

interface C {
  title?: string;
  start?: string | null;
  end?: string | null;
  status?: string;
  charge?: number | null;
  hours?: number | null;
  rate?: number | null;
  given?: number | null;
  received?: number | null;
  who?: string;
}
const contract = (c: C) =>
  WorkHistoryItemSchema.parse({
    status: c.status ?? (c.end === null ? 'ACTIVE' : 'CLOSED'),
    startDate: c.start === undefined ? '2026-01-01T00:00:00Z' : c.start,
    endDate: c.end === undefined ? '2026-02-01T00:00:00Z' : c.end,
    totalCharge: c.charge ?? 100,
    totalHours: c.hours ?? null,
    jobInfo: { title: c.title ?? 'Job', id: '1', ciphertext: null },
    contractorInfo: { contractorName: c.who ?? 'Ann A.', ciphertext: null },
    rate: c.rate === undefined || c.rate === null ? null : { amount: c.rate },
    feedback: c.given === undefined || c.given === null ? null : { score: c.given, comment: null },
    feedbackToClient: c.received === undefined || c.received === null ? null : { score: c.received, comment: null },
  });

const client = (history: ReturnType<typeof contract>[], buyer: Record<string, unknown> = {}, openJobs = 0): ClientJobs =>
  ClientJobsSchema.parse({
    companyId: '1',
    lastSyncedAt: NOW,
    buyer: {
      company: { name: 'X', contractDate: '2020-01-01T00:00:00Z' },
      stats: { totalAssignments: history.length, score: 4.9, feedbackCount: 10, totalCharges: { amount: 25_000 }, totalJobsWithHires: 8 },
      postedCount: 10,
      ...buyer,
    },
    openJobs: Array.from({ length: openJobs }, (_, i) => ({ id: String(i), ciphertext: null, title: 'Open', type: 'FIXED' })),
    workHistory: history,
  });

describe('clientMetrics', () => {
  it("reads the seed's example answer", () => {
    const seed = ClientJobsSchema.parse(JSON.parse(readFileSync('tests/fixtures/uphunt-client-jobs.seed.json', 'utf8')));
    const m = clientMetrics(seed, NOW);
    expect(m).toMatchObject({
      totalSpent: 1721.68,
      jobsPosted: 57,
      hires: 20,
      hireRate: 16 / 57,
      openJobs: 1,
      avgHourlyPaid: 22.23,
      rating: 4.75,
      feedbackCount: 8,
      contracts: 1,
      medianHourly: 22.22,
      highestHourly: 22.22,
      totalHours: 10.33,
      typicalContract: 235.94,
      activeContracts: 1,
      reviewedShare: null,
      accountAgeDays: 369,
    });
    // 16 of 57 is a low hire rate: the flag says so.
    expect(redFlags(m).map((f) => f.id)).toEqual(['low-hire-rate']);
  });

  it('computes rates, hours, repeat hires, reviews and $0 contracts from the history', () => {
    const m = clientMetrics(
      client([
        contract({ rate: 20, hours: 10, charge: 200, given: 5, received: 5, who: 'Ann A.' }),
        contract({ rate: 40, hours: 5.5, charge: 220, given: 4, received: 4.5, who: 'Ann A.' }),
        contract({ rate: 30, hours: 1, charge: 30, who: 'Bob B.' }),
        contract({ charge: 0, given: 2, received: 1, title: 'Logo', who: 'Cy C.' }),
        contract({ end: null, charge: 50, who: 'Dee D.' }),
      ]),
      NOW,
    );
    expect(m.medianHourly).toBe(30);
    expect(m.highestHourly).toBe(40);
    expect(m.totalHours).toBe(16.5);
    expect(m.typicalContract).toBe(125);
    expect(m.repeatHires).toEqual([{ name: 'Ann A.', times: 2 }]);
    expect(m.activeContracts).toBe(1);
    expect(m.reviewedShare).toBe(3 / 4);
    expect(m.avgScoreGiven).toBe(3.67);
    expect(m.avgScoreReceived).toBe(3.5);
    expect(m.zeroContracts.map((c) => c.jobInfo.title)).toEqual(['Logo']);
    expect(m.lowScoreContracts.map((c) => c.jobInfo.title)).toEqual(['Logo']);
  });
});

describe('clientScore', () => {
  it('scores a generous, well-rated, long-standing client as good', () => {
    const history = Array.from({ length: 10 }, () => contract({ rate: 50, given: 5, received: 5 }));
    const result = clientScore(clientMetrics(client(history), NOW));
    expect(result.score).toBe(20 + 20 + 20 + 15 + 10 + 15);
    expect(result.verdict).toBe('good');
    expect(result.flags).toEqual([]);
    for (const factor of result.factors) expect(factor.rule).not.toBe('');
  });

  it('names the contracts behind each red flag of a risky client', () => {
    const history = [
      contract({ title: 'Data entry', rate: 5, charge: 0, received: 2 }),
      contract({ title: 'Copy paste', rate: 6, charge: 0, received: 1 }),
      contract({ title: 'Typing', rate: 4, charge: 0 }),
      contract({ title: 'Calls', rate: 8, charge: 20 }),
    ];
    const result = clientScore(
      clientMetrics(
        client(
          history,
          {
            company: { name: 'New', contractDate: '2026-10-01T00:00:00Z' },
            postedCount: 30,
            stats: { totalJobsWithHires: 4, totalAssignments: 4, score: 2.1, feedbackCount: 2, totalCharges: { amount: 20 } },
          },
          5,
        ),
        NOW,
      ),
    );
    expect(result.verdict).toBe('risky');
    expect(Object.fromEntries(result.flags.map((f) => [f.id, f.contracts]))).toEqual({
      'low-hire-rate': [],
      'low-rates': [],
      'low-scores': ['Data entry', 'Copy paste'],
      'zero-contracts': ['Data entry', 'Copy paste', 'Typing'],
      'new-account-many-jobs': [],
      'rarely-reviews': [],
    });
  });

  it('gives neutral points, not zero, where there is nothing to judge yet', () => {
    const result = clientScore(clientMetrics(client([], { postedCount: null, stats: { feedbackCount: 0, totalAssignments: 0, totalCharges: null } }), NOW));
    expect(result.factors.map((f) => [f.label, f.points])).toEqual([
      ['Money spent', 0],
      ['Hire rate', 8],
      ['Rated by freelancers', 10],
      ['Rates paid', 8],
      ['Leaves reviews', 5],
      ['Track record', 8],
    ]);
    expect(result.flags).toEqual([]);
  });
});

describe('charts data', () => {
  it('sums spending by quarter, with empty quarters in between', () => {
    const periods = spendingByQuarter([
      contract({ start: '2025-02-10T00:00:00Z', charge: 100 }),
      contract({ start: '2025-03-01T00:00:00Z', charge: 50.5 }),
      contract({ start: '2025-10-01T00:00:00Z', charge: 10 }),
      contract({ start: null, charge: 999 }),
    ]);
    expect(periods.map((p) => [p.label, p.spent, p.contracts])).toEqual([
      ['Q1 2025', 150.5, 2],
      ['Q2 2025', 0, 0],
      ['Q3 2025', 0, 0],
      ['Q4 2025', 10, 1],
    ]);
  });

  it('bins hourly rates by $10', () => {
    expect(rateHistogram([5, 12, 18, 31])).toEqual([
      { from: 0, to: 10, count: 1 },
      { from: 10, to: 20, count: 2 },
      { from: 20, to: 30, count: 0 },
      { from: 30, to: 40, count: 1 },
    ]);
    expect(rateHistogram([])).toEqual([]);
  });
});

describe('clientLocalTime', () => {
  it("tells the time in the client's zone, or from the written offset", () => {
    expect(clientLocalTime('Europe/Berlin (UTC+01:00)', NOW)).toBe('Mon 1:00 PM');
    expect(clientLocalTime('Atlantis/Nowhere (UTC-03:30)', NOW)).toBe('Mon 8:30 AM');
    expect(clientLocalTime(null, NOW)).toBeNull();
  });
});

describe('historyNewestFirst', () => {
  it('puts running contracts first, then the newest, and undated ones last', () => {
    const sorted = historyNewestFirst([
      contract({ title: 'old', start: '2024-01-01T00:00:00Z' }),
      contract({ title: 'undated', start: null }),
      contract({ title: 'running', start: '2023-05-01T00:00:00Z', end: null }),
      contract({ title: 'recent', start: '2026-03-01T00:00:00Z' }),
    ]);
    expect(sorted.map((c) => c.jobInfo.title)).toEqual(['running', 'recent', 'old', 'undated']);
  });
});

describe('redFlags wording', () => {
  it('says low average scores in words even when no single contract is under 3★', () => {
    const m = clientMetrics(client([contract({ received: 3.5 }), contract({ received: 3.9 })]), NOW);
    expect(redFlags(m).find((f) => f.id === 'low-scores')?.text).toBe('Freelancers rate this client 3.7★ on average');
  });
});
