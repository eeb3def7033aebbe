/** What enrichment costs and where a job stands: the price, the month's spending against the cap, each job's status. Pure. */
import type { CacheEntry } from '../cache';
import type { JobRow } from '../mindcase/schemas';
import type { Problem } from '../problem';
import type { EnrichmentState, PendingRun } from './stored';

export const PRICE_PER_ROW_USD = 3 / 1000;

export type EnrichStatus =
  | { kind: 'fresh'; entry: CacheEntry<JobRow> }
  /** `starting`: the run's POST got no answer, and Mindcase is asked whether it started it. */
  | { kind: 'pending'; problem: Problem | null; starting: boolean }
  | { kind: 'failed'; problem: Problem }
  | { kind: 'none' };

/** What the panel shows for a job, from the stored row and the enrichment state. */
export function enrichStatus(ciphertext: string, state: EnrichmentState, entry: CacheEntry<JobRow> | null): EnrichStatus {
  const run = state.runs.find((r) => r.inputs.includes(ciphertext));
  if (run || state.queue.includes(ciphertext)) return { kind: 'pending', problem: run?.problem ?? null, starting: run?.id === null };
  const problem = state.failed[ciphertext];
  if (problem) return { kind: 'failed', problem };
  // A stale row is still shown (marked by its age) until the user asks for a new one.
  return entry ? { kind: 'fresh', entry } : { kind: 'none' };
}

export function monthOf(now: number): string {
  return new Date(now).toISOString().slice(0, 7);
}

/** Dollars spent this month, and what is already committed to runs and the queue. */
export function spending(state: EnrichmentState, now: number): { spentUsd: number; committedUsd: number } {
  const rows = state.month === monthOf(now) ? state.rowsThisMonth : 0;
  const pending = state.queue.length + state.runs.reduce((n, run) => n + rowsAskedBy(run), 0);
  return { spentUsd: rows * PRICE_PER_ROW_USD, committedUsd: (rows + pending) * PRICE_PER_ROW_USD };
}

/** The most rows a run can bring: one per job asked for, or a search's limit per keyword. */
export function rowsAskedBy(run: Pick<PendingRun, 'inputs' | 'search'>): number {
  return run.inputs.length * (run.search?.limit ?? 1);
}

/** What is said when a run of `rows` would take the month's spending past the cap; null when it fits. */
export function overCap(state: EnrichmentState, rows: number, capUsd: number, now: number): Problem | null {
  const { committedUsd, spentUsd } = spending(state, now);
  if (committedUsd + rows * PRICE_PER_ROW_USD <= capUsd + 1e-9) return null;
  return {
    service: 'Mindcase',
    kind: 'spending_cap',
    status: null,
    detail: `$${spentUsd.toFixed(2)} of your $${capUsd.toFixed(2)} monthly cap is spent or committed.`,
    retryAt: null,
  };
}

/** The stored run `run` is (the state holds copies: found by its start and its inputs). */
export function findRun(state: EnrichmentState, run: PendingRun): PendingRun | undefined {
  return state.runs.find((r) => r.startedAt === run.startedAt && r.inputs.join() === run.inputs.join());
}

export function rowCiphertext(row: JobRow): string | null {
  const cipher = row.openingInfo?.ciphertext ?? /~0[0-9a-f]+/i.exec(row.jobUrl ?? '')?.[0] ?? null;
  return cipher ? cipher.toLowerCase() : null;
}
