import { describe, expect, it } from 'vitest';
import { dollarsIn } from '@/utils/format';
import { hiddenBecause, NO_BLOCKS, NO_RULES, withBlock, withoutBlock, MAX_BLOCKS, type TileSeen } from '@/utils/lists/rules';
import { repostFlags, sameJob } from '@/utils/lists/reposts';
import { ClientJobsSchema } from '@/utils/uphunt/schemas';

const tile = (overrides: Partial<TileSeen> = {}): TileSeen => ({
  ciphertext: '~022051005096520707758',
  title: 'Shopify dashboard in React',
  paymentVerified: true,
  totalSpent: '$1K+ spent',
  rating: 4.6,
  country: 'United States',
  proposals: '5 to 10',
  ...overrides,
});

describe('list rules', () => {
  it('hide by each rule, and say why', () => {
    expect(hiddenBecause(tile({ paymentVerified: false }), { ...NO_RULES, hideUnverified: true }, NO_BLOCKS, null)).toBe('payment not verified');
    expect(hiddenBecause(tile(), { ...NO_RULES, minSpentUsd: 5000 }, NO_BLOCKS, null)).toBe('spent under $5,000');
    expect(hiddenBecause(tile(), { ...NO_RULES, minRating: 4.8 }, NO_BLOCKS, null)).toBe('rated under 4.8★');
    expect(hiddenBecause(tile(), { ...NO_RULES, maxProposals: '5 to 10' }, NO_BLOCKS, null)).toBe('5 to 10 proposals');
    expect(hiddenBecause(tile(), { ...NO_RULES, maxProposals: '10 to 15' }, NO_BLOCKS, null)).toBeNull();
    expect(hiddenBecause(tile(), { ...NO_RULES, countries: ['united states'] }, NO_BLOCKS, null)).toBe('client in United States');
    expect(hiddenBecause(tile(), { ...NO_RULES, excludedWords: ['react'] }, NO_BLOCKS, null)).toBe('title has "react"');
    expect(hiddenBecause(tile(), { ...NO_RULES, excludedWords: ['act'] }, NO_BLOCKS, null)).toBeNull();
    const known = { companyId: '1', score: 30, hireRate: 0.1 };
    expect(hiddenBecause(tile(), { ...NO_RULES, minScore: 50 }, NO_BLOCKS, known)).toBe('client score 30');
    expect(hiddenBecause(tile(), { ...NO_RULES, minHireRate: 0.3 }, NO_BLOCKS, known)).toBe('hires 10%');
  });

  it('an unknown fact never hides a job', () => {
    const rules = {
      ...NO_RULES,
      hideUnverified: true,
      minSpentUsd: 100,
      minRating: 4,
      maxProposals: '5 to 10' as const,
      minScore: 90,
      minHireRate: 0.9,
      countries: ['India'],
    };
    expect(hiddenBecause(tile({ paymentVerified: null, totalSpent: null, rating: null, proposals: null, country: null }), rules, NO_BLOCKS, null)).toBeNull();
  });

  it('blocks: a job, or a client the extension knows; the newest kept within storage.sync quotas', () => {
    const blocks = withBlock(withBlock(NO_BLOCKS, { ciphertext: tile().ciphertext, title: 'x' }, 1), { companyId: '7', name: 'Acme' }, 2);
    expect(hiddenBecause(tile(), NO_RULES, blocks, null)).toBe('job hidden by you');
    expect(hiddenBecause(tile({ ciphertext: '~022000000000000000001' }), NO_RULES, blocks, { companyId: '7', score: 90, hireRate: 1 })).toBe(
      'client hidden by you',
    );
    expect(hiddenBecause(tile(), NO_RULES, withoutBlock(blocks, tile().ciphertext), null)).toBeNull();
    let many = NO_BLOCKS;
    for (let i = 0; i < MAX_BLOCKS + 5; i++) many = withBlock(many, { ciphertext: `~02${String(10n ** 17n + BigInt(i))}`, title: null }, i);
    expect(many.jobs).toHaveLength(MAX_BLOCKS);
    expect(JSON.stringify(many).length).toBeLessThan(8192);
  });

  it('reads spend as tiles word it', () => {
    expect([dollarsIn('$10K+ spent'), dollarsIn('$1M+ spent'), dollarsIn('$0 spent'), dollarsIn('$400+ spent'), dollarsIn(null)]).toEqual([
      10_000,
      1_000_000,
      0,
      400,
      null,
    ]);
  });
});

describe('reposted and ghost jobs', () => {
  const NOW = Date.UTC(2026, 10, 24);
  const history = (title: string, endDate: string) => ({ status: 'CLOSED', startDate: '2026-01-01', endDate, jobInfo: { title, id: '1', ciphertext: null } });
  const client = (open: string[], contracts: ReturnType<typeof history>[] = [], hires?: number) =>
    ClientJobsSchema.parse({
      companyId: '1',
      lastSyncedAt: NOW,
      buyer: hires === undefined ? null : { stats: { totalAssignments: hires } },
      openJobs: open.map((title, i) => ({ id: String(i), title })),
      workHistory: contracts,
    });

  it('the same title open more than once at the same time, named, even when an older contract for it exists', () => {
    expect(sameJob('Data entry VA needed ASAP', 'Data Entry VA needed - ASAP!')).toBe(true);
    expect(sameJob('Logo design', 'Website design')).toBe(false);
    const flags = repostFlags(client(['Data entry VA needed ASAP', 'Data Entry VA needed - ASAP!', 'Logo design']), NOW);
    expect(flags).toEqual([
      { id: 'reposted', text: 'Open 2 times at once: "Data entry VA needed ASAP"', jobs: ['Data entry VA needed ASAP', 'Data Entry VA needed - ASAP!'] },
    ]);
    const hiredBefore = repostFlags(
      client(['Data entry VA needed ASAP', 'Data Entry VA needed - ASAP!'], [history('Data entry VA needed ASAP', '2025-03-01T00:00:00Z')], 1),
      NOW,
    );
    expect(hiredBefore.map((f) => f.id)).toEqual(['reposted']);
  });

  it('many open jobs and few hires; a job posted again soon after its contract ended', () => {
    const ghost = repostFlags(client(['a one', 'b two', 'c three', 'd four', 'e five'], [], 0), NOW);
    expect(ghost.map((f) => f.id)).toEqual(['ghost']);
    const again = repostFlags(client(['Shopify theme tweaks'], [history('Shopify theme tweaks', '2026-11-10T00:00:00Z')], 3), NOW);
    expect(again).toEqual([{ id: 'reposted-after-contract', text: 'Posted again within 14 days of a contract for it ending', jobs: ['Shopify theme tweaks'] }]);
    expect(repostFlags(client(['Shopify theme tweaks'], [history('Shopify theme tweaks', '2025-01-10T00:00:00Z')], 3), NOW)).toEqual([]);
  });
});

describe("a tile's badge", () => {
  it('marks jobs the user applied to or opened, and a client who reposts jobs', async () => {
    const { tileView } = await import('@/utils/lists/tiles-answer');
    const known = { companyId: '7', score: 80, hireRate: 0.7, avgHourly: 30, reposts: true };
    expect(tileView(tile(), null, NO_RULES, NO_BLOCKS, 'applied')).toMatchObject({ word: 'Good ✓', clientKnown: false, hidden: null });
    expect(tileView(tile(), null, NO_RULES, NO_BLOCKS, 'seen').detail).toMatch(/ · seen$/);
    expect(tileView(tile(), known, NO_RULES, NO_BLOCKS).detail).toMatch(/^score 80 .* · ⚑ reposts jobs$/);
    expect(tileView(tile({ paymentVerified: false }), known, { ...NO_RULES, hideUnverified: true }, NO_BLOCKS)).toMatchObject({
      clientKnown: true,
      hidden: 'payment not verified',
    });
  });
});
