import { similarBudget, similarSkills } from '@/utils/mindcase/similar';
import type { JobRow, SimilarJob } from '@/utils/mindcase/schemas';
import { age, money, plural } from '@/utils/format';
import { isCiphertext, jobUrl } from '@/utils/upwork/page';
import type { PageFacts } from '@/utils/upwork/page-facts';

const TIER: Record<string, string> = { ENTRY: 'Entry level', ENTRY_LEVEL: 'Entry level', INTERMEDIATE: 'Intermediate', EXPERT: 'Expert' };

/** An hourly range from Mindcase's extendedBudget, whose shape is not published: min/max fields if any. */
function hourlyRange(row: JobRow): string | null {
  const budget = row.extendedBudget;
  if (!budget || typeof budget !== 'object') return null;
  const b = budget as Record<string, unknown>;
  const min = [b.hourlyBudgetMin, b.min, b.hourlyMin].find((v): v is number => typeof v === 'number');
  const max = [b.hourlyBudgetMax, b.max, b.hourlyMax].find((v): v is number => typeof v === 'number');
  return rangeText(min ?? null, max ?? null);
}

function rangeText(min: number | null, max: number | null): string | null {
  if (min !== null && max !== null) return `$${min}–${max}/hr`;
  if (max !== null) return `up to $${max}/hr`;
  if (min !== null) return `from $${min}/hr`;
  return null;
}

export function budgetText(row: JobRow): string {
  return (
    hourlyRange(row) ??
    (typeof row.budget === 'number' && row.budget > 0
      ? `${money(row.budget)} fixed`
      : row.openingInfo?.type === 'HOURLY'
        ? 'Hourly, range not given'
        : 'Budget not given')
  );
}

function skillsOf(row: JobRow) {
  const all = [...(row.sandsData?.ontologySkills ?? []), ...(row.sandsData?.additionalSkills ?? [])];
  const names = (list: typeof all) => list.map((s) => s.prefLabel).filter((name): name is string => !!name);
  return { mandatory: names(all.filter((s) => s.relevance === 'MANDATORY')), nice: names(all.filter((s) => s.relevance !== 'MANDATORY')) };
}

/**
 * `pageActivity`: what the Upwork page already shows of the client's activity (PageFactsView); Mindcase's figures
 * add only what it lacks (the exact number of applicants, the positions, what the page leaves out).
 */
export function JobDetails({
  row,
  fetchedAt,
  now,
  pageActivity = null,
}: {
  row: JobRow;
  fetchedAt: number;
  now: number;
  pageActivity?: PageFacts['activity'] | null;
}) {
  const skills = skillsOf(row);
  const activity = row.clientActivity;
  const qualifications = [
    row.minJobSuccessScore ? `Job Success ${row.minJobSuccessScore}%+` : null,
    row.minUpworkHours ? `${row.minUpworkHours}+ Upwork hours` : null,
    row.englishSkill && row.englishSkill !== 'ANY' ? `English: ${row.englishSkill.toLowerCase()}` : null,
    row.locationCheck || row.localMarket ? 'Location restricted' : null,
    row.risingTalentOk === false ? 'No Rising Talent' : row.risingTalentOk ? 'Rising Talent welcome' : null,
    row.portfolioRequired ? 'Portfolio required' : null,
  ].filter((q): q is string => q !== null);
  const facts: Array<[string, string | null | undefined]> = [
    ['Budget', budgetText(row)],
    ['Experience', row.contractorTier ? (TIER[row.contractorTier] ?? row.contractorTier) : null],
    ['Duration', row.engagementDuration],
    ['Workload', row.workload],
    ['Payment', row.paymentVerified === true ? 'Verified' : row.paymentVerified === false ? 'Not verified' : null],
  ];
  return (
    <section aria-labelledby="job-details-title">
      <h2 id="job-details-title">This job</h2>
      <p className="muted">Mindcase data from {age(fetchedAt, now)}</p>
      <dl className="figures" aria-label="Job facts">
        {facts
          .filter(([, value]) => value)
          .map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      {(skills.mandatory.length > 0 || skills.nice.length > 0) && (
        <p>
          {skills.mandatory.length > 0 && (
            <>
              <strong>Skills required:</strong> {skills.mandatory.join(', ')}
              <br />
            </>
          )}
          {skills.nice.length > 0 && (
            <>
              <strong>Nice to have:</strong> {skills.nice.join(', ')}
            </>
          )}
        </p>
      )}
      <p>
        <strong>Qualifications:</strong> {qualifications.length ? qualifications.join(' · ') : 'none set'}
      </p>
      {activity && (
        <dl className="figures" aria-label="Client activity on this job">
          {(
            [
              ['Applicants', activity.totalApplicants, null],
              ['Interviewing', activity.totalInvitedToInterview, pageActivity?.interviewing],
              ['Invites sent', activity.invitationsSent, pageActivity?.invitesSent],
              ['Unanswered invites', activity.unansweredInvites, pageActivity?.unansweredInvites],
              ['Hired', activity.totalHired, pageActivity?.hired],
              ['Positions', activity.numberOfPositionsToHire, null],
            ] as Array<[string, number | null | undefined, number | null | undefined]>
          )
            .filter(([, , onPage]) => onPage == null)
            .map(([term, value]) => (
              <div key={term}>
                <dt>{term}</dt>
                <dd>{value ?? '—'}</dd>
              </div>
            ))}
          {activity.lastBuyerActivity && !pageActivity?.lastViewed && pageActivity?.lastViewedAt == null && (
            <div>
              <dt>Client last active</dt>
              <dd>{Number.isNaN(Date.parse(activity.lastBuyerActivity)) ? activity.lastBuyerActivity : age(Date.parse(activity.lastBuyerActivity), now)}</dd>
            </div>
          )}
        </dl>
      )}
      {row.description && (
        <details>
          <summary>Description</summary>
          <p className="description">{row.description}</p>
        </details>
      )}
      <SimilarJobs jobs={row.similarJobs ?? []} />
    </section>
  );
}

function SimilarJobs({ jobs }: { jobs: SimilarJob[] }) {
  return (
    <>
      <h2 id="similar-title">Similar jobs ({jobs.length})</h2>
      {jobs.length === 0 ? (
        <p className="muted">Mindcase found no similar jobs.</p>
      ) : (
        <ul className="open-jobs" aria-labelledby="similar-title">
          {jobs.map((job, index) => {
            const skills = similarSkills(job);
            const budget = similarBudget(job);
            return (
              <li key={job.ciphertext ?? job.id ?? index}>
                {job.ciphertext && isCiphertext(job.ciphertext) ? (
                  <a href={jobUrl(job.ciphertext.toLowerCase())} target="_blank" rel="noreferrer">
                    {job.title || 'Untitled job'}
                  </a>
                ) : (
                  <span>{job.title || 'Untitled job'}</span>
                )}
                {budget && <span className="muted"> · {budget}</span>}
                {skills.length > 0 && (
                  <div className="muted">
                    {plural(skills.length, 'skill')}: {skills.join(', ')}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
