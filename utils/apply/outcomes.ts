/**
 * What an application brought, read from the client's later history on UpHunt (a data read: no credits): a
 * contract for the job with one of the agency's freelancers, with someone else, the job gone from the open jobs
 * with no contract seen, or still open. UpHunt names contractors as Upwork does ("Angelia A I."): a first name and
 * initials, matched against the agency's freelancers. A contract Upwork hides is never seen. Pure.
 */
import type { ClientJobs } from '../uphunt/schemas';
import type { Application, Outcome, OutcomeKind } from './stored';

export type { Outcome, OutcomeKind };
const DAY = 86_400_000;
/**
 * Gone from the open jobs and no contract for it in UpHunt's data this long after it was first seen gone: closed
 * without a hire seen. Counted in UpHunt's data time (its `lastSyncedAt`): a client UpHunt has not synced since
 * cannot show the contract that came late.
 */
export const CLOSED_AFTER_DAYS = 14;
/** Outcomes that no later history changes: their tracking ends. */
export const FINAL: ReadonlySet<OutcomeKind> = new Set(['hired-you', 'hired-other', 'closed']);
/** An outcome still open this long after applying is no longer tracked. */
export const TRACKED_DAYS = 60;

/** What one read of the client's history says; the rest of an Outcome is the tracker's (tracking.ts). */
export type Reading = Pick<Outcome, 'kind' | 'contractor' | 'ours' | 'dataAt' | 'goneSince' | 'jobTitle'>;

/** The number a `~02` ciphertext carries: private contracts name their job only by it. */
export function jobIdOf(ciphertext: string): string | null {
  return /^~02(\d+)$/.exec(ciphertext)?.[1] ?? null;
}

const tokens = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^\p{L}\s-]/gu, ' ')
    .split(/[\s-]+/)
    .filter(Boolean);

/**
 * The agency's freelancers a name as Upwork writes it could be: the same first name, and each initial (or word)
 * after it the start of the freelancer's next names in order ("Angelia A I." is "Angelia Anna Ivanova"), or one
 * initial that of the last name ("Ada N." is "Ada Maria Novak").
 */
export function freelancersNamed(contractor: string, agency: readonly string[]): string[] {
  const [first, ...rest] = tokens(contractor);
  if (!first) return [];
  return agency.filter((name) => {
    const [theirFirst, ...theirRest] = tokens(name);
    if (theirFirst !== first) return false;
    if (rest.length === 1 && theirRest.length > 0 && theirRest.at(-1)!.startsWith(rest[0]!)) return true;
    return rest.length <= theirRest.length && rest.every((part, i) => theirRest[i]!.startsWith(part));
  });
}

/**
 * What an application brought, as of the client's history `history`. `goneSince` is the data time at which an
 * earlier read first saw the job gone (null: none did); `now` stands for the data time when UpHunt gives none.
 */
export function outcomeOf(
  app: Pick<Application, 'ciphertext'>,
  history: ClientJobs,
  agency: readonly string[],
  now: number,
  goneSince: number | null = null,
): Reading {
  const ciphertext = app.ciphertext.toLowerCase();
  const id = jobIdOf(ciphertext);
  const dataAt = history.lastSyncedAt ?? null;
  const seenAt = dataAt ?? now;
  const isThisJob = (info: { ciphertext?: string | null; id?: string | null }) =>
    info.ciphertext?.toLowerCase() === ciphertext || (id !== null && info.id === id);
  const contracts = history.workHistory.filter((item) => isThisJob(item.jobInfo));
  const open = history.openJobs.find((job) => isThisJob(job));
  const jobTitle = contracts[0]?.jobInfo.title ?? open?.title ?? null;
  if (contracts.length > 0) {
    // Several contracts for one job (more than one hire): any of ours counts.
    for (const contract of contracts) {
      const contractor = contract.contractorInfo?.contractorName ?? null;
      const ours = contractor ? freelancersNamed(contractor, agency) : [];
      if (ours.length > 0) return { kind: 'hired-you', contractor, ours, dataAt, goneSince, jobTitle };
    }
    return { kind: 'hired-other', contractor: contracts[0]!.contractorInfo?.contractorName ?? null, ours: [], dataAt, goneSince, jobTitle };
  }
  if (open) return { kind: 'open', contractor: null, ours: [], dataAt, goneSince: null, jobTitle };
  const since = Math.min(goneSince ?? seenAt, seenAt);
  const kind = seenAt - since >= CLOSED_AFTER_DAYS * DAY ? 'closed' : 'gone';
  return { kind, contractor: null, ours: [], dataAt, goneSince: since, jobTitle };
}

/** The outcome in words: "Hired you (probably Ada Novak)", "Hired someone else: Bruno S.", … */
export function outcomeText({ kind, contractor, ours }: Pick<Outcome, 'kind' | 'contractor' | 'ours'>): string {
  switch (kind) {
    case 'hired-you':
      return ours.length > 1 ? `Hired you (probably ${ours.join(' or ')})` : `Hired you (${ours[0]})`;
    case 'hired-other':
      return contractor ? `Hired someone else: ${contractor}` : 'Hired someone else';
    case 'closed':
      return 'Closed without a hire seen';
    case 'gone':
      return 'No longer open; no contract seen yet';
    case 'open':
      return 'Still open';
    case 'unknown':
      return 'Unknown: the client could not be found';
  }
}
