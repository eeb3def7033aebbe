/**
 * Follows what each application UpHunt applied brought, until it is final or 60 days old: every fresh history of
 * its client (a page view, Refresh, this tracker's own daily read) updates its outcome at once (recordHistory);
 * the tracker reads each such client's `client-jobs` again at most once a day, through the shared cache, and
 * finds the clients of applications it does not know (UpHunt's list of the agency's applications) a few an hour,
 * after the pages' own look-ups. Takes everything it touches as parameters.
 */
import { retryAtOf, toProblem } from '../http';
import { notFoundAs } from '../client/lookup';
import type { TtlCache } from '../cache';
import type { Stored } from '../storage/stored';
import type { UpHuntApi } from '../uphunt/api';
import type { ClientJobs } from '../uphunt/schemas';
import { clientMetrics } from '../client/judgement';
import { clientScore } from '../client/score';
import { FINAL, jobIdOf, outcomeOf, TRACKED_DAYS } from './outcomes';
import type { LogEntry } from './log';
import type { Outcome } from './stored';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Look-ups of clients the tracker does not know, at most this many an hour (UpHunt's reads are shared). */
export const LOOKUPS_PER_HOUR = 20;

export interface TrackDeps {
  now(): number;
  /** Every application, ours and UpHunt's (applicationsLog). */
  entries(): Promise<LogEntry[]>;
  outcomes: Pick<Stored<Record<string, Outcome>>, 'getValue' | 'update'>;
  /** When this tracker looked up unknown clients (the hourly allowance). */
  lookups: Pick<Stored<number[]>, 'getValue' | 'update'>;
  companyOf: { get(ciphertext: string): Promise<string | null>; set(ciphertext: string, companyId: string): Promise<void> };
  clientJobs: TtlCache<ClientJobs>;
  uphunt(): Promise<Pick<UpHuntApi, 'clientJobs' | 'companyIdForCiphertext'>>;
  /** The agency's freelancers' names, as last loaded (no call). */
  agency(): Promise<string[]>;
  /** A page's own look-up is under way: the tracker's look-ups wait for it. */
  pagesBusy(): Promise<boolean>;
}

/** The applications whose outcome is still to be learnt: applied, within 60 days, not final. */
export function stillTracked(entries: readonly LogEntry[], outcomes: Readonly<Record<string, Outcome>>, now: number): LogEntry[] {
  return entries.filter(
    (e) => e.applied && e.ciphertext !== null && !FINAL.has(outcomes[e.ciphertext]?.kind ?? 'open') && now - (e.createdAt ?? now) < TRACKED_DAYS * DAY,
  );
}

/** The jobs a history names (open, or with a contract), by ciphertext and by the number in it. */
function jobsIn(history: ClientJobs): Set<string> {
  const named = new Set<string>();
  for (const info of [...history.openJobs, ...history.workHistory.map((item) => item.jobInfo)]) {
    if (info.ciphertext) named.add(info.ciphertext.toLowerCase());
    if (info.id) named.add(info.id);
  }
  return named;
}

/** A fresh history of a client: the outcome of each of its applications, at once. */
export async function recordHistory(deps: TrackDeps, companyId: string, history: ClientJobs): Promise<void> {
  const now = deps.now();
  const entries = await deps.entries();
  const agency = await deps.agency();
  const named = jobsIn(history);
  // A job gone from the history names its client only by what a look-up learnt (companyOf): asked only for the
  // applications still followed whose client nothing else names (this runs on every history stored).
  const stored = (await deps.outcomes.getValue()) ?? {};
  const learnt = new Set<string>();
  for (const { ciphertext, companyId: known, applied } of entries) {
    const before = ciphertext ? stored[ciphertext] : undefined;
    if (!applied || !ciphertext || known || before?.companyId || FINAL.has(before?.kind ?? 'open')) continue;
    if ((await deps.companyOf.get(ciphertext)) === companyId) learnt.add(ciphertext);
  }
  let judged: { score: number | null; flags: string[] } | null = null;
  const judge = () => {
    if (!judged) {
      const score = clientScore(clientMetrics(history, now));
      judged = { score: score.score, flags: score.flags.map((flag) => flag.id) };
    }
    return judged;
  };
  await deps.outcomes.update((stored) => {
    const outcomes = { ...stored };
    for (const entry of entries) {
      const ciphertext = entry.ciphertext;
      if (!entry.applied || !ciphertext) continue;
      const before = outcomes[ciphertext];
      const theirs =
        entry.companyId === companyId ||
        before?.companyId === companyId ||
        learnt.has(ciphertext) ||
        named.has(ciphertext) ||
        named.has(jobIdOf(ciphertext) ?? ciphertext);
      if (!theirs || (before && FINAL.has(before.kind))) continue;
      const reading = outcomeOf({ ciphertext }, history, agency, now, before?.goneSince ?? null);
      // Without the agency's names, a hire of ours would read as someone else's: wait for them.
      if (reading.kind === 'hired-other' && agency.length === 0) continue;
      const { score, flags } = before?.score != null ? before : judge();
      outcomes[ciphertext] = { ...reading, jobTitle: reading.jobTitle ?? before?.jobTitle ?? null, companyId, score, flags, checkedAt: now };
    }
    return outcomes;
  });
}

/**
 * One pass: each tracked application's client read again when its last history is a day old; unknown clients
 * looked up within the allowance. Answers when the next pass is due (null: nothing left to follow).
 */
export async function track(deps: TrackDeps): Promise<number | null> {
  const now = deps.now();
  const entries = await deps.entries();
  // An application the log no longer keeps (it keeps the newest 500, and UpHunt's list its newest 100) takes its
  // outcome with it: the stored outcomes never outgrow the log.
  const logged = new Set(entries.map((entry) => entry.ciphertext));
  const kept = (outcomes: Record<string, Outcome>) => Object.fromEntries(Object.entries(outcomes).filter(([ciphertext]) => logged.has(ciphertext)));
  const stored = (await deps.outcomes.getValue()) ?? {};
  const outcomes = kept(stored);
  if (Object.keys(outcomes).length < Object.keys(stored).length) await deps.outcomes.update((current) => kept(current ?? {}));
  const due: number[] = [];
  const byClient = new Map<string, LogEntry[]>();
  const add = (companyId: string, entry: LogEntry) => byClient.set(companyId, [...(byClient.get(companyId) ?? []), entry]);
  const unknown: LogEntry[] = [];
  for (const entry of stillTracked(entries, outcomes, now)) {
    const ciphertext = entry.ciphertext!;
    const before = outcomes[ciphertext];
    // The client could not be found: asked again a day later.
    if (before?.kind === 'unknown' && now - before.checkedAt < DAY) {
      due.push(before.checkedAt + DAY);
      continue;
    }
    const companyId = entry.companyId ?? before?.companyId ?? (await deps.companyOf.get(ciphertext));
    if (companyId) add(companyId, entry);
    else unknown.push(entry);
  }

  if (unknown.length > 0) {
    if (await deps.pagesBusy()) due.push(now + 60_000);
    else {
      const recent = ((await deps.lookups.getValue()) ?? []).filter((at) => now - at < HOUR);
      const allowed = unknown.slice(0, Math.max(0, LOOKUPS_PER_HOUR - recent.length));
      if (allowed.length > 0) await deps.lookups.update((stored) => [...(stored ?? []).filter((at) => now - at < HOUR), ...allowed.map(() => now)]);
      for (const entry of allowed) {
        const found = await findClient(deps, entry);
        if (typeof found === 'string') add(found, entry);
        else due.push(found);
      }
      if (allowed.length < unknown.length) due.push(Math.min(...recent, now) + HOUR);
    }
  }

  for (const [companyId, theirs] of byClient) {
    const cached = await deps.clientJobs.peek(companyId);
    if (cached && now - cached.storedAt < DAY) {
      // Read within the day (a page view, say): its outcomes from it, no call.
      await recordHistory(deps, companyId, cached.value);
      due.push(cached.storedAt + DAY);
    } else due.push(await readClient(deps, companyId, theirs));
  }
  // Outcomes that became final in this pass need no next one.
  if (stillTracked(entries, (await deps.outcomes.getValue()) ?? {}, now).length === 0) return null;
  return due.length > 0 ? Math.max(now + 1000, Math.min(...due)) : null;
}

/** The client's history read through the cache (which tells recordHistory); when to read it again. */
async function readClient(deps: TrackDeps, companyId: string, entries: LogEntry[]): Promise<number> {
  const now = deps.now();
  try {
    const found = await deps.clientJobs
      .load(companyId, async () => (await deps.uphunt()).clientJobs(companyId), { force: true })
      .then(() => true)
      .catch(notFoundAs(false));
    if (!found) await markUnknown(deps, entries, companyId);
    return now + DAY;
  } catch (error) {
    return retryAtOf(toProblem(error, 'UpHunt')) ?? now + HOUR;
  }
}

/** An application's client through UpHunt's archive: its companyId, or when to try again. */
async function findClient(deps: TrackDeps, entry: LogEntry): Promise<string | number> {
  const now = deps.now();
  const ciphertext = entry.ciphertext!;
  let companyId: string | null;
  try {
    companyId = await (await deps.uphunt()).companyIdForCiphertext(ciphertext).catch(notFoundAs(null));
  } catch (error) {
    return retryAtOf(toProblem(error, 'UpHunt')) ?? now + HOUR;
  }
  if (!companyId) {
    await markUnknown(deps, [entry], null);
    return now + DAY;
  }
  await deps.companyOf.set(ciphertext, companyId);
  return companyId;
}

const unknownOutcome = (now: number, companyId: string | null): Outcome => ({
  kind: 'unknown',
  contractor: null,
  ours: [],
  dataAt: null,
  goneSince: null,
  jobTitle: null,
  companyId,
  score: null,
  flags: [],
  checkedAt: now,
});

async function markUnknown(deps: TrackDeps, entries: LogEntry[], companyId: string | null): Promise<void> {
  const now = deps.now();
  await deps.outcomes.update((stored) => {
    const outcomes = { ...stored };
    for (const { ciphertext } of entries) {
      const before = outcomes[ciphertext!];
      // What an earlier history showed stays; only when nothing was ever read is it unknown.
      outcomes[ciphertext!] = before && before.kind !== 'unknown' ? { ...before, checkedAt: now } : unknownOutcome(now, companyId);
    }
    return outcomes;
  });
}
