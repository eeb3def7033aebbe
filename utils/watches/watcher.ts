/**
 * Runs the watched searches: each due watch once per slot of its schedule (the alarm, a worker that starts
 * again and Check now all come here), watches due together in one run, and of each run's rows only the jobs no
 * watch has seen, that the list rules keep, announced: in the New jobs list and one notification per check.
 * The run itself is the enricher's (stored before its POST, found again if the worker dies): a run is never
 * bought twice, and its rows are the jobs' details.
 */
import type { PendingRun, SearchRun } from '../enrichment/stored';
import { PRICE_PER_ROW_USD, rowCiphertext } from '../enrichment/price';
import type { Problem } from '../problem';
import { hiddenBecause, type Blocks, type ListRules } from '../lists/rules';
import type { KnownClient } from '../lists/tiles-answer';
import type { JobRow } from '../mindcase/schemas';
import { problemText } from '../problem-text';
import {
  groupDue,
  isDue,
  isRunning,
  newJobOf,
  nextDueAt,
  noticeText,
  rowAsTile,
  rowsToAsk,
  slotOf,
  watchesOfRow,
  firstStatus,
  type NewJob,
  type Watch,
  type WatchStatus,
} from './watch';

/** Clients looked up at UpHunt per check, for the score beside a new job (the rest show without one). */
export const CLIENT_LOOKUPS_PER_CHECK = 5;

export interface WatcherDeps {
  watches: () => Promise<Watch[]>;
  statuses: () => Promise<Record<string, WatchStatus>>;
  /** One change at a time (the background's serialized update). */
  updateStatuses: (change: (statuses: Record<string, WatchStatus>) => void) => Promise<void>;
  seen: () => Promise<Set<string>>;
  markSeen: (ciphertexts: string[]) => Promise<void>;
  /** Adds jobs to the New jobs list (a job already there is not added again). */
  addNewJobs: (jobs: NewJob[]) => Promise<void>;
  judge: () => Promise<{ rules: ListRules; blocks: Blocks }>;
  /** The client of a job, looked up through the shared cache; null when UpHunt does not know it. */
  clientOf: (ciphertext: string) => Promise<KnownClient | null>;
  startSearch: (search: SearchRun & { inputs: string[] }) => Promise<Problem | null>;
  notify: (text: string, ciphertexts: string[]) => Promise<void>;
  /** Hands the jobs a check announced to the watches' destinations (outbox.ts). */
  deliver: (jobs: NewJob[], watches: Watch[]) => Promise<void>;
  /** Says once, outside Options, that the monthly cap stopped the watches. */
  notifyCap: (text: string) => Promise<void>;
  /** Wakes the worker at this time (an alarm), or never when null. */
  wakeAt: (at: number | null) => Promise<void>;
  now: () => number;
}

const CAP_STOP = 'Stopped by the monthly Mindcase cap';

/** A failed check in words, for the watch's line in Options. */
export function checkProblemText(problem: Problem, now: number): string {
  if (problem.kind === 'spending_cap') return `${CAP_STOP}: ${problem.detail} Watches check again next month, or once you raise the cap in Options → Mindcase.`;
  const text = problemText(problem, now);
  return `${text.title}. ${problem.kind === 'rate_limited' ? 'The next check asks again.' : text.body}`;
}

export function createWatcher(deps: WatcherDeps) {
  /**
   * Starts the checks that are due (or the one watch asked for by Check now). Each watch's slot is claimed in
   * storage before its run is started, so an alarm, a restarted worker and a click landing together run it once.
   * Returns why Check now did nothing, or null.
   */
  async function check(onlyId: string | null = null): Promise<string | null> {
    const now = deps.now();
    const watches = await deps.watches();
    const before = await deps.statuses();
    const claimed: Array<{ watch: Watch; limit: number }> = [];
    let refusal: string | null = onlyId && !watches.some((w) => w.id === onlyId) ? 'This watch no longer exists.' : null;
    await deps.updateStatuses((statuses) => {
      for (const id of Object.keys(statuses)) if (!watches.some((w) => w.id === id)) delete statuses[id];
      for (const watch of watches) {
        const status = statuses[watch.id];
        if (onlyId ? watch.id !== onlyId : !isDue(watch, status, now)) continue;
        if (isRunning(status, now)) {
          refusal = 'A check of this watch is already running.';
          continue;
        }
        claimed.push({ watch, limit: rowsToAsk(watch, status) });
        const base = status ?? firstStatus(watch, now);
        statuses[watch.id] = { ...base, lastSlot: Math.max(base.lastSlot, slotOf(watch, now)), runningSince: now, problem: null };
      }
    });
    let capStop: string | null = null;
    for (const group of groupDue(claimed)) {
      const problem = await deps.startSearch(group);
      if (!problem) continue;
      const text = checkProblemText(problem, deps.now());
      await ended(group.watchIds, { problem: text });
      // Once per stop, not once per check: a watch already stopped by the cap said so before.
      if (problem.kind === 'spending_cap' && group.watchIds.some((id) => !before[id]?.problem?.startsWith(CAP_STOP))) capStop = text;
    }
    if (capStop) await deps.notifyCap(capStop);
    await reschedule();
    return refusal;
  }

  /** A run's rows: the news among them announced, each watch's line updated. Safe to hand over twice. */
  async function found(run: PendingRun, rows: JobRow[]): Promise<void> {
    const search = run.search;
    if (!search) return;
    const now = deps.now();
    const watches = (await deps.watches()).filter((w) => search.watchIds.includes(w.id));
    const [seen, { rules, blocks }] = await Promise.all([deps.seen(), deps.judge()]);
    const counts = new Map(watches.map((w) => [w.id, { rows: 0, news: 0 }]));
    const announced: NewJob[] = [];
    let lookups = 0;
    for (const row of rows) {
      const ciphertext = rowCiphertext(row);
      if (!ciphertext) continue;
      const ids = watches.length ? watchesOfRow(row, watches) : [];
      for (const id of ids) counts.get(id)!.rows += 1;
      if (seen.has(ciphertext) || announced.some((job) => job.ciphertext === ciphertext)) continue;
      for (const id of ids) counts.get(id)!.news += 1;
      // A job the list rules would fold is not announced (and, being seen, never will be).
      const tile = rowAsTile(row);
      if (hiddenBecause(tile, rules, blocks, null)) continue;
      let known: KnownClient | null = null;
      if (lookups < CLIENT_LOOKUPS_PER_CHECK) {
        lookups += 1;
        known = await deps.clientOf(ciphertext).catch(() => null);
      }
      if (known && hiddenBecause(tile, rules, blocks, { companyId: known.companyId, score: known.score, hireRate: known.hireRate })) continue;
      const names = watches.filter((w) => ids.includes(w.id)).map((w) => w.name);
      announced.push(newJobOf(row, names, known?.score ?? null, now));
    }
    // Listed before they are marked seen: a worker dying in between lists them again (the list keeps one of
    // each), where the other order would lose them.
    if (announced.length) await deps.addNewJobs(announced);
    await deps.markSeen(rows.map(rowCiphertext).filter((c): c is string => c !== null));
    if (announced.length) {
      const names = watches.filter((w) => announced.some((job) => job.watches.includes(w.name))).map((w) => w.name);
      await deps.notify(
        noticeText(announced.length, names),
        announced.map((job) => job.ciphertext),
      );
      await deps.deliver(announced, watches);
    }
    await deps.updateStatuses((statuses) => {
      for (const watch of watches) {
        const count = counts.get(watch.id)!;
        const base = statuses[watch.id] ?? firstStatus(watch, now);
        statuses[watch.id] = {
          ...base,
          runningSince: null,
          lastCheckAt: now,
          lastRows: count.rows,
          lastNew: count.news,
          lastCostUsd: count.rows * PRICE_PER_ROW_USD,
          saturated: count.news >= search.limit * watch.keywords.length,
          problem: null,
        };
      }
    });
    await reschedule();
  }

  async function failed(run: PendingRun, problem: Problem): Promise<void> {
    if (run.search) await ended(run.search.watchIds, { problem: checkProblemText(problem, deps.now()) });
    await reschedule();
  }

  async function ended(ids: string[], { problem }: { problem: string }) {
    const now = deps.now();
    await deps.updateStatuses((statuses) => {
      for (const id of ids) {
        const status = statuses[id];
        if (status) statuses[id] = { ...status, runningSince: null, lastCheckAt: now, lastRows: 0, lastNew: 0, lastCostUsd: 0, problem };
      }
    });
  }

  async function reschedule(): Promise<void> {
    await deps.wakeAt(nextDueAt(await deps.watches(), await deps.statuses(), deps.now()));
  }

  return { check, found, failed, reschedule };
}
