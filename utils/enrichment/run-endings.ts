/**
 * How a run ends: its rows stored for the jobs' details and counted in the month (with what Mindcase charged and a
 * row count that is not what was asked, said), or its failure kept for each job; a watched search is told either.
 */
import { ApiError, toProblem } from '../http';
import type { JobRow } from '../mindcase/schemas';
import type { Problem } from '../problem';
import type { EnrichDeps } from './enrich';
import { findRun, rowCiphertext, rowsAskedBy } from './price';
import type { EnrichmentState, PendingRun } from './stored';

const RUNNING = ['queued', 'running'];

export function createRunEndings(
  deps: Pick<EnrichDeps, 'now' | 'rows' | 'searched' | 'searchFailed' | 'note' | 'mindcase'>,
  update: (change: (state: EnrichmentState) => void) => Promise<void>,
) {
  /** A run's rows: stored for the jobs' details, counted in the month, handed to the watch that asked. */
  async function completed(run: PendingRun, rows: JobRow[], info: { row_count: number | null; credits_used: number | null }) {
    await storeRows(run, rows);
    // The watch takes its rows before the run is dropped: a worker dying in between hands them over again, and
    // the watch's seen list keeps that from announcing anything twice.
    if (run.search) await deps.searched(run, rows);
    await update((state) => {
      state.runs = state.runs.filter((r) => r !== findRun(state, run));
      state.rowsThisMonth += rows.length;
      if (run.id) state.endedIds = [...state.endedIds, run.id].slice(-100);
    });
    await checkCharge(run, info);
  }

  /** What Mindcase charged (`credits_used`), and a run that returned another number of rows than jobs asked for. */
  async function checkCharge(run: PendingRun, info: { row_count: number | null; credits_used?: number | null }) {
    const rows = info.row_count;
    // A search brings up to its limit per keyword, fewer when fewer jobs fit: only more is a surprise.
    const mismatch = rows !== null && (run.search ? rows > rowsAskedBy(run) : rows !== run.inputs.length);
    const text = mismatch
      ? run.search
        ? `Mindcase returned ${rows} rows for a search limited to ${rowsAskedBy(run)}`
        : `Mindcase returned ${rows} row${rows === 1 ? '' : 's'} for the ${run.inputs.length} job${run.inputs.length === 1 ? '' : 's'} asked for`
      : null;
    await update((state) => {
      state.creditsUsedThisMonth += info.credits_used ?? 0;
      if (run.search) return;
      for (const ciphertext of run.inputs) {
        if (text) state.rowNotes[ciphertext] = text;
        else delete state.rowNotes[ciphertext];
      }
    });
    if (text) deps.note(`${text} (credits used: ${info.credits_used ?? 'not said'}).`);
  }

  async function fail(run: PendingRun, problem: Problem) {
    await update((state) => {
      state.runs = state.runs.filter((r) => !(r.id === run.id && r.startedAt === run.startedAt));
      if (run.id) state.endedIds = [...state.endedIds, run.id].slice(-100);
      if (!run.search) for (const ciphertext of run.inputs) state.failed[ciphertext] = problem;
    });
    if (run.search) await deps.searchFailed(run, problem);
  }

  /** Every row is kept for its job's details (a search's rows too: a found job's details are never bought again). */
  async function storeRows(run: PendingRun, rows: JobRow[]) {
    for (const row of rows) {
      const ciphertext = rowCiphertext(row);
      if (ciphertext && (run.search || run.inputs.includes(ciphertext))) await deps.rows.put(ciphertext, row);
    }
    if (run.search) return;
    const inputs = run.inputs;
    const found = new Set(rows.map(rowCiphertext));
    const missing = inputs.filter((c) => !found.has(c));
    if (missing.length) {
      await update((state) => {
        for (const ciphertext of missing)
          state.failed[ciphertext] = { service: 'Mindcase', kind: 'not_found', status: null, detail: 'Mindcase returned no row for this job.', retryAt: null };
      });
    }
  }

  /** Asks Mindcase how a run is doing: its rows when it completed, its end when it failed, else what went wrong meanwhile. */
  async function check(run: PendingRun & { id: string }) {
    let asking: 'run' | 'results' = 'run';
    try {
      const mindcase = await deps.mindcase();
      const info = await mindcase.run(run.id);
      if (info.status === 'completed') {
        asking = 'results';
        const rows = await mindcase.results(run.id);
        await completed(run, rows, { row_count: info.row_count ?? rows.length, credits_used: info.credits_used });
      } else if (!RUNNING.includes(info.status)) {
        // failed, cancelled, or a status nobody documented (e.g. rejected_balance): final, said by its name.
        const detail = `the run ended as "${info.status}"${info.error ? `: ${info.error}` : ''}`;
        await fail(run, { service: 'Mindcase', kind: 'server', status: null, detail, retryAt: null });
      } else {
        await update((state) => {
          const stored = state.runs.find((r) => r.id === run.id);
          if (stored) stored.problem = null;
        });
      }
    } catch (error) {
      const problem = toProblem(error, 'Mindcase');
      const gone = asking === 'run' && problem.kind === 'not_found';
      if (!(error instanceof ApiError) || gone || ['unauthorized', 'forbidden', 'payment_required', 'validation'].includes(problem.kind)) {
        await fail(
          run,
          gone ? { ...problem, detail: 'Mindcase no longer knows this run, so its rows cannot be fetched. Enrich again to start a new one.' } : problem,
        );
      } else {
        // Results can answer 404 until a run completes, and a blip is not a failed run: poll again (after any
        // Retry-After, stored with the problem) until the run's 10 minutes are up, and say what went wrong meanwhile.
        const notReady = asking === 'results' && problem.kind === 'not_found';
        await update((state) => {
          const stored = state.runs.find((r) => r.id === run.id);
          if (stored) stored.problem = notReady ? null : problem;
        });
      }
    }
  }

  return { completed, fail, check };
}
