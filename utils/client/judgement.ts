/** What a client's work history means: figures, a score with its reasons, and red flags. Pure functions. */
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

export interface ScoreFactor {
  label: string;
  points: number;
  max: number;
  /** The rule, in one line. */
  rule: string;
}

export interface RedFlag {
  id: 'low-hire-rate' | 'low-rates' | 'low-scores' | 'zero-contracts' | 'new-account-many-jobs' | 'rarely-reviews';
  text: string;
  /** The contracts behind the flag, by label. */
  contracts: string[];
}

export interface ClientScore {
  score: number;
  verdict: 'good' | 'fair' | 'risky';
  factors: ScoreFactor[];
  flags: RedFlag[];
}

const steps = (value: number | null, table: Array<[number, number]>, unknown: number): number => {
  if (value === null) return unknown;
  for (const [atLeast, points] of table) if (value >= atLeast) return points;
  return 0;
};

/** A 0–100 score from rules a person can check, plus the flags a freelancer should look at. */
export function clientScore(m: ClientMetrics): ClientScore {
  const factors: ScoreFactor[] = [
    {
      label: 'Money spent',
      max: 20,
      points: steps(
        m.totalSpent,
        [
          [10_000, 20],
          [1_000, 14],
          [100, 8],
          [0.01, 4],
        ],
        0,
      ),
      rule: '20 for $10K+, 14 for $1K+, 8 for $100+, 4 for any, 0 for none',
    },
    {
      label: 'Hire rate',
      max: 20,
      points: steps(
        m.hireRate,
        [
          [0.7, 20],
          [0.5, 14],
          [0.3, 8],
          [0.01, 3],
        ],
        8,
      ),
      rule: '20 at 70%+ of jobs posted ending in a hire, 14 at 50%+, 8 at 30%+ (8 when unknown)',
    },
    {
      label: 'Rated by freelancers',
      max: 20,
      points:
        m.feedbackCount > 0
          ? steps(
              m.rating,
              [
                [4.8, 20],
                [4.5, 15],
                [4.0, 9],
                [3.5, 4],
              ],
              0,
            )
          : 10,
      rule: '20 at 4.8★+, 15 at 4.5★+, 9 at 4.0★+, 4 at 3.5★+ (10 with no reviews yet)',
    },
    {
      label: 'Rates paid',
      max: 15,
      points: steps(
        m.medianHourly,
        [
          [40, 15],
          [25, 12],
          [15, 7],
          [0.01, 2],
        ],
        8,
      ),
      rule: '15 for a median of $40/hr+, 12 for $25+, 7 for $15+ (8 with no hourly contracts)',
    },
    {
      label: 'Leaves reviews',
      max: 10,
      points: steps(
        m.reviewedShare,
        [
          [0.7, 10],
          [0.4, 6],
          [0.01, 2],
        ],
        5,
      ),
      rule: '10 when 70%+ of ended contracts got a review, 6 at 40%+ (5 when none ended)',
    },
    {
      label: 'Track record',
      max: 15,
      points:
        steps(
          m.accountAgeDays,
          [
            [730, 8],
            [365, 6],
            [90, 3],
          ],
          2,
        ) +
        steps(
          m.hires,
          [
            [10, 7],
            [3, 4],
            [1, 2],
          ],
          0,
        ),
      rule: 'Up to 8 for an account 2+ years old, up to 7 for 10+ hires',
    },
  ];
  const score = Math.round(factors.reduce((sum, f) => sum + f.points, 0));
  return { score, verdict: score >= 70 ? 'good' : score >= 45 ? 'fair' : 'risky', factors, flags: redFlags(m) };
}

export function redFlags(m: ClientMetrics): RedFlag[] {
  const flags: RedFlag[] = [];
  if (m.hireRate !== null && (m.jobsPosted ?? 0) >= 5 && m.hireRate < 0.3) {
    flags.push({ id: 'low-hire-rate', text: `Hires on only ${Math.round(m.hireRate * 100)}% of ${m.jobsPosted} jobs posted`, contracts: [] });
  }
  if (m.hourlyRates.length >= 3 && m.highestHourly !== null && m.highestHourly < 15) {
    flags.push({ id: 'low-rates', text: `Never paid more than $${m.highestHourly.toFixed(2)}/hr`, contracts: [] });
  }
  const low = m.lowScoreContracts;
  if (low.length >= 2) {
    flags.push({ id: 'low-scores', text: `${low.length} contracts ended with a score under 3★`, contracts: low.map(contractLabel) });
  } else if (m.avgScoreReceived !== null && m.avgScoreReceived < 4) {
    flags.push({ id: 'low-scores', text: `Freelancers rate this client ${m.avgScoreReceived.toFixed(1)}★ on average`, contracts: low.map(contractLabel) });
  }
  const ended = m.contracts - m.activeContracts;
  if (m.zeroContracts.length >= 3 || (ended >= 4 && m.zeroContracts.length / ended >= 0.25)) {
    flags.push({ id: 'zero-contracts', text: `${m.zeroContracts.length} contracts ended with $0 paid`, contracts: m.zeroContracts.map(contractLabel) });
  }
  if (m.accountAgeDays !== null && m.accountAgeDays < 90 && m.openJobs >= 3) {
    flags.push({ id: 'new-account-many-jobs', text: `Account ${m.accountAgeDays} days old with ${m.openJobs} open jobs`, contracts: [] });
  }
  if (m.reviewedShare !== null && ended >= 4 && m.reviewedShare < 0.4) {
    flags.push({ id: 'rarely-reviews', text: `Reviewed only ${Math.round(m.reviewedShare * 100)}% of ended contracts`, contracts: [] });
  }
  return flags;
}

export interface Period {
  /** First day of the quarter, ISO date. */
  start: string;
  label: string;
  spent: number;
  contracts: number;
}

/** Money and contracts by the quarter a contract started, oldest first, gaps filled with zeros. */
export function spendingByQuarter(items: readonly WorkHistoryItem[]): Period[] {
  const buckets = new Map<number, Period>();
  const keyOf = (t: number) => {
    const d = new Date(t);
    return d.getUTCFullYear() * 4 + Math.floor(d.getUTCMonth() / 3);
  };
  const periodOf = (key: number): Period => {
    const year = Math.floor(key / 4);
    const quarter = key % 4;
    return { start: new Date(Date.UTC(year, quarter * 3, 1)).toISOString().slice(0, 10), label: `Q${quarter + 1} ${year}`, spent: 0, contracts: 0 };
  };
  const starts = items.map((item) => time(item.startDate)).filter(Number.isFinite);
  if (starts.length === 0) return [];
  const first = keyOf(Math.min(...starts));
  const last = keyOf(Math.max(...starts));
  for (let key = first; key <= last; key++) buckets.set(key, periodOf(key));
  for (const item of items) {
    const t = time(item.startDate);
    if (!Number.isFinite(t)) continue;
    const period = buckets.get(keyOf(t))!;
    period.spent = round(period.spent + (item.totalCharge ?? 0), 2);
    period.contracts += 1;
  }
  return [...buckets.values()];
}

export interface Bin {
  from: number;
  to: number;
  count: number;
}

/** Hourly rates paid, in $10 bins from $0 to the highest rate. */
export function rateHistogram(rates: readonly number[], width = 10): Bin[] {
  if (rates.length === 0) return [];
  const top = Math.max(...rates);
  const bins: Bin[] = [];
  for (let from = 0; from <= top; from += width) bins.push({ from, to: from + width, count: 0 });
  for (const rate of rates) bins[Math.min(bins.length - 1, Math.floor(rate / width))]!.count += 1;
  return bins;
}

/** The client's local time now, from UpHunt's "Europe/Berlin (UTC+02:00)". */
export function clientLocalTime(countryTimezone: string | null | undefined, now: number): string | null {
  const zone = countryTimezone?.split(' ')[0];
  if (!zone) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', minute: '2-digit', weekday: 'short' }).format(now);
  } catch {
    // An unknown zone name: use the offset UpHunt wrote beside it.
    const offset = /UTC([+-])(\d{2}):(\d{2})/.exec(countryTimezone ?? '');
    if (!offset) return null;
    const minutes = (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]));
    return new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', hour: 'numeric', minute: '2-digit', weekday: 'short' }).format(now + minutes * 60_000);
  }
}

function time(iso: string | null | undefined): number {
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

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
