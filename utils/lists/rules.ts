/**
 * The rules a freelancer sets to decide on a list at a glance: which tiles to fold away, and why. Evaluated in the
 * background (the rules and blocks live in storage the page never sees, and the content script stays small): the
 * content script sends each tile's facts, the background answers a reason per hidden tile. An unknown fact never
 * hides a job. Pure.
 */
import * as z from 'zod/mini';
import { dollarsIn } from '../format';

export const PROPOSAL_TIERS = ['Less than 5', '5 to 10', '10 to 15', '15 to 20', '20 to 50', '50+'] as const;

export const ListRulesSchema = z.object({
  hideUnverified: z.boolean(),
  /** Hide clients who spent less than this (USD); null: no rule. */
  minSpentUsd: z.nullable(z.number().check(z.minimum(0))),
  /** Hide clients rated below this (stars); null: no rule. */
  minRating: z.nullable(z.number().check(z.minimum(0), z.maximum(5))),
  /** Hide jobs whose proposals are at or above this tier; null: no rule. */
  maxProposals: z.nullable(z.enum(PROPOSAL_TIERS)),
  /** Hide clients from these countries (as Upwork names them). */
  countries: z.array(z.string().check(z.maxLength(60))).check(z.maxLength(100)),
  /** Hide jobs whose title holds one of these words. */
  excludedWords: z.array(z.string().check(z.maxLength(60))).check(z.maxLength(100)),
  /** For clients the extension already knows: hide below this score (0–100) or hire rate (0–1). */
  minScore: z.nullable(z.number().check(z.minimum(0), z.maximum(100))),
  minHireRate: z.nullable(z.number().check(z.minimum(0), z.maximum(1))),
});
export type ListRules = z.output<typeof ListRulesSchema>;

export const NO_RULES: ListRules = {
  hideUnverified: false,
  minSpentUsd: null,
  minRating: null,
  maxProposals: null,
  countries: [],
  excludedWords: [],
  minScore: null,
  minHireRate: null,
};

/** What a tile shows, as the content script sends it. */
export const TileSeenSchema = z.object({
  ciphertext: z.string().check(z.regex(/^~0(?:2\d{15,20}|1[0-9a-f]{16})$/)),
  title: z.string().check(z.maxLength(300)),
  paymentVerified: z.nullable(z.boolean()),
  totalSpent: z.nullable(z.string().check(z.maxLength(60))),
  rating: z.nullable(z.number()),
  country: z.nullable(z.string().check(z.maxLength(80))),
  proposals: z.nullable(z.string().check(z.maxLength(60))),
});
export type TileSeen = z.output<typeof TileSeenSchema>;

/** What the extension already knows of a tile's client (no call is made for it). */
export interface KnownFacts {
  companyId: string | null;
  score: number | null;
  hireRate: number | null;
}

/** Clients and jobs the user hid from a badge. */
export const BlocksSchema = z.object({
  clients: z.array(z.object({ companyId: z.string(), name: z.nullable(z.string()), at: z.number() })),
  jobs: z.array(z.object({ ciphertext: z.string(), title: z.nullable(z.string()), at: z.number() })),
});
export type Blocks = z.output<typeof BlocksSchema>;
export const NO_BLOCKS: Blocks = { clients: [], jobs: [] };

function tierIndex(text: string | null): number {
  const normal = (text ?? '')
    .replace(/^proposals:\s*/i, '')
    .trim()
    .toLowerCase();
  return PROPOSAL_TIERS.findIndex((tier) => tier.toLowerCase() === normal);
}

/** Why a tile is hidden, in a few words ("payment not verified"), or null when it stays. The first rule that applies wins. */
export function hiddenBecause(tile: TileSeen, rules: ListRules, blocks: Blocks, known: KnownFacts | null): string | null {
  if (blocks.jobs.some((job) => job.ciphertext === tile.ciphertext)) return 'job hidden by you';
  if (known?.companyId && blocks.clients.some((client) => client.companyId === known.companyId)) return 'client hidden by you';
  if (rules.hideUnverified && tile.paymentVerified === false) return 'payment not verified';
  const spent = dollarsIn(tile.totalSpent);
  if (rules.minSpentUsd !== null && spent !== null && spent < rules.minSpentUsd) return `spent under $${rules.minSpentUsd.toLocaleString('en-US')}`;
  if (rules.minRating !== null && tile.rating !== null && tile.rating < rules.minRating) return `rated under ${rules.minRating}★`;
  const tier = tierIndex(tile.proposals);
  if (rules.maxProposals !== null && tier >= 0 && tier >= PROPOSAL_TIERS.indexOf(rules.maxProposals)) return `${tile.proposals} proposals`;
  const country = tile.country?.toLowerCase();
  if (country && rules.countries.some((c) => c.trim().toLowerCase() === country)) return `client in ${tile.country}`;
  const title = tile.title.toLowerCase();
  const word = rules.excludedWords.find((w) => w.trim() && new RegExp(`\\b${escapeRegExp(w.trim().toLowerCase())}\\b`).test(title));
  if (word) return `title has "${word.trim()}"`;
  if (rules.minScore !== null && known?.score != null && known.score < rules.minScore) return `client score ${known.score}`;
  if (rules.minHireRate !== null && known?.hireRate != null && known.hireRate < rules.minHireRate) return `hires ${Math.round(known.hireRate * 100)}%`;
  return null;
}

/** Blocks within storage.sync's 8 KB per item: the newest of each kind are kept. */
export const MAX_BLOCKS = 80;

export function withBlock(
  blocks: Blocks,
  block: { companyId: string; name: string | null } | { ciphertext: string; title: string | null },
  at: number,
): Blocks {
  if ('companyId' in block) {
    const clients = [...blocks.clients.filter((c) => c.companyId !== block.companyId), { ...block, name: block.name?.slice(0, 60) ?? null, at }];
    return { ...blocks, clients: clients.slice(-MAX_BLOCKS) };
  }
  const jobs = [...blocks.jobs.filter((j) => j.ciphertext !== block.ciphertext), { ...block, title: block.title?.slice(0, 60) ?? null, at }];
  return { ...blocks, jobs: jobs.slice(-MAX_BLOCKS) };
}

export function withoutBlock(blocks: Blocks, id: string): Blocks {
  return { clients: blocks.clients.filter((c) => c.companyId !== id), jobs: blocks.jobs.filter((j) => j.ciphertext !== id) };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
