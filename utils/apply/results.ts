/**
 * What the applications of a period brought (Options → Results, the popup's line): in all and per freelancer,
 * the Connects and credits they cost, and whether the client's score and red flags predicted a hire. Pure.
 */
import { toCsv } from '../client/csv';
import type { LogEntry } from './log';
import { outcomeText } from './outcomes';

export const PERIODS = { month: 'This month', '30': 'Last 30 days', '90': 'Last 90 days', all: 'All' } as const;
export type Period = keyof typeof PERIODS;

export interface Tally {
  /** Applications UpHunt applied, and those sent by hand on Upwork. */
  sent: number;
  hiredYou: number;
  hiredOther: number;
  closed: number;
  /** Still open, or gone with no contract seen yet. */
  open: number;
  /** The client could not be found, or its history was not read yet. */
  unknown: number;
  connects: number;
  /** Sent applications whose Connects no page showed. */
  connectsUnknown: number;
  connectsOnClosed: number;
  /** UpHunt's auto-apply credits: one per application it applied (not those sent by hand on Upwork). */
  credits: number;
}

export interface Rate {
  label: string;
  hired: number;
  of: number;
}

export interface Results {
  all: Tally;
  byFreelancer: Array<{ name: string; tally: Tally }>;
  /** Win rate by the client's score when first read: 0–39, 40–69, 70–100 (and no score). */
  bands: Rate[];
  /** Win rate by red flag, and with none. */
  flags: Rate[];
}

export const BANDS = [
  { label: 'score 70–100', from: 70 },
  { label: 'score 40–69', from: 40 },
  { label: 'score 0–39', from: 0 },
] as const;

const FLAG_NAMES: Record<string, string> = {
  'low-hire-rate': 'low hire rate',
  'low-rates': 'low rates paid',
  'low-scores': 'low scores',
  'zero-contracts': '$0 contracts',
  'new-account-many-jobs': 'new account, many jobs',
  'rarely-reviews': 'rarely reviews',
};

/** When a period starts, in the local calendar for "this month". */
export function periodStart(period: Period, now: number): number {
  if (period === 'all') return 0;
  if (period === 'month') {
    const date = new Date(now);
    return new Date(date.getFullYear(), date.getMonth(), 1).getTime();
  }
  return now - Number(period) * 86_400_000;
}

export function inPeriod(entries: readonly LogEntry[], period: Period, now: number): LogEntry[] {
  const from = periodStart(period, now);
  return entries.filter((entry) => (entry.createdAt ?? 0) >= from);
}

function tally(entries: readonly LogEntry[]): Tally {
  const t: Tally = { sent: 0, hiredYou: 0, hiredOther: 0, closed: 0, open: 0, unknown: 0, connects: 0, connectsUnknown: 0, connectsOnClosed: 0, credits: 0 };
  for (const entry of entries) {
    if (!entry.applied) continue;
    t.sent += 1;
    if (entry.source !== 'upwork') t.credits += 1;
    const kind = entry.outcome?.kind ?? 'unknown';
    if (kind === 'hired-you') t.hiredYou += 1;
    else if (kind === 'hired-other') t.hiredOther += 1;
    else if (kind === 'closed') t.closed += 1;
    else if (kind === 'open' || kind === 'gone') t.open += 1;
    else t.unknown += 1;
    if (entry.connects === null) t.connectsUnknown += 1;
    else {
      t.connects += entry.connects;
      if (kind === 'closed') t.connectsOnClosed += entry.connects;
    }
  }
  return t;
}

const rate = (label: string, entries: readonly LogEntry[]): Rate => ({
  label,
  hired: entries.filter((e) => e.outcome?.kind === 'hired-you').length,
  of: entries.length,
});

export function results(entries: readonly LogEntry[], period: Period, now: number): Results {
  const sent = inPeriod(entries, period, now).filter((entry) => entry.applied);
  const names = [...new Set(sent.map((entry) => entry.freelancerName ?? 'Not named'))].sort();
  const scoreOf = (entry: LogEntry) => entry.outcome?.score ?? null;
  const flagIds = [...new Set(sent.flatMap((entry) => entry.outcome?.flags ?? []))].sort();
  return {
    all: tally(sent),
    byFreelancer: names.map((name) => ({ name, tally: tally(sent.filter((entry) => (entry.freelancerName ?? 'Not named') === name)) })),
    bands: [
      ...BANDS.map((band, i) =>
        rate(
          band.label,
          sent.filter((entry) => {
            const score = scoreOf(entry);
            return score !== null && score >= band.from && (i === 0 || score < BANDS[i - 1]!.from);
          }),
        ),
      ),
      rate(
        'no score yet',
        sent.filter((entry) => scoreOf(entry) === null),
      ),
    ],
    flags: [
      ...flagIds.map((id) =>
        rate(
          FLAG_NAMES[id] ?? id.replace(/-/g, ' '),
          sent.filter((entry) => entry.outcome?.flags.includes(id)),
        ),
      ),
      rate(
        'no red flag',
        sent.filter((entry) => entry.outcome !== null && entry.outcome.score !== null && entry.outcome.flags.length === 0),
      ),
    ],
  };
}

/** "score 70–100: 4 of 11 hired you" */
export const rateText = ({ label, hired, of }: Rate) => `${label}: ${hired} of ${of} hired you`;

/** One line: "Last 30 days: 3 sent · 1 hired you · 60 Connects". */
export function resultsLine({ all }: Results, period: Period): string {
  const parts = [`${all.sent} sent`, `${all.hiredYou} hired you`];
  if (all.connects > 0) parts.push(`${all.connects} Connects`);
  return `${PERIODS[period]}: ${parts.join(' · ')}`;
}

/** Every application of the period with its outcome, for a spreadsheet. */
export function resultsCsv(entries: readonly LogEntry[]): string {
  return toCsv([
    ['Sent', 'Job', 'URL', 'Client', 'Freelancer', 'From', 'Status', 'Connects', 'Outcome', 'Hired', 'UpHunt data of', 'Client score', 'Red flags'],
    ...entries.map((e) => [
      e.createdAt ? new Date(e.createdAt).toISOString() : null,
      e.title,
      e.url,
      e.clientName,
      e.freelancerName,
      { here: 'this browser', uphunt: 'UpHunt', upwork: 'Upwork, by hand' }[e.source],
      e.status,
      e.connects,
      e.outcome ? outcomeText(e.outcome) : e.applied ? 'Not read yet' : null,
      e.outcome?.contractor,
      e.outcome?.dataAt ? new Date(e.outcome.dataAt).toISOString() : null,
      e.outcome?.score,
      e.outcome?.flags.map((id) => FLAG_NAMES[id] ?? id).join('; '),
    ]),
  ]);
}
