/**
 * Upwork's 2026 redesign, which no shared capture holds: our fixture made from the facts in
 * ../shared/upwork-pages.md (the test page job-2026-design.html, from the sandbox's template), and the
 * wordings that differ by design.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { askingOrder } from '@/utils/client/lookup';
import { clientJobsNamed, pageClient } from '@/utils/client/page-client';
import { readPage as readOnly } from '@/utils/upwork/extract';
import { PageReadSchema } from '@/utils/upwork/schemas';
import { digestPage } from '@/utils/upwork/nuxt';
import { designOf, pageFacts, paymentVerified } from '@/utils/upwork/page-facts';
import { fixturePage } from '../fixtures/pages';

const readPage = (doc: Document, url: string) => digestPage(readOnly(doc, url));
const load = () => new DOMParser().parseFromString(fixturePage('job-2026-design.html'), 'text/html');
const html = (body: string) => new DOMParser().parseFromString(`<!doctype html><html><body>${body}</body></html>`, 'text/html');
const JOB = '~022051005096520707758';
const VIEWER = `https://www.upwork.com/nx/s/job-details-viewer/jobs/${JOB}`;

describe('a job page in the 2026 redesign', () => {
  it('the job viewer is a job page; the client box (shown twice) is read once, "Payment verified" as verified', () => {
    const seen = readPage(load(), VIEWER);
    expect(seen).toMatchObject({ kind: 'job-viewer', ciphertext: JOB, strategy: 'url', paymentVerified: true, design: '2026 redesign' });
    const client = pageClient(seen.client)!;
    expect(client.buyer).toMatchObject({
      location: { country: 'Germany', city: 'Stuttgart' },
      postedCount: 9,
      // "9 hires 2 active", without the older designs' comma.
      stats: { totalAssignments: 9, score: 4.79, feedbackCount: 12, totalCharges: { amount: 10_000 }, totalJobsWithHires: 7 },
      company: { contractDate: new Date('Apr 11, 2019').toISOString() },
    });
  });

  it('a 2026 client box without a "total spent" line says nothing of the spend: unknown, not $0', () => {
    const doc = load();
    for (const line of doc.querySelectorAll('[data-test="about-client-spend-stats"]')) line.remove();
    expect(pageClient(readPage(doc, VIEWER).client)!.buyer?.stats?.totalCharges?.amount).toBeNull();
  });

  it("its recent history's absolute links are the client's jobs, never the similar jobs, asked about newest first", () => {
    const seen = readPage(load(), VIEWER);
    expect(seen.otherJobs).toHaveLength(5);
    expect(seen.otherJobs).not.toContain('~022040000000000000001');
    expect(askingOrder(JOB, clientJobsNamed(seen), seen.openJobs)).toEqual([
      JOB,
      '~022052895097657407455',
      '~022052000000000000002',
      '~022050000000000000001',
      '~01aa00000000000001',
      '~01aa00000000000002',
    ]);
  });

  it('the Connects, the activity and the bid range as the 2026 design words them', () => {
    expect(readPage(load(), VIEWER).facts).toEqual({
      connects: { required: 20, available: 216, remaining: null },
      activity: {
        proposals: '20 to 50',
        lastViewed: '2 hours ago',
        lastViewedAt: null,
        interviewing: 3,
        invitesSent: 5,
        unansweredInvites: 1,
        hired: 1,
      },
      bidRange: { high: 85, avg: 42.5, low: 15 },
    });
  });

  it('a page whose <html> carries a very long class list is still read (what the content script sends stays within its schema)', () => {
    const doc = load();
    doc.documentElement.className = 'x '.repeat(2_000);
    expect(PageReadSchema.safeParse(readOnly(doc, VIEWER)).success).toBe(true);
  });

  it('a route Upwork adds later still shows its job, counted under its own kind', () => {
    expect(readPage(load(), `https://www.upwork.com/nx/jobs-v3/view/${JOB}/overview`)).toMatchObject({ kind: 'unknown-route', ciphertext: JOB });
  });
});

describe('wordings that differ by design', () => {
  it('payment: "Payment verified" and "Payment method verified" are verified; "not verified" and "unverified" are not; silence is unknown', () => {
    expect(paymentVerified('About the client Payment verified Rating')).toBe(true);
    expect(paymentVerified('Payment method verified')).toBe(true);
    expect(paymentVerified('Payment method not verified')).toBe(false);
    expect(paymentVerified('Payment unverified')).toBe(false);
    expect(paymentVerified('Phone number verified')).toBeNull();
  });

  it('Connects in each design, and "required Connects ( 216 available)" with its spaces', () => {
    const connects = (text: string) => pageFacts(text)?.connects ?? null;
    expect(connects('Send a proposal for: 20 ConnectsAvailable Connects: 246')).toEqual({ required: 20, available: 246, remaining: null });
    expect(connects('15 required Connects (140 available)')).toEqual({ required: 15, available: 140, remaining: null });
    expect(connects('This proposal requires 10 Connects … When you submit this proposal, you’ll have 15 Connects remaining.')).toEqual({
      required: 10,
      available: null,
      remaining: 15,
    });
    // A page that says none of these (signed out, or worded anew) says nothing: unknown, never 0.
    expect(pageFacts('Senior React developer wanted. Apply now')).toBeNull();
  });

  it("a description's words are not the activity: only the labelled lines count", () => {
    const description = 'Proposals: send 3 samples, 5 to 10 pages each. Interviewing: 4 people already. Invites sent: 6.';
    expect(pageFacts(`${description} Activity on this job Proposals: 10 to 15 Interviewing: 2`)?.activity).toMatchObject({
      proposals: '10 to 15',
      interviewing: 2,
      invitesSent: null,
    });
    // Without the section's heading, a bare number after "Proposals:" is still not read as a tier.
    expect(pageFacts('Proposals: send 3 samples')).toBeNull();
  });

  it('the bid range, in the older "High | Avg | Low" and the 2026 "High Average Low"', () => {
    expect(pageFacts('Bid range - High $6,500.00 | Avg $4,513.09 | Low $5.00')?.bidRange).toEqual({ high: 6500, avg: 4513.09, low: 5 });
    expect(pageFacts('Bid range High $85.00 Average $42.50 Low $15.00')?.bidRange).toEqual({ high: 85, avg: 42.5, low: 15 });
  });

  it('the design from the client box and the page: 2024, 2025, the 2026 redesign, else unknown', () => {
    expect(designOf('AboutClientUser air-3-0 ')).toBe('2024');
    expect(designOf('about-client-container dark ')).toBe('2025');
    expect(designOf('about-client ngm-dark has-cq fluid-adapter')).toBe('2026 redesign');
    expect(designOf('null null ')).toBe('unknown');
  });

  it("a 2024 job page's client-history links are <uplink> elements, and count as the client's jobs", () => {
    const doc = html(`
      <div class="job-details"><h1>A job</h1></div>
      <div class="extra-jobs-cards">
        <section class="air3-card"><h2>Client's recent history (2)</h2>
          <uplink href="/jobs/~01aa00000000000009/" data-cy="job-title">Old job</uplink>
          <uplink href="/jobs/Newer_~022049273127616182023" data-cy="job-title">Newer job</uplink></section>
        <section class="air3-card"><h2>Similar jobs on Upwork</h2><uplink href="/jobs/~022040000000000000001/">Theirs</uplink></section>
      </div>`);
    expect(readPage(doc, `https://www.upwork.com/jobs/${JOB}`).otherJobs).toEqual(['~01aa00000000000009', '~022049273127616182023']);
  });

  it('never invents a figure: every number read from the words is written in them, whatever the words', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        'Send a proposal for:',
        'Available Connects:',
        'required Connects (',
        'available)',
        'Activity on this job',
        'Proposals:',
        'Interviewing:',
        'Invites sent:',
        'Unanswered invites:',
        'Already hired:',
        'Last viewed by client:',
        'Connects',
        'This proposal requires',
        "you'll have",
        'Connects remaining',
        'Bid range - High $',
        '| Avg $',
        '| Low $',
        'to',
        'Less than',
        '+',
        ' ',
      ),
      fc.nat(99_999).map(String),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join(' ');
        const facts = pageFacts(text);
        const digits = text.replace(/,/g, '');
        const numbers = [
          ...Object.values(facts?.connects ?? {}),
          facts?.activity.interviewing,
          facts?.activity.invitesSent,
          facts?.activity.unansweredInvites,
          facts?.activity.hired,
        ];
        for (const n of numbers) if (typeof n === 'number') expect(digits).toContain(String(n));
        if (facts?.activity.proposals) expect(text).toContain(facts.activity.proposals);
      }),
      { numRuns: 1000 },
    );
  });
});
