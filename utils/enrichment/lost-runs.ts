/**
 * Lost-run recovery: a run whose POST left but whose answer was lost (the worker died) may have been started, and
 * will be charged, by Mindcase. It is looked for among the account's newest runs and adopted, not bought again.
 */
import { waitMs } from '../timing';
import type { EnrichDeps } from './enrich';
import { findRun } from './price';
import type { EnrichmentState, PendingRun } from './stored';

/** A run still without an id this long after we asked for it was cut off mid-request. */
const STARTING_GRACE_MS = () => waitMs('runStart');
/** A run created this much before our POST left (by Mindcase's clock) is still taken for ours. */
const CLOCK_SKEW_MS = 30 * 1000;

/**
 * A run whose POST left but whose answer was lost (the worker died): Mindcase may have started it and will
 * charge for it. It is looked for among the account's newest runs (same agent, created after the POST left)
 * and adopted, rather than bought again.
 */
export function createLostRunFinder(
  deps: Pick<EnrichDeps, 'now' | 'readState' | 'mindcase'>,
  update: (change: (state: EnrichmentState) => void) => Promise<void>,
  /** Every run id this worker stored: never another's. */
  assigned: Set<string>,
) {
  /** When this worker last looked for a run whose start answer was lost, by the run's start. */
  const lookedFor = new Map<number, number>();
  return async function findLostRun(run: PendingRun): Promise<'found' | 'not-yet' | 'gone'> {
    // Asked when the run is found orphaned, every tenth of its grace period while Mindcase may still be creating
    // it (asked too early, it is not there yet; asked too late, newer runs push it off the list), and once when
    // the grace period is over: a few calls, not one a poll.
    const graceOver = deps.now() - run.startedAt > STARTING_GRACE_MS();
    const last = lookedFor.get(run.startedAt);
    if (last !== undefined) {
      if (last - run.startedAt > STARTING_GRACE_MS()) return 'gone';
      if (!graceOver && deps.now() - last < STARTING_GRACE_MS() / 10) return 'not-yet';
    }
    lookedFor.set(run.startedAt, deps.now());
    try {
      // Runs this worker was answered or adopted are never another's, even once finished and gone from the state.
      const stored = await deps.readState();
      const known = new Set([...stored.runs.map((r) => r.id), ...stored.endedIds, ...assigned]);
      // Mindcase created it, if at all, while the POST was out: not before it left, not after it timed out.
      const latest = run.startedAt + waitMs('request') + CLOCK_SKEW_MS;
      const candidates = (await (await deps.mindcase()).recentRuns(100))
        .filter((r) => r.id && !known.has(r.id) && (r.agent ?? 'upwork/jobs') === 'upwork/jobs')
        .filter((r) => Date.parse(r.created_at ?? '') >= run.startedAt - CLOCK_SKEW_MS && Date.parse(r.created_at ?? '') <= latest)
        // The one created nearest to when the POST left.
        .sort((a, b) => Math.abs(Date.parse(a.created_at ?? '') - run.startedAt) - Math.abs(Date.parse(b.created_at ?? '') - run.startedAt));
      const found = candidates[0];
      if (found?.id) {
        const id = found.id;
        assigned.add(id);
        await update((state) => {
          const stored = findRun(state, run);
          if (stored) Object.assign(stored, { id, problem: null });
        });
        return 'found';
      }
    } catch {
      // Asking failed: try again on the next poll, within the grace period.
    }
    return deps.now() - run.startedAt > STARTING_GRACE_MS() ? 'gone' : 'not-yet';
  };
}
