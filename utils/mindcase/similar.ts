/**
 * A similar job of a Mindcase row, as seed 002 shows it: a `FIXED` job's budget is `amount.amount`, an `HOURLY`
 * job's its hourly range (`hourlyBudgetMin`/`Max`, sent as 0 on fixed jobs too); 0 means "not given". Skills
 * come as `ontologySkills[].prefLabel` (older rows: `skills`). Pure.
 */
import { money } from '../format';
import type { SimilarJob } from './schemas';

const given = (value: number | null | undefined): number | null => (typeof value === 'number' && value > 0 ? value : null);

export function similarBudget(job: SimilarJob): string | null {
  const fixed = given(typeof job.amount === 'number' ? job.amount : job.amount?.amount);
  const [min, max] = [given(job.hourlyBudgetMin), given(job.hourlyBudgetMax)];
  const hourly = min && max ? `$${min}–${max}/hr` : min ? `from $${min}/hr` : max ? `up to $${max}/hr` : null;
  if (job.type === 'FIXED') return fixed ? `${money(fixed)} fixed` : 'Fixed price, budget not given';
  if (job.type === 'HOURLY') return hourly ?? 'Hourly, range not given';
  return hourly ?? (fixed ? `${money(fixed)} fixed` : null);
}

export function similarSkills(job: SimilarJob): string[] {
  const all = [...(job.ontologySkills ?? []), ...(job.skills ?? [])].map((s) => (typeof s === 'string' ? s : s.prefLabel));
  return [...new Set(all.filter((s): s is string => !!s))];
}
