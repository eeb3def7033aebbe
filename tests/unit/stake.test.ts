import { describe, expect, it } from 'vitest';
import { clientMetrics } from '@/utils/client/judgement';
import { stakeOf, stakeText } from '@/utils/client/stake';
import { ClientJobsSchema } from '@/utils/uphunt/schemas';
import type { PageFacts } from '@/utils/upwork/page-facts';

const NOW = Date.UTC(2026, 11, 5);
const DAY = 86_400_000;
const TITLE = 'Shopify store setup and theme tweaks';
const client = (open: string[], posted: number, withHires: number, contracts: Array<{ title: string; endDate: string }> = []) =>
  ClientJobsSchema.parse({
    companyId: '1',
    lastSyncedAt: NOW,
    buyer: { postedCount: posted, stats: { totalJobsWithHires: withHires, totalAssignments: withHires } },
    openJobs: open.map((title, i) => ({ id: String(i), title })),
    workHistory: contracts.map(({ title, endDate }) => ({ status: 'CLOSED', startDate: '2026-01-01', endDate, jobInfo: { title, id: '9', ciphertext: null } })),
  });
const facts = (activity: Partial<PageFacts['activity']>, required: number | null = 20): PageFacts => ({
  connects: { required, available: null, remaining: null },
  activity: { proposals: null, lastViewed: null, lastViewedAt: null, interviewing: null, invitesSent: null, unansweredInvites: null, hired: null, ...activity },
  bidRange: null,
});
const stake = (data: ReturnType<typeof client> | null, pageFacts: PageFacts | null = facts({})) =>
  stakeOf({
    jobTitle: TITLE,
    connects: pageFacts?.connects.required ?? null,
    metrics: data ? clientMetrics(data, NOW) : null,
    data,
    facts: pageFacts,
    now: NOW,
  });

describe('what is at stake before applying', () => {
  it('a job open three times at once from a client who hires on 4% of posts: low odds, both reasons named', () => {
    const data = client([TITLE, 'Shopify store setup & theme tweaks', 'Shopify store setup and theme tweaks!', 'Logo'], 50, 2);
    expect(stakeText(stake(data))).toBe('20 Connects · hire odds low: hires on 4% of the jobs they posted; open 3 times at once');
  });

  it('open more than once is a repost even when an older contract for it exists; reposted soon after a contract ended', () => {
    const old = client([TITLE, TITLE], 10, 8, [{ title: TITLE, endDate: '2025-02-01T00:00:00Z' }]);
    expect(stake(old).reasons).toEqual(['open 2 times at once']);
    const recent = client([TITLE], 10, 8, [{ title: TITLE, endDate: new Date(NOW - 10 * DAY).toISOString() }]);
    expect(stake(recent).reasons).toEqual(['posted again within 30 days of a contract for it ending']);
  });

  it("the page's activity: 50+ proposals, and a client who has not looked for days", () => {
    const data = client([TITLE], 10, 8);
    expect(stake(data, facts({ proposals: '50+', lastViewedAt: NOW - 5 * DAY })).reasons).toEqual([
      '50+ proposals already',
      'not viewed by the client for 5 days',
    ]);
    expect(stake(data, facts({ proposals: '5 to 10', lastViewedAt: NOW - DAY })).odds).toBe('good');
  });

  it('good, fair or unknown when nothing speaks against it; no line when neither the Connects nor the client is known', () => {
    expect(stakeText(stake(client([TITLE], 10, 8)))).toBe('20 Connects · hire odds good');
    expect(stakeText(stake(client([TITLE], 10, 4)))).toBe('20 Connects · hire odds fair');
    expect(stakeText(stake(null))).toBe('20 Connects · hire odds unknown');
    expect(stakeText(stake(client([TITLE], 10, 4), null))).toBe('Connects not shown · hire odds fair');
    expect(stakeText(stake(null, null))).toBeNull();
  });
});
