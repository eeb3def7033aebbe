import type { CacheEntry } from '@/utils/cache';
import type { TabState } from '@/utils/client/stored';
import type { ClientJobs } from '@/utils/uphunt/schemas';
import { useDeferredValue, useEffect, useMemo, type ReactNode } from 'react';
import { mark } from '@/utils/bench';
import { pageClient } from '@/utils/client/page-client';
import { repostFlags } from '@/utils/lists/reposts';
import { clientMetrics } from '@/utils/client/judgement';
import { rateHistogram, spendingByQuarter } from '@/utils/client/charts';
import { clientScore } from '@/utils/client/score';
import { ClientFigures } from './ClientFigures';
import { RateChart, SpendingChart } from './Charts';
import { ClientSummary } from './ClientSummary';
import { OpenJobs } from './OpenJobs';
import { PasteJobUrl } from './PasteJobUrl';
import { ProblemView } from './ProblemView';
import { ScoreCard } from './ScoreCard';
import { WorkHistory } from './WorkHistory';

export interface ClientPanelProps {
  /** The URL of the tab the panel follows; null while unknown. */
  tabUrl: string | null;
  onUpwork: boolean;
  state: TabState | null;
  entry: CacheEntry<ClientJobs> | null;
  stale: boolean;
  now: number;
  onRefresh: () => void;
  onRetry: () => void;
  /** Asks UpHunt about more of the client's jobs the page names (Find the client). */
  onFindClient: () => void;
  onOpenOptions: () => void;
  /** Shows the job of a pasted URL; answers why not when it cannot. */
  onPasteUrl: (url: string) => Promise<string | null>;
  /** The job's own section (Mindcase details), placed after the client's figures. */
  jobSection?: ReactNode;
}

export function ClientPanel(props: ClientPanelProps) {
  const { state, entry, now } = props;
  const client = state?.client ?? null;
  const fromPage = useMemo(() => pageClient(client), [client]);
  if (!props.onUpwork) return <NotOnUpwork />;
  if (!state || state.status === 'resolving' || (state.status === 'loading' && !entry)) return <Loading />;
  if (state.status === 'no-job') {
    return (
      <section className="notice">
        <h1>No job on this page</h1>
        <p>Open a job on Upwork (a job page or a job from search or your feed) to see its client's history here, or paste a job's URL.</p>
        <PasteJobUrl onSubmit={props.onPasteUrl} />
      </section>
    );
  }
  if (state.status === 'unreadable') {
    return (
      <section className="notice" role="alert">
        <h1>Could not read this page</h1>
        <p>This page should show a job, but the extension found none in it: Upwork may have changed its pages. Paste the job's URL to see its client.</p>
        <PasteJobUrl onSubmit={props.onPasteUrl} />
      </section>
    );
  }
  if ((state.status === 'unknown-job' || state.status === 'no-history') && fromPage) {
    // UpHunt has nothing yet, but the page itself describes the client: show that, judged by the same rules.
    return (
      <>
        <section className="notice" role="status">
          <p>
            {state.status === 'unknown-job'
              ? "UpHunt has not archived this job or the client's other jobs yet, so it has no history of this client."
              : 'UpHunt has no history of this client yet.'}{' '}
            Below is what the Upwork page says about them.
          </p>
          <button type="button" onClick={props.onRefresh}>
            Check UpHunt again
          </button>
          <FindClient asked={state.asked} onFind={props.onFindClient} />
        </section>
        <ClientHistory
          entry={{ value: fromPage, storedAt: state.updatedAt }}
          source="upwork-page"
          ciphertext={state.ciphertext}
          paymentVerified={fromPage.paymentVerified ?? state.paymentVerified}
          stale={false}
          now={now}
          refreshing={false}
          onRefresh={props.onRefresh}
          jobSection={props.jobSection}
        />
      </>
    );
  }
  if (state.status === 'unknown-job') {
    return (
      <>
        <section className="notice">
          <h1>UpHunt does not know this job yet</h1>
          <p>UpHunt has not archived this job, so its client could not be identified. Try again later.</p>
          <button type="button" onClick={props.onRefresh}>
            Retry
          </button>
          <FindClient asked={state.asked} onFind={props.onFindClient} />
        </section>
        {props.jobSection}
      </>
    );
  }
  if (state.status === 'no-history') {
    return (
      <>
        <section className="notice">
          <h1>No history of this client yet</h1>
          <p>UpHunt has no archived job of this client, so there is no work history to show. A client new to Upwork looks like this too.</p>
          <button type="button" onClick={props.onRefresh}>
            Check again
          </button>
        </section>
        {props.jobSection}
      </>
    );
  }
  return (
    <>
      {state.status === 'error' && state.problem && (
        <ProblemView problem={state.problem} now={now} onRetry={props.onRetry} onOpenOptions={props.onOpenOptions} />
      )}
      {entry && state.companyId === entry.value.companyId && (
        <ClientHistory
          entry={entry}
          source="uphunt"
          ciphertext={state.ciphertext}
          paymentVerified={state.paymentVerified}
          stale={props.stale}
          now={now}
          refreshing={state.status === 'loading'}
          onRefresh={props.onRefresh}
          jobSection={props.jobSection}
        />
      )}
      {!(entry && state.companyId === entry.value.companyId) && props.jobSection}
    </>
  );
}

interface HistoryProps {
  entry: CacheEntry<ClientJobs>;
  /** Where the record comes from: UpHunt's archive, or the Upwork page alone. */
  source: 'uphunt' | 'upwork-page';
  ciphertext: string | null;
  paymentVerified: boolean | null;
  stale: boolean;
  now: number;
  refreshing: boolean;
  onRefresh: () => void;
  jobSection?: ReactNode;
}

function ClientHistory({ entry, source, ciphertext, paymentVerified, stale, now, refreshing, onRefresh, jobSection }: HistoryProps) {
  const data = entry.value;
  // Judged against the day the data was fetched, so the figures do not shift while the panel stays open.
  const metrics = useMemo(() => clientMetrics(data, entry.storedAt), [data, entry.storedAt]);
  const score = useMemo(() => clientScore(metrics), [metrics]);
  const reposts = useMemo(() => repostFlags(data, entry.storedAt), [data, entry.storedAt]);
  // Who the client is paints first; the charts, open jobs and the history table follow in a background render,
  // so switching jobs shows the name and score at once. Until then, nothing of another client shows.
  const deferred = useDeferredValue<ClientJobs | null>(data, null);
  const details = deferred === data ? data : null;
  const periods = useMemo(() => (details ? spendingByQuarter(details.workHistory) : []), [details]);
  // The bench measures navigation → client shown from this mark (bench builds only).
  useEffect(() => mark('client-shown', { ciphertext, companyId: data.companyId }), [ciphertext, data.companyId]);
  return (
    <article aria-label="Client history">
      <ClientSummary
        data={data}
        source={source}
        paymentVerified={paymentVerified}
        fetchedAt={entry.storedAt}
        stale={stale}
        now={now}
        refreshing={refreshing}
        onRefresh={onRefresh}
      />
      <ScoreCard result={score} reposts={reposts} />
      <ClientFigures m={metrics} />
      {details && details.workHistory.length > 0 && (
        <div className="charts">
          <SpendingChart periods={periods} />
          <RateChart bins={rateHistogram(metrics.hourlyRates)} />
        </div>
      )}
      {jobSection}
      {details && (
        <>
          <OpenJobs jobs={details.openJobs} currentCiphertext={ciphertext} />
          <WorkHistory
            items={details.workHistory}
            archivedCiphers={details.archivedCiphers}
            archivedJobIds={details.archivedJobIds}
            clientName={details.buyer?.company?.name ?? 'client'}
          />
        </>
      )}
    </article>
  );
}

/**
 * How many of the client's jobs the page names UpHunt was asked about (a few a view, the most likely archived
 * first), and a button to ask about more of them at once.
 */
function FindClient({ asked, onFind }: { asked: TabState['asked']; onFind: () => void }) {
  if (!asked || asked.of <= 1) return null;
  const all = asked.asked >= asked.of;
  return (
    <p role="note">
      Asked UpHunt about {asked.asked} of this client's {asked.of} jobs{all ? ': none is archived yet.' : '.'}{' '}
      {!all && (
        <button type="button" onClick={onFind}>
          Find the client
        </button>
      )}
    </p>
  );
}

function Loading() {
  return (
    <section aria-busy="true" aria-label="Loading the client's history" className="skeleton">
      <div className="skeleton-line wide" />
      <div className="skeleton-line" />
      <div className="skeleton-grid">
        <div />
        <div />
        <div />
        <div />
      </div>
      <div className="skeleton-line wide" />
      <div className="skeleton-line wide" />
    </section>
  );
}

function NotOnUpwork() {
  return (
    <section className="notice">
      <h1>Open a job on Upwork</h1>
      <p>This panel shows the client behind an Upwork job: what they spent, whom they hired, how they rate and are rated.</p>
      <p>
        <a href="https://www.upwork.com/nx/find-work/" target="_blank" rel="noreferrer">
          Go to Upwork
        </a>
      </p>
    </section>
  );
}
