import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { ApplicationsLog } from '@/components/ApplicationsLog';
import { NewJobsList } from '@/components/NewJobsList';
import { ApplyForm } from '@/components/ApplyForm';
import { applicationsLog } from '@/utils/apply/log';
import { ClientPanel } from '@/components/ClientPanel';
import { budgetText } from '@/components/JobDetails';
import { JobEnrichment } from '@/components/JobEnrichment';
import { PageFactsView } from '@/components/PageFacts';
import { StakeLine } from '@/components/StakeLine';
import { stakeOf } from '@/utils/client/stake';
import { enrichStatus, spending } from '@/utils/enrichment/price';
import { CLIENT_JOBS_TTL_MS } from '@/utils/client/lookup';
import { isUpworkUrl } from '@/utils/upwork/page';
import { openOptionsAt } from '@/utils/panel';
import { applyActions, cancelEnrich, enrich, lookup, lookupUrl, refreshCredits, useJobView, usePanel } from '@/utils/ui/panel-store';

export function App() {
  const panel = usePanel();
  const { tabId, tabUrl, state, entry, enrichment, row, settings, hasMindcaseKey, credits } = panel;
  const counting =
    state?.problem?.kind === 'rate_limited' ||
    panel.freelancers?.problem?.kind === 'rate_limited' ||
    panel.applications.some((a) => a.phase === 'scheduled' || a.problem?.kind === 'rate_limited');
  const now = useNow(counting ? 1000 : 15_000);

  // A run that just finished spent credits: show the new balance.
  const rowTime = row?.storedAt;
  useEffect(() => {
    if (rowTime !== undefined && hasMindcaseKey) void refreshCredits();
  }, [rowTime, hasMindcaseKey]);

  const onUpwork = tabUrl !== null && isUpworkUrl(tabUrl);
  const { current, data, metrics, score, job, jobTitle, jobType, jobSkills, clientName, history, bidRange, connects } = useJobView();
  const openOptions = () => openOptionsAt('keys');

  const jobSection = current?.ciphertext ? (
    <>
      <StakeLine stake={stakeOf({ jobTitle, connects, metrics, data, facts: current.facts, now })} />
      {current.facts && <PageFactsView facts={current.facts} now={now} />}
      <JobEnrichment
        pageActivity={current.facts?.activity ?? null}
        status={enrichStatus(current.ciphertext, enrichment, row)}
        hasKey={hasMindcaseKey}
        credits={credits}
        rowNote={enrichment.rowNotes[current.ciphertext] ?? null}
        creditsProblem={panel.creditsProblem}
        spentUsd={spending(enrichment, now).spentUsd}
        capUsd={settings.monthlyCapUsd}
        now={now}
        onEnrich={() => void enrich()}
        onCancel={() => void cancelEnrich()}
        onOpenOptions={openOptions}
      />
      {panel.draft !== undefined && (
        <ApplyForm
          key={current.ciphertext}
          ciphertext={current.ciphertext}
          jobTitle={jobTitle}
          jobType={jobType}
          jobSkills={jobSkills}
          jobStatus={job?.status ?? null}
          budget={job ? budgetText(job) : null}
          companyId={current.companyId}
          clientName={clientName}
          account={current.account}
          metrics={metrics}
          bidRange={bidRange}
          connects={connects}
          score={score}
          history={history}
          outcome={panel.outcomes[current.ciphertext] ?? null}
          freelancers={panel.freelancers}
          settings={panel.applySettings}
          lastProfileId={panel.lastProfileId}
          applications={panel.applications}
          appliedRemotely={panel.appliedRemotely}
          appliedProblem={panel.appliedProblem}
          draft={panel.draft}
          hasKey={panel.hasUpHuntKey}
          now={now}
          onRefreshFreelancers={applyActions.refreshFreelancers}
          onGenerate={(profileId) => applyActions.generate(current.ciphertext!, profileId)}
          onSaveDraft={(draft) => applyActions.saveDraft(current.ciphertext!, draft)}
          onApply={applyActions.apply}
          onUndo={applyActions.undo}
          onCheckNow={applyActions.checkNow}
          onOpenOptions={openOptions}
        />
      )}
    </>
  ) : null;

  return (
    <main>
      <ClientPanel
        tabUrl={tabUrl}
        onUpwork={tabId === null || onUpwork}
        state={current}
        entry={entry}
        stale={entry !== null && now - entry.storedAt > CLIENT_JOBS_TTL_MS}
        now={now}
        onRefresh={() => void lookup(true)}
        onRetry={() => void lookup(false)}
        onFindClient={() => void lookup(false, true)}
        onOpenOptions={openOptions}
        onPasteUrl={lookupUrl}
        jobSection={jobSection}
      />
      {!current?.ciphertext && <NewJobsList jobs={panel.newJobs} now={now} limit={30} onOpenOptions={() => openOptionsAt('watches')} />}
      <ApplicationsLog
        entries={applicationsLog(panel.applications, panel.appliedRemoteItems, panel.outcomes)}
        now={now}
        onOpenResults={() => openOptionsAt('results')}
      />
      {tabId !== null && onUpwork && !new URLSearchParams(location.search).has('tabId') && (
        <p className="muted">
          <a href={browser.runtime.getURL(`/sidepanel.html?tabId=${tabId}`)} target="_blank" rel="noreferrer">
            Open in a tab
          </a>
        </p>
      )}
    </main>
  );
}

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
