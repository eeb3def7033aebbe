/** What a client's work history means in figures (see score.ts for the score, charts.ts for chart data). Pure. */
import type { ClientJobs, WorkHistoryItem } from '../uphunt/schemas';

const DAY = 86_400_000;

/** Contracts as a freelancer reads them: running ones first, then the newest. */
export function historyNewestFirst(items: readonly WorkHistoryItem[]): WorkHistoryItem[] {
  const active = (item: WorkHistoryItem) => (isActive(item) ? 1 : 0);
  return [...items].sort((a, b) => active(b) - active(a) || time(b.startDate) - time(a.startDate));
}

export function isActive(item: WorkHistoryItem): boolean {
  return item.status === 'ACTIVE' || (!item.endDate && item.status !== 'CLOSED');
}

export function hourlyRateOf(item: WorkHistoryItem): number | null {
  const amount = item.rate?.amount;
  return typeof amount === 'number' && amount > 0 ? amount : null;
}

/** A contract named for a person: its title, or "private contract" when UpHunt has none. */
export function contractLabel(item: WorkHistoryItem): string {
  return item.jobInfo.title?.trim() || 'Untitled contract';
}

export interface ClientMetrics {
  totalSpent: number | null;
  jobsPosted: number | null;
  hires: number | null;
  /** Jobs with at least one hire ÷ jobs posted, 0..1. */
  hireRate: number | null;
  openJobs: number;
  avgHourlyPaid: number | null;
  rating: number | null;
  feedbackCount: number;
  contracts: number;
  medianHourly: number | null;
  highestHourly: number | null;
  totalHours: number;
  /** Median charge of contracts that billed anything. */
  typicalContract: number | null;
  /** Freelancers hired more than once, with how often. */
  repeatHires: Array<{ name: string; times: number }>;
  activeContracts: number;
  /** Ended contracts the client reviewed ÷ ended contracts, 0..1. */
  reviewedShare: number | null;
  /** Average score the client gave freelancers. */
  avgScoreGiven: number | null;
  /** Average score freelancers gave the client. */
  avgScoreReceived: number | null;
  zeroContracts: WorkHistoryItem[];
  lowScoreContracts: WorkHistoryItem[];
  hourlyRates: number[];
  /** Account age in days (from the company's contract date), when known. */
  accountAgeDays: number | null;
}

export function clientMetrics(data: ClientJobs, now: number): ClientMetrics {
  const buyer = data.buyer;
  const history = data.workHistory;
  const ended = history.filter((item) => !isActive(item));
  const hourlyRates = history.map(hourlyRateOf).filter((rate): rate is number => rate !== null);
  const charges = history.map((item) => item.totalCharge ?? 0).filter((charge) => charge > 0);
  const given = history.map((item) => item.feedback?.score).filter(isNumber);
  const received = history.map((item) => item.feedbackToClient?.score).filter(isNumber);

  const byFreelancer = new Map<string, { name: string; times: number }>();
  for (const item of history) {
    const name = item.contractorInfo?.contractorName?.trim();
    if (!name) continue;
    const key = item.contractorInfo?.ciphertext ?? name;
    const seen = byFreelancer.get(key) ?? { name, times: 0 };
    seen.times += 1;
    byFreelancer.set(key, seen);
  }

  const posted = buyer?.postedCount ?? null;
  const withHires = buyer?.stats?.totalJobsWithHires ?? null;
  const since = time(buyer?.company?.contractDate);
  return {
    totalSpent: buyer?.stats?.totalCharges?.amount ?? null,
    jobsPosted: posted,
    hires: buyer?.stats?.totalAssignments ?? null,
    hireRate: posted && withHires !== null ? Math.min(1, withHires / posted) : null,
    openJobs: data.openJobs.length,
    avgHourlyPaid: buyer?.avgHourlyJobsRate?.amount ?? null,
    rating: buyer?.stats?.score ?? null,
    feedbackCount: buyer?.stats?.feedbackCount ?? 0,
    contracts: history.length,
    medianHourly: median(hourlyRates),
    highestHourly: hourlyRates.length ? Math.max(...hourlyRates) : null,
    totalHours: round(
      history.reduce((sum, item) => sum + (item.totalHours ?? 0), 0),
      2,
    ),
    typicalContract: median(charges),
    repeatHires: [...byFreelancer.values()].filter((f) => f.times > 1).sort((a, b) => b.times - a.times || a.name.localeCompare(b.name)),
    activeContracts: history.length - ended.length,
    reviewedShare: ended.length ? ended.filter((item) => isNumber(item.feedback?.score)).length / ended.length : null,
    avgScoreGiven: mean(given),
    avgScoreReceived: mean(received),
    zeroContracts: ended.filter((item) => item.totalCharge === 0),
    lowScoreContracts: history.filter((item) => (item.feedbackToClient?.score ?? 5) < 3 || (item.feedback?.score ?? 5) < 3),
    hourlyRates,
    accountAgeDays: Number.isFinite(since) ? Math.floor((now - since) / DAY) : null,
  };
}

export function time(iso: string | null | undefined): number {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(t) ? -Infinity : t;
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : round((sorted[mid - 1]! + sorted[mid]!) / 2, 2);
}

function mean(values: number[]): number | null {
  return values.length ? round(values.reduce((a, b) => a + b, 0) / values.length, 2) : null;
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
