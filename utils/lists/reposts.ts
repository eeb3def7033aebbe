/**
 * Reposted and ghost jobs, from the UpHunt history already fetched (no call of its own): the same or nearly the
 * same title open more than once at the same time; many open jobs and few hires; a job posted again soon after a
 * contract for it ended. Each names the jobs behind it. Pure.
 */
import type { ClientJobs } from '../uphunt/schemas';

const DAY = 86_400_000;
/** A contract that ended this recently, then the same job posted again: the freelancer did not last. */
export const REPOSTED_WITHIN_DAYS = 30;

export interface RepostFlag {
  id: 'reposted' | 'ghost' | 'reposted-after-contract';
  text: string;
  /** The jobs or contracts behind it, by title. */
  jobs: string[];
}

function words(title: string): Set<string> {
  return new Set(
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .split(' ')
      .filter((w) => w.length > 1),
  );
}

/** The same or nearly the same title: at least 80% of the words in common (Jaccard). */
export function sameJob(a: string, b: string): boolean {
  const [x, y] = [words(a), words(b)];
  if (x.size === 0 || y.size === 0) return false;
  const common = [...x].filter((w) => y.has(w)).length;
  return common / (x.size + y.size - common) >= 0.8;
}

export function repostFlags(data: ClientJobs, now: number): RepostFlag[] {
  const flags: RepostFlag[] = [];
  const open = data.openJobs.map((job) => job.title);

  // One title open more than once at the same time: a repost, even when an older contract for it exists.
  const groups: string[][] = [];
  for (const title of open) {
    const group = groups.find((g) => sameJob(g[0]!, title));
    if (group) group.push(title);
    else groups.push([title]);
  }
  for (const group of groups) {
    if (group.length >= 2) flags.push({ id: 'reposted', text: `Open ${group.length} times at once: "${group[0]}"`, jobs: group });
  }

  const hires = data.buyer?.stats?.totalAssignments ?? data.workHistory.length;
  if (open.length >= 5 && hires <= Math.floor(open.length / 5))
    flags.push({ id: 'ghost', text: `${open.length} open jobs and ${hires} hire${hires === 1 ? '' : 's'} in all`, jobs: open });

  const again = data.workHistory.flatMap((item) => {
    const ended = Date.parse(item.endDate ?? '');
    const title = item.jobInfo.title ?? '';
    if (!title || !Number.isFinite(ended) || now - ended > REPOSTED_WITHIN_DAYS * DAY || ended > now) return [];
    return open.some((o) => sameJob(o, title)) ? [{ title, days: Math.max(0, Math.round((now - ended) / DAY)) }] : [];
  });
  if (again.length > 0)
    flags.push({
      id: 'reposted-after-contract',
      text: `Posted again within ${Math.max(...again.map((a) => a.days), 1)} days of a contract for it ending`,
      jobs: again.map((a) => a.title),
    });
  return flags;
}
