import { useEffect, useState } from 'react';
import { applicationsLog } from '@/utils/apply/log';
import { results, resultsLine } from '@/utils/apply/results';
import { applyGuards } from '@/utils/apply/guards';
import { lastKnownCredits, latestApplication } from '@/utils/apply/status';
import { isUpworkUrl } from '@/utils/upwork/page';
import { ApplicationStatusView } from './ApplicationStatusView';
import { NewJobsList } from './NewJobsList';
import { proposalFor } from '@/utils/ui/job-view';
import { applyActions, useJobView, usePanel } from '@/utils/ui/panel-store';

interface Props {
  onOpenPanel: () => void;
  /** Options at its watched searches, and at its results. */
  onOpenWatches: () => void;
  onOpenResults: () => void;
}

/** The popup's one line of results: what the last 30 days of applications brought, a link to the rest. */
function ResultsLine({ now, onOpenResults }: { now: number; onOpenResults: () => void }) {
  const { applications, appliedRemoteItems, outcomes } = usePanel();
  const entries = applicationsLog(applications, appliedRemoteItems, outcomes);
  if (!entries.some((entry) => entry.applied)) return null;
  return (
    <p className="muted">
      <button type="button" className="link" onClick={onOpenResults}>
        {resultsLine(results(entries, '30', now), '30')}
      </button>
    </p>
  );
}

/** The popup: this tab's job and client in two lines, and one button that applies with the defaults. */
export function QuickApply({ onOpenPanel, onOpenWatches, onOpenResults }: Props) {
  const panel = usePanel();
  const { tabUrl } = panel;
  const [now, setNow] = useState(() => Date.now());
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const view = useJobView();
  const { current, score } = view;

  if (!current?.ciphertext) {
    const hidden = panel.hiddenReasons;
    const reasons = [...new Set(hidden)].map((reason) => `${hidden.filter((r) => r === reason).length} × ${reason}`);
    return (
      <main className="popup">
        {hidden.length > 0 && (
          <p role="status">
            {hidden.length} job{hidden.length === 1 ? '' : 's'} hidden on this page by your list rules: {reasons.join(', ')}.
          </p>
        )}
        <p>{tabUrl && isUpworkUrl(tabUrl) ? 'No job in this tab.' : 'This tab is not an Upwork job.'} Open a job to apply to it.</p>
        <button type="button" onClick={onOpenPanel}>
          Open side panel
        </button>
        <NewJobsList jobs={panel.newJobs} now={now} limit={5} onOpenOptions={onOpenWatches} />
        <ResultsLine now={now} onOpenResults={onOpenResults} />
      </main>
    );
  }
  const ciphertext = current.ciphertext;
  const job = view.job;
  const { proposal } = proposalFor({ ...view, ciphertext }, panel, panel.draft ?? null);
  const guards = applyGuards({
    ciphertext,
    companyId: current.companyId,
    now,
    hasKey: panel.hasUpHuntKey,
    keyRejected: panel.freelancers?.problem?.kind === 'unauthorized',
    applications: panel.applications,
    appliedRemotely: panel.appliedRemotely,
    creditsRemaining: lastKnownCredits(panel.applications),
    recentClientDays: panel.applySettings.recentClientDays,
    jobStatus: job?.status ?? null,
    score,
  });
  const blocks = guards.filter((g) => g.level === 'block');
  const confirms = guards.filter((g) => g.level === 'confirm');
  const app = latestApplication(panel.applications, ciphertext);

  const apply = async () => {
    if (confirms.length && !confirming) return setConfirming(true);
    setConfirming(false);
    setError(null);
    await applyActions.apply(proposal).catch((e: unknown) => setError(`Could not queue the application: ${String(e)}`));
  };

  return (
    <main className="popup">
      <p className="popup-job">
        <strong>{proposal.jobTitle ?? ciphertext}</strong>
        <br />
        <span className="muted">
          {proposal.clientName ?? 'Client unknown'}
          {score ? ` · score ${score.score}/100` : ''}
        </span>
      </p>
      {app && <ApplicationStatusView app={app} now={now} onUndo={() => applyActions.undo(app.id)} onCheckNow={() => applyActions.checkNow(app.id)} />}
      {blocks.map((g) => (
        <p key={g.id} className="error-text">
          {g.text}
        </p>
      ))}
      {confirming &&
        confirms.map((g) => (
          <p key={g.id} className="warn-text">
            ⚑ {g.text}
          </p>
        ))}
      {error && <p className="error-text">{error}</p>}
      <div className="actions">
        <button type="button" className="primary" disabled={blocks.length > 0 || proposal.coverLetter.trim() === ''} onClick={() => void apply()}>
          {confirming ? 'Apply anyway' : 'Quick apply'}
        </button>
        <button type="button" onClick={onOpenPanel}>
          Open side panel
        </button>
      </div>
      <p className="muted">
        {proposal.freelancerName ? `As ${proposal.freelancerName}` : "As UpHunt's default profile"}
        {proposal.hourlyRate ? ` · $${proposal.hourlyRate}/hr` : ''} · letter from {panel.draft ? 'your draft' : 'your template'}
      </p>
      <ResultsLine now={now} onOpenResults={onOpenResults} />
    </main>
  );
}
