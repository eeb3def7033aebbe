import { describe, expect, it } from 'vitest';
import type { LogEntry } from '@/utils/apply/log';
import { periodStart, rateText, results, resultsCsv, resultsLine } from '@/utils/apply/results';
import type { Outcome, OutcomeKind } from '@/utils/apply/stored';

const NOW = new Date(2026, 11, 20, 12).getTime();
const DAY = 86_400_000;

let n = 0;
const sent = (kind: OutcomeKind | null, score: number | null, extra: Partial<LogEntry> & { flags?: string[] } = {}): LogEntry => {
  const { flags = [], ...rest } = extra;
  const outcome: Outcome | null =
    kind === null
      ? null
      : {
          kind,
          contractor: null,
          ours: kind === 'hired-you' ? ['Ada Novak'] : [],
          dataAt: NOW - DAY,
          goneSince: null,
          jobTitle: null,
          companyId: '1',
          score,
          flags,
          checkedAt: NOW,
        };
  n += 1;
  return {
    key: `a${n}`,
    ciphertext: `~02${n}`,
    companyId: '1',
    applied: true,
    outcome,
    title: `Job ${n}`,
    url: null,
    clientName: 'Northwind',
    freelancerName: 'Ada Novak',
    connects: 16,
    status: 'Applied',
    tone: 'good',
    createdAt: NOW - 2 * DAY,
    settledAt: NOW - 2 * DAY,
    source: 'here',
    ...rest,
  };
};

describe('Results: what the applications of a period brought', () => {
  it('counts each outcome, the Connects spent and those spent on jobs that closed without a hire, and the credits', () => {
    const entries = [
      sent('hired-you', 80),
      sent('hired-other', 55, { freelancerName: 'Bruno Silva', connects: 8 }),
      sent('closed', 20, { connects: 24 }),
      sent('gone', 50, { connects: null }),
      // Sent by hand on Upwork: no UpHunt credit.
      sent(null, null, { source: 'upwork' }),
      // Not applied: counted nowhere.
      { ...sent(null, null), applied: false, status: 'Failed' },
    ];
    const r = results(entries, '30', NOW);
    expect(r.all).toEqual({
      sent: 5,
      hiredYou: 1,
      hiredOther: 1,
      closed: 1,
      open: 1,
      unknown: 1,
      connects: 16 + 8 + 24 + 16,
      connectsUnknown: 1,
      connectsOnClosed: 24,
      credits: 4,
    });
    expect(r.byFreelancer.map(({ name, tally }) => [name, tally.sent, tally.hiredOther])).toEqual([
      ['Ada Novak', 4, 0],
      ['Bruno Silva', 1, 1],
    ]);
    expect(resultsLine(r, '30')).toBe('Last 30 days: 5 sent · 1 hired you · 64 Connects');
  });

  it('win rate by the client score band (0–39, 40–69, 70–100) and by red flag, each with its count', () => {
    const entries = [
      sent('hired-you', 70),
      sent('hired-other', 100),
      sent('open', 69),
      sent('closed', 40, { flags: ['low-hire-rate'] }),
      sent('closed', 39, { flags: ['low-hire-rate', 'zero-contracts'] }),
      sent('hired-you', 0, { flags: ['zero-contracts'] }),
    ];
    const { bands, flags } = results(entries, 'all', NOW);
    expect(bands.map(rateText)).toEqual([
      'score 70–100: 1 of 2 hired you',
      'score 40–69: 0 of 2 hired you',
      'score 0–39: 1 of 2 hired you',
      'no score yet: 0 of 0 hired you',
    ]);
    expect(flags.map(rateText)).toEqual(['low hire rate: 0 of 2 hired you', '$0 contracts: 1 of 2 hired you', 'no red flag: 1 of 3 hired you']);
  });

  it('periods: this month from its first day, the last 30 and 90 days, all', () => {
    const entries = [sent('open', 50, { createdAt: NOW - 25 * DAY }), sent('open', 50, { createdAt: NOW - 60 * DAY }), sent('open', 50)];
    expect(periodStart('month', NOW)).toBe(new Date(2026, 11, 1).getTime());
    expect(['month', '30', '90', 'all'].map((p) => results(entries, p as never, NOW).all.sent)).toEqual([1, 2, 3, 3]);
  });

  it('the CSV has every application with its outcome, a title that starts a formula made harmless', () => {
    const csv = resultsCsv([sent('hired-you', 80, { title: '=HYPERLINK("x")' }), { ...sent(null, null), applied: false, status: 'Failed' }]);
    const [head, first, second] = csv.trim().split('\r\n');
    expect(head).toBe('Sent,Job,URL,Client,Freelancer,From,Status,Connects,Outcome,Hired,UpHunt data of,Client score,Red flags');
    expect(first).toContain(`"'=HYPERLINK(""x"")"`);
    expect(first).toContain(',16,Hired you (Ada Novak),');
    expect(second).toContain(',Failed,16,,');
  });
});
