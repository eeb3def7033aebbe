/**
 * What is at stake before applying: the Connects the job costs against the hire odds the client's own record
 * gives, with the reasons named ("20 Connects · hire odds low: hires on 4% of the jobs they posted; open 3 times
 * at once"). From what is already held: the client's history, its open jobs, the page's activity. Pure.
 */
import { REPOSTED_WITHIN_DAYS, repostFlags, sameJob, type RepostFlag } from '../lists/reposts';
import type { ClientJobs } from '../uphunt/schemas';
import type { PageFacts } from '../upwork/page-facts';
import type { ClientMetrics } from './judgement';

const DAY = 86_400_000;
/** Not viewed by the client for this long: the job is likely left alone. */
const UNVIEWED_DAYS = 3;

export type HireOdds = 'low' | 'fair' | 'good' | 'unknown';

export interface Stake {
  connects: number | null;
  odds: HireOdds;
  /** Why the odds are low, in words, most telling first. */
  reasons: string[];
}

export interface StakeInput {
  jobTitle: string | null;
  connects: number | null;
  metrics: ClientMetrics | null;
  data: ClientJobs | null;
  facts: PageFacts | null;
  now: number;
}

export function stakeOf({ jobTitle, connects, metrics, data, facts, now }: StakeInput): Stake {
  const reasons: string[] = [];
  const rate = metrics?.hireRate ?? null;
  if (rate !== null && (metrics?.jobsPosted ?? 0) >= 3 && rate < 0.25) reasons.push(`hires on ${Math.round(rate * 100)}% of the jobs they posted`);
  // The client's repost flags (lists/reposts.ts), where they name this job; many open jobs and few hires, whatever the job.
  const flags = data ? repostFlags(data, now) : [];
  const thisJob = (flag: RepostFlag) => jobTitle !== null && flag.jobs.some((title) => sameJob(title, jobTitle));
  const reposted = flags.find((flag) => flag.id === 'reposted' && thisJob(flag));
  if (reposted) reasons.push(`open ${reposted.jobs.length} times at once`);
  if (flags.some((flag) => flag.id === 'reposted-after-contract' && thisJob(flag)))
    reasons.push(`posted again within ${REPOSTED_WITHIN_DAYS} days of a contract for it ending`);
  const ghost = flags.find((flag) => flag.id === 'ghost');
  if (ghost) reasons.push(ghost.text);
  if (facts?.activity.proposals === '50+') reasons.push('50+ proposals already');
  const viewedAt = facts?.activity.lastViewedAt ?? null;
  if (viewedAt !== null && now - viewedAt >= UNVIEWED_DAYS * DAY) reasons.push(`not viewed by the client for ${Math.floor((now - viewedAt) / DAY)} days`);
  const odds: HireOdds = reasons.length > 0 ? 'low' : rate === null ? 'unknown' : rate >= 0.6 ? 'good' : 'fair';
  return { connects, odds, reasons };
}

/** "20 Connects · hire odds low: hires on 4% of the jobs they posted; open 3 times at once". */
export function stakeText({ connects, odds, reasons }: Stake): string | null {
  if (connects === null && odds === 'unknown') return null;
  const cost = connects === null ? 'Connects not shown' : `${connects} Connect${connects === 1 ? '' : 's'}`;
  const chance = odds === 'unknown' ? 'hire odds unknown' : `hire odds ${odds}${reasons.length ? `: ${reasons.join('; ')}` : ''}`;
  return `${cost} · ${chance}`;
}
