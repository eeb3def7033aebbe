/**
 * Mindcase enrichment: job details, client activity and similar jobs, bought by the row. Every run costs
 * the user money, so: only jobs the user asked for (or allowed with "enrich jobs I open"), several jobs
 * per run, never a job whose stored row is fresh, never past the monthly cap, and a run survives the
 * worker's death (its id is in storage before anything waits on it).
 */
import { NAIVE } from '../bench';
import type { CacheEntry } from '../cache';
import { backoffDelay, nextTryAt } from '../backoff';
import { ApiError, retryAtOf, toProblem } from '../http';
import type { Problem } from '../problem';
import type { MindcaseClient } from '../mindcase/client';
import type { JobRow } from '../mindcase/schemas';
import { serialUpdates } from '../serial';
import { jobUrl } from '../upwork/page';
import { waitMs } from '../timing';
import type { EnrichmentState, EnrichSettings, PendingRun, SearchRun } from './stored';

export const PRICE_PER_ROW_USD = 3 / 1000;
export const ROW_TTL_MS = 12 * 60 * 60 * 1000;
/** The longest Retry-After a queued Mindcase run waits for before the user is simply told. */
const MAX_RETRY_WAIT_MS = 60_000;
const BATCH_WINDOW_MS = 400;
const RUN_TIMEOUT_MS = () => waitMs('run');
/** A run still without an id this long after we asked for it was cut off mid-request. */
const STARTING_GRACE_MS = () => waitMs('runStart');
/** A run created this much before our POST left (by Mindcase's clock) is still taken for ours. */
const CLOCK_SKEW_MS = 30 * 1000;

const RUNNING = ['queued', 'running'];

export interface EnrichDeps {
  mindcase: () => Promise<MindcaseClient>;
  readState: () => Promise<EnrichmentState>;
  writeState: (state: EnrichmentState) => Promise<void>;
  rows: { get(ciphertext: string): Promise<CacheEntry<JobRow> | null>; set(ciphertext: string, entry: CacheEntry<JobRow>): Promise<void> };
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
function rowsAskedBy(run: Pick<PendingRun, 'inputs' | 'search'>): number {
  return run.inputs.length * (run.search?.limit ?? 1);
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
  /** When this worker last looked for a run whose start answer was lost, by the run's start. */
  const lookedFor = new Map<number, number>();
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

  /** What is said when a run would take the month's spending past the cap. */
  const overCap = (state: EnrichmentState, rows: number, capUsd: number): Problem | null => {
    const { committedUsd, spentUsd } = spending(state, deps.now());
    if (committedUsd + rows * PRICE_PER_ROW_USD <= capUsd + 1e-9) return null;
    return {
      service: 'Mindcase',
      kind: 'spending_cap',
      status: null,
      detail: `$${spentUsd.toFixed(2)} of your $${capUsd.toFixed(2)} monthly cap is spent or committed.`,
      retryAt: null,
    };
  };

  async function request(ciphertexts: string[]): Promise<void> {
    const settings = await deps.settings();
    const added = await update(async (state) => {
      const wanted: string[] = [];
      for (const ciphertext of new Set(ciphertexts)) {
        if (state.queue.includes(ciphertext) || state.runs.some((run) => run.inputs.includes(ciphertext))) continue;
        const entry = await deps.rows.get(ciphertext);
        if (!NAIVE && entry && deps.now() - entry.storedAt < ROW_TTL_MS) continue;
        wanted.push(ciphertext);
      }
      const capped = overCap(state, wanted.length, settings.monthlyCapUsd);
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
      const capped = overCap(state, rowsAskedBy({ inputs, search: rest }), settings.monthlyCapUsd);
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
      const client = await deps.mindcase();
      const answer = run.search ? await client.startSearchRun(run.search.params) : await client.startJobsRun(run.inputs.map(jobUrl));
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

  /**
   * A run whose POST left but whose answer was lost (the worker died): Mindcase may have started it and will
   * charge for it. It is looked for among the account's newest runs (same agent, created after the POST left)
   * and adopted, rather than bought again.
   */
  async function findLostRun(run: PendingRun): Promise<'found' | 'not-yet' | 'gone'> {
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
      let asking: 'run' | 'results' = 'run';
      try {
        const client = await deps.mindcase();
        const info = await client.run(run.id);
        if (info.status === 'completed') {
          asking = 'results';
          const rows = await client.results(run.id);
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

  async function fail(run: PendingRun, problem: Problem) {
    await update((state) => {
      state.runs = state.runs.filter((r) => !(r.id === run.id && r.startedAt === run.startedAt));
      if (run.id) state.endedIds = [...state.endedIds, run.id].slice(-100);
      if (!run.search) for (const ciphertext of run.inputs) state.failed[ciphertext] = problem;
    });
    if (run.search) await deps.searchFailed(run, problem);
  }

  function interrupted(detail: string): Problem {
    return { service: 'Mindcase', kind: 'interrupted', status: null, detail, retryAt: null };
  }

  /** Every row is kept for its job's details (a search's rows too: a found job's details are never bought again). */
  async function storeRows(run: PendingRun, rows: JobRow[]) {
    const storedAt = deps.now();
    for (const row of rows) {
      const ciphertext = rowCiphertext(row);
      if (ciphertext && (run.search || run.inputs.includes(ciphertext))) await deps.rows.set(ciphertext, { storedAt, value: row });
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

  return { request, startSearch, flush, poll, cancel, resume };
}

function findRun(state: EnrichmentState, run: PendingRun): PendingRun | undefined {
  return state.runs.find((r) => r.startedAt === run.startedAt && r.inputs.join() === run.inputs.join());
}

export function rowCiphertext(row: JobRow): string | null {
  const cipher = row.openingInfo?.ciphertext ?? /~0[0-9a-f]+/i.exec(row.jobUrl ?? '')?.[0] ?? null;
  return cipher ? cipher.toLowerCase() : null;
}
