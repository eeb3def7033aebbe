/** The client's score out of 100 from its metrics, each factor and red flag said with its reason. Pure. */
import { contractLabel, type ClientMetrics } from './judgement';

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
