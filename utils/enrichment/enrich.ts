/**
 * Mindcase enrichment: job details, client activity and similar jobs, bought by the row. Every run costs
 * the user money, so: only jobs the user asked for (or allowed with "enrich jobs I open"), several jobs
 * per run, never a job whose stored row is fresh, never past the monthly cap, and a run survives the
 * worker's death (its id is in storage before anything waits on it).
 */
import type { TtlCache } from '../cache';
import { backoffDelay, nextTryAt } from '../backoff';
import { retryAtOf, toProblem } from '../http';
import type { Problem } from '../problem';
import type { MindcaseApi } from '../mindcase/api';
import type { JobRow } from '../mindcase/schemas';
import { serialUpdates } from '../serial';
import { jobUrl } from '../upwork/page';
import { waitMs } from '../timing';
import { createLostRunFinder } from './lost-runs';
import { createRunEndings } from './run-endings';
import { findRun, monthOf, overCap, rowsAskedBy } from './price';
import type { EnrichmentState, EnrichSettings, PendingRun, SearchRun } from './stored';

export const ROW_TTL_MS = 12 * 60 * 60 * 1000;
/** The longest Retry-After a queued Mindcase run waits for before the user is simply told. */
const MAX_RETRY_WAIT_MS = 60_000;
const BATCH_WINDOW_MS = 400;
const RUN_TIMEOUT_MS = () => waitMs('run');

export interface EnrichDeps {
  mindcase: () => Promise<MindcaseApi>;
  readState: () => Promise<EnrichmentState>;
  writeState: (state: EnrichmentState) => Promise<void>;
  /** The rows bought, by job (the one TTL cache: a row is fresh for ROW_TTL_MS). */
  rows: Pick<TtlCache<JobRow>, 'peek' | 'isFresh' | 'put'>;
  settings: () => Promise<EnrichSettings>;
  now: () => number;
  /**
   * Runs fn after ms while the worker lives, by name ('flush' or 'poll': one pending each; a later call replaces
   * it); the alarm in keepPolling covers its death. The background gives it the wake-up scheduler's timers.
   */
  schedule: (name: 'flush' | 'poll', fn: () => void, ms: number) => void;
  /** Keeps a wake-up alarm while runs are pending, so a dead worker comes back to poll them. */
  keepPolling: (on: boolean) => Promise<void>;
  /** Puts a line in Options → Activity (a run that returned another number of rows than asked). */
  note: (text: string) => void;
  /** A watched search's rows (already stored for the jobs' details), and a watched search that failed. */
  searched: (run: PendingRun, rows: JobRow[]) => Promise<void>;
  searchFailed: (run: PendingRun, problem: Problem) => Promise<void>;
}

export function createEnricher(deps: EnrichDeps) {
  // All changes to the stored state go through one serialized update, so two events cannot interleave a read and a write.
  const serial = serialUpdates(deps.readState, deps.writeState);
  const update = <T>(change: (state: EnrichmentState) => Promise<T> | T): Promise<T> =>
    serial((state) => {
      if (state.month !== monthOf(deps.now())) {
        state.month = monthOf(deps.now());
        state.rowsThisMonth = 0;
        state.creditsUsedThisMonth = 0;
      }
      return change(state);
    });
  let flushScheduled = false;
  /** Runs whose POST is in flight in this worker: a run without an id that is not here lost its answer. */
  const starting = new Set<number>();
  /** Every run id this worker stored. */
  const assigned = new Set<string>();
  const findLostRun = createLostRunFinder(deps, (change) => update(change), assigned);
  const { completed, fail, check } = createRunEndings(deps, (change) => update(change));
  let pollScheduled = false;
  /**
   * A 429's Retry-After while polling: no poll before it, whichever timer or alarm fires, in this worker or the
   * next. It is stored with the run it answered (its problem), never only in memory.
   */
  const pollNotBefore = (runs: EnrichmentState['runs']) => Math.max(0, ...runs.map((r) => retryAtOf(r.problem) ?? 0));

  /**
   * The next poll of runs started at `since`: every 2 s at first, then backing off (most settle in seconds, some
   * take minutes), never before `notBefore`.
   */
  const schedulePoll = (since: number, notBefore: number) => {
    if (pollScheduled) return;
    pollScheduled = true;
    const now = deps.now();
    deps.schedule(
      'poll',
      () => {
        pollScheduled = false;
        void poll();
      },
      nextTryAt(now, backoffDelay(now - since, waitMs('poll'), waitMs('pollMax')), notBefore) - now,
    );
  };

  async function request(ciphertexts: string[]): Promise<void> {
    const settings = await deps.settings();
    const added = await update(async (state) => {
      const wanted: string[] = [];
      for (const ciphertext of new Set(ciphertexts)) {
        if (state.queue.includes(ciphertext) || state.runs.some((run) => run.inputs.includes(ciphertext))) continue;
        const entry = await deps.rows.peek(ciphertext);
        if (entry && deps.rows.isFresh(entry)) continue;
        wanted.push(ciphertext);
      }
      const capped = overCap(state, wanted.length, settings.monthlyCapUsd, deps.now());
      if (capped) {
        for (const ciphertext of wanted) state.failed[ciphertext] = capped;
        return 0;
      }
      for (const ciphertext of wanted) delete state.failed[ciphertext];
      state.queue.push(...wanted);
      return wanted.length;
    });
    // Jobs asked for within a moment of each other go into one run.
    if (added > 0) scheduleFlush(BATCH_WINDOW_MS);
  }

  /**
   * Starts a watched search's run (the same run machinery: stored before the POST, polled, found again when its
   * answer is lost). Refused, with the reason, when its most rows would pass the monthly cap.
   */
  async function startSearch(search: SearchRun & { inputs: string[] }): Promise<Problem | null> {
    const settings = await deps.settings();
    const { inputs, ...rest } = search;
    const run = await update((state) => {
      const capped = overCap(state, rowsAskedBy({ inputs, search: rest }), settings.monthlyCapUsd, deps.now());
      if (capped) return capped;
      const started: PendingRun = { id: null, inputs, startedAt: deps.now(), search: rest };
      state.runs.push(started);
      return started;
    });
    if (!('startedAt' in run)) return run;
    await send(run);
    return null;
  }

  function scheduleFlush(ms: number) {
    if (flushScheduled) return;
    flushScheduled = true;
    deps.schedule(
      'flush',
      () => {
        flushScheduled = false;
        void flush();
      },
      ms,
    );
  }

  async function flush(): Promise<void> {
    const run = await update((state) => {
      if (state.queue.length === 0) return null;
      const started: PendingRun = { id: null, inputs: state.queue, startedAt: deps.now() };
      for (const ciphertext of state.queue) delete state.failed[ciphertext];
      state.queue = [];
      state.runs.push(started);
      return started;
    });
    if (run) await send(run);
  }

  /** Sends a stored run's POST: its id is kept, its rows taken at once if Mindcase answered them, or it is polled. */
  async function send(run: PendingRun): Promise<void> {
    await deps.keepPolling(true);
    starting.add(run.startedAt);
    try {
      const mindcase = await deps.mindcase();
      const answer = run.search ? await mindcase.startSearchRun(run.search.params) : await mindcase.startJobsRun(run.inputs.map(jobUrl));
      if (answer.status === 'completed' && answer.data) {
        await completed(run, answer.data, { row_count: answer.row_count ?? answer.data.length, credits_used: answer.credits_used });
      } else {
        if (answer.id) assigned.add(answer.id);
        await update((state) => {
          const stored = findRun(state, run);
          if (stored) stored.id = answer.id;
        });
        schedulePoll(run.startedAt, 0);
      }
    } catch (error) {
      const problem = toProblem(error, 'Mindcase');
      if (['network', 'timeout', 'malformed', 'server'].includes(problem.kind)) {
        // The POST may have started a paid run whose answer was lost: it is looked for, never sent again blindly.
        await update((state) => {
          const stored = findRun(state, run);
          if (stored) stored.problem = problem;
        });
        return settle();
      }
      // Refused (or rate-limited): nothing was started, so a 429's jobs wait for the time Mindcase named and go
      // again (bounded). A watched search is simply told: its next slot asks again.
      const retryAt = retryAtOf(problem);
      const now = deps.now();
      const waitMs = retryAt !== null ? retryAt - now : null;
      const retry = !run.search && waitMs !== null && waitMs <= MAX_RETRY_WAIT_MS;
      await fail(run, problem);
      if (retry) {
        await update((state) => state.queue.unshift(...run.inputs.filter((c) => !state.queue.includes(c))));
        scheduleFlush(nextTryAt(now, 1_000, retryAt) - now);
      }
    } finally {
      starting.delete(run.startedAt);
    }
    await settle();
  }

  /** One poll at a time: the worker's start, its timer and the alarm can all ask at once (one GET each, not three). */
  let polling: Promise<void> | null = null;
  function poll(): Promise<void> {
    polling ??= pollOnce().finally(() => (polling = null));
    return polling;
  }

  async function pollOnce(): Promise<void> {
    const { runs } = await deps.readState();
    if (deps.now() < pollNotBefore(runs)) return settle();
    for (const snapshot of runs) {
      // The list was read before the polls ahead of this run: a POST answered meanwhile has stored its id since.
      const run = snapshot.id === null ? (await deps.readState()).runs.find((r) => r.startedAt === snapshot.startedAt) : snapshot;
      if (!run) continue;
      if (run.id === null) {
        // Not while this worker has a POST of its own in flight: its run, not yet known by id, would be taken for
        // the lost one, and the lost one's jobs bought again.
        if (starting.size > 0) continue;
        const lost = await findLostRun(run);
        if (lost === 'gone') await fail(run, interrupted('The run was cut off as it was sent, and Mindcase shows no run started then: nothing was charged.'));
        if (lost !== 'found') continue;
        run.id = (await deps.readState()).runs.find((r) => r.startedAt === run.startedAt)?.id ?? null;
        if (run.id === null) continue;
      }
      if (deps.now() - run.startedAt > RUN_TIMEOUT_MS()) {
        await (await deps.mindcase()).cancel(run.id).catch(() => undefined);
        await fail(run, {
          service: 'Mindcase',
          kind: 'timeout',
          status: null,
          detail: 'the run did not finish within 10 minutes and was cancelled',
          retryAt: null,
        });
        continue;
      }
      await check(run as PendingRun & { id: string });
    }
    await settle();
  }

  async function cancel(ciphertext: string): Promise<void> {
    const run = await update((state) => {
      state.queue = state.queue.filter((c) => c !== ciphertext);
      return state.runs.find((r) => r.inputs.includes(ciphertext)) ?? null;
    });
    if (run?.id) await (await deps.mindcase()).cancel(run.id).catch(() => undefined);
    if (run) {
      await update((state) => {
        state.runs = state.runs.filter((r) => r.id !== run.id || r.startedAt !== run.startedAt);
      });
    }
    await settle();
  }

  /** After a worker restart or an alarm: pick up what the dead worker left. */
  async function resume(): Promise<void> {
    const state = await deps.readState();
    // Runs first: a run whose answer was lost is looked for before this worker sends a POST of its own (while
    // one is out, the lost one is not looked for), and while it is still among the account's newest.
    if (state.runs.length) await poll();
    // Queued jobs go when due: a Retry-After that began before the worker stopped is still waited out.
    else await settle();
  }

  async function settle() {
    const state = await deps.readState();
    await deps.keepPolling(state.runs.length > 0 || state.queue.length > 0);
    // Jobs left queued (a rate limit, or a worker that died before sending them) go in the next run.
    if (state.queue.length > 0) {
      const problems = state.queue.map((c) => state.failed[c]);
      const until = Math.max(0, ...problems.map((p) => retryAtOf(p) ?? 0));
      const now = deps.now();
      scheduleFlush(Math.min(MAX_RETRY_WAIT_MS, nextTryAt(now, BATCH_WINDOW_MS, until) - now));
    }
    if (state.runs.length > 0) schedulePoll(Math.max(...state.runs.map((r) => r.startedAt)), pollNotBefore(state.runs));
  }

  function interrupted(detail: string): Problem {
    return { service: 'Mindcase', kind: 'interrupted', status: null, detail, retryAt: null };
  }

  return { request, startSearch, flush, poll, cancel, resume };
}
