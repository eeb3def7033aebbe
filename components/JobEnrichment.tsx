import type { EnrichStatus } from '@/utils/enrichment/price';
import { PRICE_PER_ROW_USD } from '@/utils/enrichment/price';
import type { Problem } from '@/utils/problem';
import { problemText } from '@/utils/problem-text';
import { ProblemView } from './ProblemView';
import { JobDetails } from './JobDetails';
import type { PageFacts } from '@/utils/upwork/page-facts';

export interface JobEnrichmentProps {
  status: EnrichStatus;
  hasKey: boolean;
  /** What the Upwork page already shows of the client's activity on the job: Mindcase adds what it lacks. */
  pageActivity?: PageFacts['activity'] | null;
  credits: number | null;
  /** A check of the run that bought this row ("Mindcase returned 1 row for the 2 jobs asked for"). */
  rowNote?: string | null;
  creditsProblem?: Problem | null;
  spentUsd: number;
  capUsd: number;
  now: number;
  onEnrich: () => void;
  onCancel: () => void;
  onOpenOptions: () => void;
}

/** Mindcase job details: shown when bought, with the price and the month's spending before buying. */
export function JobEnrichment(props: JobEnrichmentProps) {
  const { status } = props;
  const pageShowsActivity = props.pageActivity?.proposals != null;
  if (status.kind === 'fresh')
    return (
      <>
        {props.rowNote && (
          <p className="muted" role="note">
            ⚑ {props.rowNote}: see Options → Activity.
          </p>
        )}
        <JobDetails row={status.entry.value} fetchedAt={status.entry.storedAt} now={props.now} pageActivity={props.pageActivity ?? null} />
      </>
    );
  const price = `$${PRICE_PER_ROW_USD.toFixed(3)}`;
  return (
    <section aria-labelledby="enrich-title" className="notice">
      <h2 id="enrich-title">{pageShowsActivity ? 'Job details, skills and similar jobs' : 'Job details, client activity and similar jobs'}</h2>
      {!props.hasKey ? (
        <>
          <p>
            Mindcase can add the job's details, {pageShowsActivity ? 'its skills and qualifications' : "the client's activity on it"} and similar jobs, at $3
            per 1,000 jobs. Add a Mindcase key to use it.
          </p>
          <button type="button" onClick={props.onOpenOptions}>
            Open Options
          </button>
        </>
      ) : status.kind === 'pending' ? (
        <div className="actions" aria-live="polite">
          <p aria-busy="true">Fetching from Mindcase…</p>
          {status.problem && (
            <p className="muted">
              {problemText(status.problem, props.now).title}:{' '}
              {status.starting
                ? 'asking Mindcase whether it started the run, so that it is never bought twice.'
                : `trying again${status.problem.kind === 'rate_limited' ? ' when Mindcase allows' : ''}.`}
            </p>
          )}
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        </div>
      ) : (
        <>
          {status.kind === 'failed' && <ProblemView problem={status.problem} now={props.now} onRetry={props.onEnrich} onOpenOptions={props.onOpenOptions} />}
          <p className="muted">
            Costs {price} (1 job) from your Mindcase wallet ·{' '}
            {props.credits !== null
              ? `${props.credits.toLocaleString('en-US')} credits left`
              : props.creditsProblem
                ? `credits unknown (${problemText(props.creditsProblem, props.now).title})`
                : 'credits unknown'}{' '}
            · this month ${props.spentUsd.toFixed(2)} of your ${props.capUsd.toFixed(2)} cap
          </p>
          {(status.kind !== 'failed' || problemText(status.problem, props.now).action !== 'retry') && (
            <button type="button" onClick={props.onEnrich}>
              Enrich ({price})
            </button>
          )}
        </>
      )}
    </section>
  );
}
