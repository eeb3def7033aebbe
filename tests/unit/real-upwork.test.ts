/** Page reading over the real Upwork captures in ../shared/real-upwork (see tests/real/captures.ts). */
import { describe, expect, it } from 'vitest';
import { clientJobsNamed, pageClient } from '@/utils/client/page-client';
import { askingOrder } from '@/utils/client/lookup';
import { clientMetrics } from '@/utils/client/judgement';
import { clientScore } from '@/utils/client/score';
import { findCiphertext, readPage as readOnly } from '@/utils/upwork/extract';
import { digestPage } from '@/utils/upwork/nuxt';
import { parseUpworkUrl } from '@/utils/upwork/page';
import { badgeView, missingFacts, readTile, TILE_SELECTOR } from '@/utils/upwork/tiles';
import { JOB_PAGES, LISTS, realPage } from '../real/captures';
import { hiddenBecause, NO_BLOCKS, NO_RULES } from '@/utils/lists/rules';

// happy-dom would try to load the captures' ad iframes and style sheets; they say nothing about the job.
const readPage = (doc: Document, url: string) => digestPage(readOnly(doc, url));
const parse = (file: string) => new DOMParser().parseFromString(realPage(file).replace(/<(iframe|link)\b[^>]*>/gi, '<div>'), 'text/html');

describe('real job pages, slide-overs and apply pages', () => {
  it.each(JOB_PAGES)("$file: the job, the page kind, the payment status and the client's other jobs", (page) => {
    const seen = readPage(parse(page.file), page.url);
    expect(seen).toMatchObject({ kind: page.kind, ciphertext: page.ciphertext, paymentVerified: page.paymentVerified, companyIdHint: null });
    for (const job of page.otherJobs) expect(seen.otherJobs).toContain(job);
    if (page.similar) expect(clientJobsNamed(seen)).not.toContain(page.similar);
    expect(clientJobsNamed(seen)).not.toContain(page.ciphertext);
  });

  it("finds the job of a slide-over and an apply page by their id attributes when the URL does not name it, never by the client's other jobs", () => {
    const proposal = 'https://www.upwork.com/nx/proposals/1766554433';
    expect(findCiphertext(parse('slide-over-2025-12.html'), proposal)).toEqual({ ciphertext: '~021999055296412911573', strategy: 'attribute' });
    expect(findCiphertext(parse('apply-2025-12.html'), proposal)).toEqual({ ciphertext: '~021998744339961847531', strategy: 'attribute' });
    expect(findCiphertext(parse('job-2025-12-top-only.html'), proposal)?.ciphertext).toBe('~021999060037801980319');
  });

  it('2026-03: the state names the ten past jobs of the client, and describes the client as UpHunt would', () => {
    const seen = readPage(parse('job-2026-03.html'), JOB_PAGES[2]!.url);
    const named = clientJobsNamed(seen);
    // Thirteen contracts, of ten distinct jobs (three private ones name none).
    expect(named).toHaveLength(10);
    expect(named).toContain('~018f2247c0630cfe62');
    const client = pageClient(seen.client)!;
    expect(client.paymentVerified).toBe(true);
    expect(client.buyer).toMatchObject({
      location: { country: 'Canada', city: 'Brossard' },
      postedCount: 18,
      stats: { totalAssignments: 15, feedbackCount: 11, score: 4.99, totalCharges: { amount: 2797.54 } },
      company: { contractDate: '2016-08-17T00:00:00.000Z' },
    });
    // Recent contracts with both sides' feedback.
    expect(client.workHistory).toHaveLength(13);
    expect(client.workHistory[0]).toMatchObject({ jobInfo: { ciphertext: '~018f2247c0630cfe62' }, feedback: { score: 5 }, feedbackToClient: { score: 5 } });
    const metrics = clientMetrics(client, Date.UTC(2026, 2, 20));
    expect(metrics.hireRate).toBeCloseTo(14 / 18);
    expect(clientScore(metrics).score).toBeGreaterThan(0);
  });

  it('2025-12 slide-over and 2024-10 job page: the client box, read from its words', () => {
    const slide = pageClient(readPage(parse('slide-over-2025-12.html'), JOB_PAGES[4]!.url).client)!;
    expect(slide.paymentVerified).toBe(true);
    expect(slide.buyer).toMatchObject({
      location: { country: 'Italy', city: 'Milano' },
      postedCount: 28,
      stats: { totalAssignments: 19, score: 4.28, feedbackCount: 7, totalCharges: { amount: 11000 }, totalJobsWithHires: 19 },
      avgHourlyJobsRate: { amount: 5 },
      company: { contractDate: new Date('Jul 7, 2014').toISOString() },
    });
    const old = pageClient(readPage(parse('job-2024-10.html'), JOB_PAGES[0]!.url).client)!;
    expect(old.buyer).toMatchObject({
      location: { country: 'United States', city: 'Syracuse' },
      postedCount: 7,
      stats: { totalJobsWithHires: 0, totalCharges: { amount: 0 } },
      phoneVerificationStatus: { status: 'VERIFIED' },
    });
    // 2024-11: a client who spent nothing has no "total spent" line at all.
    const none = pageClient(readPage(parse('job-2024-11.html'), JOB_PAGES[1]!.url).client)!;
    expect(none.buyer?.stats?.totalCharges?.amount).toBe(0);
    expect(none.buyer?.postedCount).toBe(1);
  });
});

describe('what the real pages show for free', () => {
  it.each(JOB_PAGES)('$file: its design, the Connects it asks for and the activity on the job, as a person reads them', (page) => {
    const seen = readPage(parse(page.file), page.url);
    expect(seen.design).toBe(page.design);
    const [required, available, remaining] = page.connects;
    expect(seen.facts?.connects).toEqual({ required, available, remaining });
    expect(seen.facts?.activity).toMatchObject(page.activity);
  });

  it('2026-03: the bid range and the exact activity from the state; 2024 pages that hide the bid range from non-Plus members say none', () => {
    const current = readPage(parse('job-2026-03.html'), JOB_PAGES[2]!.url).facts!;
    expect(current.bidRange).toEqual({ high: 6500, avg: 4513.087286324787, low: 5 });
    expect(current.activity.lastViewedAt).toBe(Date.parse('2026-03-28T00:06:58.575Z'));
    expect(current.activity.hired).toBe(0);
    // "High $ Avg $ Low $" with an upgrade prompt: unknown, never 0.
    expect(readPage(parse('job-2024-10.html'), JOB_PAGES[0]!.url).facts?.bidRange).toBeNull();
  });

  it("2026-03: the client's recent history is asked about newest first, its two ~02 jobs before ten legacy ~01 ones", () => {
    const seen = readPage(parse('job-2026-03.html'), JOB_PAGES[2]!.url);
    const order = askingOrder(seen.ciphertext!, clientJobsNamed(seen), seen.openJobs);
    expect(order.slice(0, 3)).toEqual(['~022037632358032505171', '~022025299442702686784', '~022021608068679944918']);
    expect(order.slice(3).every((job) => job.startsWith('~01'))).toBe(true);
  });

  it('2024-10: "Other open jobs by this Client" are open jobs, asked about right after this one', () => {
    const seen = readPage(parse('job-2024-10.html'), JOB_PAGES[0]!.url);
    expect(seen.openJobs).toEqual(['~021836084896483984802']);
  });
});

describe('real search and feed tiles', () => {
  it.each(LISTS)('$file: every tile yields its job, title and payment status', (list) => {
    expect(parseUpworkUrl(list.url).kind).toBe(list.kind);
    const tiles = [...parse(list.file).querySelectorAll(TILE_SELECTOR)].map((tile) => ({ tile, facts: readTile(tile)! }));
    expect(tiles).toHaveLength(list.tiles);
    for (const { facts } of tiles) {
      expect(facts.ciphertext).toMatch(/^~0(2\d{15,20}|1[0-9a-f]{16})$/);
      expect(facts.title).not.toBeNull();
      expect(facts.paymentVerified).not.toBeNull();
      expect(facts.totalSpent).toMatch(/^\$[\d.,]+[KM]?\+? spent$/);
    }
    expect(tiles.filter(({ facts }) => facts.paymentVerified === false)).toHaveLength(list.unverified);
    expect(new Set(tiles.map(({ facts }) => facts.ciphertext)).size).toBe(list.tiles);
    // The badge states what the tile shows.
    for (const { facts } of tiles) expect(badgeView(facts, null).detail).toContain(facts.paymentVerified ? 'payment verified' : 'payment unverified');
    // Payment and spend are on every tile of every capture.
    for (const { tile } of tiles) expect(missingFacts(tile)).not.toContain('payment');
  });

  it('feed tiles: spend, country, proposals, and no rating for a client without feedback', () => {
    const tiles = [...parse('feed-most-recent-2024-09-fragment.html').querySelectorAll(TILE_SELECTOR)].map((tile) => readTile(tile)!);
    expect(tiles[0]).toMatchObject({
      ciphertext: '~021831953276703777851',
      paymentVerified: true,
      totalSpent: '$0 spent',
      country: 'United Arab Emirates',
      proposals: 'Less than 5',
      rating: null,
    });
    expect(badgeView(tiles[0]!, null)).toMatchObject({ word: 'New', tone: 'fair' });
  });

  it('search tiles of 2024-08 to 2026: rating, country and proposals as shown', () => {
    const first = (file: string, index = 0) => readTile([...parse(file).querySelectorAll(TILE_SELECTOR)][index]!)!;
    expect(first('search-2024-08.html', 2)).toMatchObject({ totalSpent: '$400+ spent', rating: 5, country: 'India', proposals: null });
    expect(first('search-2024-09-fragment.html')).toMatchObject({ rating: 4.5, country: 'Italy', totalSpent: '$1K+ spent' });
    expect(first('search-2026-02.html')).toMatchObject({ rating: 5, country: 'Paraguay', proposals: 'Less than 5', totalSpent: '$200+ spent' });
    expect(badgeView(first('search-2024-09-fragment.html'), null)).toMatchObject({ word: 'Good', tone: 'good' });
    const unverified = [...parse('search-2024-08.html').querySelectorAll(TILE_SELECTOR)].map((t) => readTile(t)!).find((f) => f.paymentVerified === false)!;
    expect(badgeView(unverified, null)).toMatchObject({ word: 'Risky', tone: 'risky' });
  });
});

describe('list rules on a real page', () => {
  it('on the real 2024-08 search page, "payment not verified" hides exactly its five unverified tiles', () => {
    const tiles = [...parse('search-2024-08.html').querySelectorAll(TILE_SELECTOR)].map((t) => readTile(t)!);
    const hidden = tiles.filter((t) => hiddenBecause({ ...t, title: t.title?.textContent ?? '' }, { ...NO_RULES, hideUnverified: true }, NO_BLOCKS, null));
    expect(hidden).toHaveLength(5);
  });
});
