/**
 * What an application brought, read from the client's later history on UpHunt (a data read: no credits): a
 * contract for the job with one of the agency's freelancers, with someone else, the job gone from the open jobs
 * with no contract seen, or still open. UpHunt names contractors as Upwork does ("Angelia A I."): a first name and
 * initials, matched against the agency's freelancers. A contract Upwork hides is never seen. Pure.
 */
import type { ClientJobs } from '../uphunt/schemas';
import type { Application } from './stored';

const DAY = 86_400_000;
/** Gone from the open jobs this long after applying, with no contract for it: closed without a hire seen. */
export const CLOSED_AFTER_DAYS = 14;

export type OutcomeKind = 'hired-you' | 'hired-other' | 'closed' | 'gone' | 'open';

export interface Outcome {
  kind: OutcomeKind;
  /** The contractor as UpHunt names them (a hire). */
  contractor: string | null;
  /** Which of the agency's freelancers it is; more than one when the name could be either ("probably"). */
  ours: string[];
  /** When UpHunt last synced the client (its data is as fresh as that), Unix ms. */
  dataAt: number | null;
}

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

/** What an application brought, as of the client's history `history`; `now` says whether a job gone long enough is closed. */
export function outcomeOf(app: Pick<Application, 'ciphertext' | 'sendAt'>, history: ClientJobs, agency: readonly string[], now: number): Outcome {
  const ciphertext = app.ciphertext.toLowerCase();
  const id = jobIdOf(ciphertext);
  const dataAt = history.lastSyncedAt ?? null;
  const isThisJob = (info: { ciphertext?: string | null; id?: string | null }) =>
    info.ciphertext?.toLowerCase() === ciphertext || (id !== null && info.id === id);
  const contracts = history.workHistory.filter((item) => isThisJob(item.jobInfo));
  if (contracts.length > 0) {
    // Several contracts for one job (more than one hire): any of ours counts.
    for (const contract of contracts) {
      const contractor = contract.contractorInfo?.contractorName ?? null;
      const ours = contractor ? freelancersNamed(contractor, agency) : [];
      if (ours.length > 0) return { kind: 'hired-you', contractor, ours, dataAt };
    }
    return { kind: 'hired-other', contractor: contracts[0]!.contractorInfo?.contractorName ?? null, ours: [], dataAt };
  }
  if (history.openJobs.some((job) => isThisJob(job))) return { kind: 'open', contractor: null, ours: [], dataAt };
  const kind = now - app.sendAt >= CLOSED_AFTER_DAYS * DAY ? 'closed' : 'gone';
  return { kind, contractor: null, ours: [], dataAt };
}

/** The outcome in words: "Hired you (probably Ada Novak)", "Hired someone else: Bruno S.", … */
export function outcomeText({ kind, contractor, ours }: Outcome): string {
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
  }
}
