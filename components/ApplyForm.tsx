import type { PageFacts } from '@/utils/upwork/page-facts';
import { useEffect, useId, useState } from 'react';
import { COVER_LETTER_LIMIT, startingProposal, suggestRate, TIMELINES } from '@/utils/apply/proposal';
import { applyGuards, type Guard } from '@/utils/apply/guards';
import { lastKnownCredits, latestApplication } from '@/utils/apply/status';
import type { Application } from '@/utils/apply/stored';
import type { ApplyRequest } from '@/utils/apply/request';
import type { ClientMetrics } from '@/utils/client/judgement';
import type { ClientScore } from '@/utils/client/score';
import { retryAtOf } from '@/utils/http';
import type { Problem } from '@/utils/problem';
import type { Draft, ApplySettings, FreelancersEntry, Outcome } from '@/utils/apply/stored';
import type { WorkHistoryItem } from '@/utils/uphunt/schemas';
import { problemText } from '@/utils/problem-text';
import { FreelancerPicker } from './FreelancerPicker';
import { ApplicationStatusView } from './ApplicationStatusView';

export interface ApplyFormProps {
  ciphertext: string;
  jobTitle: string | null;
  jobType: 'HOURLY' | 'FIXED' | null;
  jobSkills: string[];
  jobStatus: string | null;
  budget: string | null;
  companyId: string | null;
  clientName: string | null;
  /** The Upwork account the page is browsed with, when the page says. */
  account: 'agency' | 'freelancer' | 'client' | null;
  metrics: ClientMetrics | null;
  /** The Connects the Upwork page asks for this job (recorded with the application). */
  connects?: number | null;
  /** The bids so far on an hourly job, from the Upwork page (the rate advice says them). */
  bidRange?: PageFacts['bidRange'];
  score: ClientScore | null;
  history: WorkHistoryItem[];
  /** What an application to this job brought, as last read from the client's UpHunt history. */
  outcome: Outcome | null;
  freelancers: FreelancersEntry | null;
  settings: ApplySettings;
  lastProfileId: string | null;
  applications: Application[];
  appliedRemotely: string[];
  /** Why UpHunt's list of applied jobs could not be checked. */
  appliedProblem: Problem | null;
  draft: Draft | null;
  hasKey: boolean;
  now: number;
  onRefreshFreelancers: () => void;
  onGenerate: (profileId: string | null) => Promise<{ coverLetter: string | null; problem: Problem | null }>;
  onSaveDraft: (draft: Draft) => void;
  onApply: (draft: ApplyRequest) => Promise<Application>;
  onUndo: (id: string) => void;
  onCheckNow: (id: string) => void;
  onOpenOptions: () => void;
}

export function ApplyForm(props: ApplyFormProps) {
  const ids = { profile: useId(), letter: useId(), rate: useId(), timeline: useId() };
  const [profileId, setProfileId] = useState<string | null>(props.draft?.profileId ?? null);
  const [letter, setLetter] = useState<string | null>(props.draft?.coverLetter ?? null);
  // The popup starts from the same proposal for this job: one rule for the freelancer, the letter and the rate.
  const { choices, suggestion, profile, proposal } = startingProposal({
    ...props,
    freelancers: props.freelancers?.value ?? null,
    draft: { profileId, coverLetter: letter },
  });
  const chosenProfileId = proposal.profileId;
  const coverLetter = proposal.coverLetter;
  const rateHint = suggestRate(props.metrics, profile?.hourlyRate ?? null, null, props.bidRange ?? null);
  const [rate, setRate] = useState<string | null>(props.draft?.hourlyRate != null ? String(props.draft.hourlyRate) : null);
  const rateText = rate ?? (rateHint.rate !== null ? String(rateHint.rate) : '');
  const rateValue = rateText.trim() === '' ? null : Number(rateText);
  const rateWarning = suggestRate(props.metrics, profile?.hourlyRate ?? null, rateValue, props.bidRange ?? null).warning;
  const [timeline, setTimeline] = useState<string>(props.draft?.timeline ?? TIMELINES[1]);
  const [generating, setGenerating] = useState<{ busy: boolean; problem: Problem | null }>({ busy: false, problem: null });
  const [confirming, setConfirming] = useState(false);
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);

  const { onSaveDraft } = props;
  // What the user typed is kept per job, so closing the panel or a dead worker loses nothing.
  useEffect(() => {
    if (letter === null && rate === null && profileId === null) return;
    const timer = setTimeout(
      () =>
        onSaveDraft({
          profileId: chosenProfileId,
          coverLetter,
          hourlyRate: rateValue !== null && Number.isFinite(rateValue) ? rateValue : null,
          timeline,
          updatedAt: Date.now(),
        }),
      300,
    );
    return () => clearTimeout(timer);
  }, [letter, rate, profileId, timeline, chosenProfileId, coverLetter, rateValue, onSaveDraft]);

  const current = latestApplication(props.applications, props.ciphertext);
  // A send overdue by seconds means the worker that should send it was stopped: asking wakes a new one.
  const overdue = current?.phase === 'scheduled' && props.now - current.sendAt > 2_000 ? current.id : null;
  const { onCheckNow } = props;
  useEffect(() => {
    if (overdue) onCheckNow(overdue);
  }, [overdue, onCheckNow]);
  const guards: Guard[] = applyGuards({
    ciphertext: props.ciphertext,
    companyId: props.companyId,
    now: props.now,
    hasKey: props.hasKey,
    keyRejected: props.freelancers?.problem?.kind === 'unauthorized',
    applications: props.applications,
    appliedRemotely: props.appliedRemotely,
    creditsRemaining: lastKnownCredits(props.applications),
    recentClientDays: props.settings.recentClientDays,
    jobStatus: props.jobStatus,
    score: props.score,
  });
  const blocks = guards.filter((g) => g.level === 'block');
  const confirms = guards.filter((g) => g.level === 'confirm');
  const hourly = props.jobType !== 'FIXED';
  const rateInvalid = hourly && rateValue !== null && (!Number.isFinite(rateValue) || rateValue <= 0);
  const letterInvalid = coverLetter.trim() === '' || coverLetter.length > COVER_LETTER_LIMIT;
  const noProfiles = props.freelancers?.value !== undefined && props.freelancers?.value !== null && choices.length === 0;
  const disabled = blocks.length > 0 || letterInvalid || rateInvalid || sending || noProfiles;

  const apply = async () => {
    if (confirms.length > 0 && !confirming) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    setSending(true);
    setSendError(null);
    try {
      await props.onApply({
        ciphertext: props.ciphertext,
        jobTitle: props.jobTitle,
        companyId: props.companyId,
        clientName: props.clientName,
        profileId: chosenProfileId,
        freelancerName: profile?.freelancerName ?? null,
        coverLetter,
        hourlyRate: hourly ? rateValue : null,
        timeline: hourly ? timeline : null,
        connects: props.connects ?? null,
      });
    } catch (error) {
      setSendError(`The extension could not queue the application (${String(error)}). Your letter is kept: try again.`);
    } finally {
      setSending(false);
    }
  };

  // Honour Retry-After: Generate waits for the time UpHunt named, counted down by the second (the panel's
  // own clock may tick slowly), so that it comes back on time.
  const waitEndsAt = retryAtOf(generating.problem);
  const [clock, setClock] = useState(() => Date.now());
  useEffect(() => {
    if (waitEndsAt === null) return;
    const timer = setInterval(() => {
      setClock(Date.now());
      if (Date.now() >= waitEndsAt) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [waitEndsAt]);
  const generateWait = waitEndsAt !== null ? Math.max(0, Math.ceil((waitEndsAt - Math.max(clock, props.now)) / 1000)) : 0;
  const generate = async () => {
    setGenerating({ busy: true, problem: null });
    const result = await props.onGenerate(chosenProfileId).catch((error: unknown) => ({
      coverLetter: null,
      problem: { service: 'UpHunt' as const, kind: 'network' as const, status: null, detail: String(error), retryAt: null },
    }));
    if (result.coverLetter) setLetter(result.coverLetter);
    setClock(Date.now());
    setGenerating({ busy: false, problem: result.problem });
  };

  return (
    <section aria-labelledby="apply-title" className="apply">
      <h2 id="apply-title">Apply</h2>
      {props.account && props.account !== 'agency' && (
        <p className="muted">
          Auto-apply sends proposals through your agency (Upwork Agency Plus, with UpHunt's business developer in it). You are browsing Upwork with a{' '}
          {props.account} account, which is fine: UpHunt applies, not this browser.
        </p>
      )}
      {current && (
        <ApplicationStatusView
          app={current}
          now={props.now}
          outcome={current.status === 'applied' ? props.outcome : null}
          onUndo={() => props.onUndo(current.id)}
          onCheckNow={() => props.onCheckNow(current.id)}
        />
      )}
      <div className="field-row">
        <label htmlFor={ids.profile}>Freelancer</label>
        <button type="button" onClick={props.onRefreshFreelancers} aria-label="Refresh the agency's freelancers">
          Refresh
        </button>
      </div>
      {props.appliedProblem && (
        <p className="muted">
          Could not check UpHunt's list of applied jobs ({problemText(props.appliedProblem, props.now).title}). This extension's own log still guards against
          applying twice.
        </p>
      )}
      <FreelancerPicker
        id={ids.profile}
        freelancers={props.freelancers}
        choices={choices}
        chosen={chosenProfileId}
        suggestion={suggestion}
        now={props.now}
        onChoose={setProfileId}
      />

      <div className="field-row">
        <label htmlFor={ids.letter}>Cover letter</label>
        <button type="button" onClick={() => void generate()} disabled={generating.busy || generateWait > 0}>
          {generating.busy ? 'Generating…' : generateWait > 0 ? `Generate (in ${generateWait} s)` : 'Generate'}
        </button>
      </div>
      <textarea id={ids.letter} rows={9} value={coverLetter} onChange={(e) => setLetter(e.target.value)} aria-describedby={`${ids.letter}-count`} />
      <p id={`${ids.letter}-count`} className={coverLetter.length > COVER_LETTER_LIMIT ? 'error-text' : 'muted'}>
        {coverLetter.length.toLocaleString('en-US')} / {COVER_LETTER_LIMIT.toLocaleString('en-US')} characters
      </p>
      {generating.problem && (
        <p className="error-text">
          {problemText(generating.problem, props.now).title}: your letter was kept.
          {generating.problem.kind === 'rate_limited' ? '' : ` ${problemText(generating.problem, props.now).body}`}
        </p>
      )}

      {hourly ? (
        <>
          <label htmlFor={ids.rate}>Hourly rate (USD)</label>
          <input
            id={ids.rate}
            type="text"
            inputMode="decimal"
            className="narrow"
            value={rateText}
            onChange={(e) => setRate(e.target.value)}
            aria-invalid={rateInvalid}
          />
          <p className="muted">{rateHint.reason}</p>
          {rateWarning && <p className="warn-text">⚠ {rateWarning}</p>}
          <label htmlFor={ids.timeline}>Timeline</label>
          <select id={ids.timeline} value={timeline} onChange={(e) => setTimeline(e.target.value)}>
            {TIMELINES.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </>
      ) : (
        <p className="muted">
          Fixed price{props.budget ? `: ${props.budget}` : ''}. UpHunt's auto-apply takes no bid amount for fixed-price jobs, so the proposal goes at the
          client's budget.
        </p>
      )}

      {blocks.map((g) => (
        <p key={g.id} className="error-text">
          {g.text}
        </p>
      ))}
      {confirming && (
        <div className="notice" role="alertdialog" aria-label="Apply anyway?">
          {confirms.map((g) => (
            <p key={g.id}>⚑ {g.text}</p>
          ))}
          <div className="actions">
            <button type="button" onClick={() => void apply()}>
              Apply anyway
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Don't apply
            </button>
          </div>
        </div>
      )}
      {sendError && <p className="error-text">{sendError}</p>}
      {!confirming && (
        <button type="button" className="primary" disabled={disabled} onClick={() => void apply()}>
          {sending ? 'Queuing…' : `Apply${profile ? ` as ${profile.freelancerName}` : ''}`}
        </button>
      )}
      {blocks.some((g) => g.id === 'no-key' || g.id === 'key-rejected') && (
        <button type="button" onClick={props.onOpenOptions}>
          Open Options
        </button>
      )}
    </section>
  );
}
