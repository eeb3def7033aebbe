/**
 * The background's answer to a list of tiles: each tile's badge (from what it shows, or from the client the
 * extension already holds) and, when a rule or a block folds it, why. Never calls an API.
 */
import { clientMetrics } from '../client/judgement';
import { clientScore } from '../client/score';
import type { LookupDeps } from '../client/lookup';
import { badgeView, type BadgeView } from '../upwork/tiles';
import { hiddenBecause, type Blocks, type KnownFacts, type ListRules, type TileSeen } from './rules';
import { repostFlags } from './reposts';

/** A tile's badge, and why the list rules or a block fold the tile away (null: it stays). */
export interface TileView extends Omit<BadgeView, 'word'> {
  /** The badge's word; "✓" added when the user applied to the job. */
  word: string;
  /** The client is known, so it can be hidden as a client (not only this job). */
  clientKnown: boolean;
  hidden: string | null;
}

export interface KnownClient {
  companyId: string;
  score: number;
  hireRate: number | null;
  avgHourly: number | null;
  /** A reposted-jobs or ghost-jobs flag from the client's history. */
  reposts: boolean;
}

/** The client of a listed job, when the extension already holds its history. */
export async function knownClient(ciphertext: string, deps: Pick<LookupDeps, 'companyOf' | 'clientJobs'>): Promise<KnownClient | null> {
  const companyId = await deps.companyOf.get(ciphertext);
  const entry = companyId ? await deps.clientJobs.peek(companyId) : null;
  if (!companyId || !entry) return null;
  const metrics = clientMetrics(entry.value, entry.storedAt);
  return {
    companyId,
    score: clientScore(metrics).score,
    hireRate: metrics.hireRate,
    avgHourly: metrics.avgHourlyPaid ?? metrics.medianHourly,
    reposts: repostFlags(entry.value, entry.storedAt).length > 0,
  };
}

/** A tile's badge and fold, from what it shows, the rules, the blocks and the client held (if any). */
export function tileView(tile: TileSeen, known: KnownClient | null, rules: ListRules, blocks: Blocks, mark: 'applied' | 'seen' | null = null): TileView {
  const view = badgeView(tile, known);
  const facts: KnownFacts | null = known ? { companyId: known.companyId, score: known.score, hireRate: known.hireRate } : null;
  const marks = [known?.reposts ? '⚑ reposts jobs' : null, mark === 'applied' ? 'you applied' : mark === 'seen' ? 'seen' : null].filter(Boolean);
  return {
    ...view,
    word: mark === 'applied' ? `${view.word} ✓` : view.word,
    detail: [view.detail, ...marks].join(' · '),
    clientKnown: known !== null,
    hidden: hiddenBecause(tile, rules, blocks, facts),
  };
}
