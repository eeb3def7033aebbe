import { outcomeText, type Outcome } from '@/utils/apply/outcomes';
import { statusText } from '@/utils/apply/status';
import { age } from '@/utils/format';
import type { Application } from '@/utils/apply/stored';
import { problemText } from '@/utils/problem-text';

interface Props {
  app: Application;
  now: number;
  /** What it brought, from the client's later history (an application UpHunt applied). */
  outcome?: Outcome | null;
  onUndo: () => void;
  onCheckNow: () => void;
}

/** What an application brought, with the date of UpHunt's data it was read from. */
export function OutcomeLine({ outcome, now }: { outcome: Outcome; now: number }) {
  return (
    <p aria-label="What it brought">
      <strong>{outcomeText(outcome)}</strong>
      {outcome.dataAt !== null ? ` · UpHunt's data of ${age(outcome.dataAt, now)}` : ''}
    </p>
  );
}

/** Where an application stands, in words, with the one action that fits. */
export function ApplicationStatusView({ app, now, outcome, onUndo, onCheckNow }: Props) {
  const text = statusText(app);
  const seconds = Math.max(0, Math.ceil((app.sendAt - now) / 1000));
  const problem = app.problem ? problemText(app.problem, now) : null;
  // A refusal replaces the next step; any other problem (a failed send or check) is said beside it.
  const refused = app.phase === 'not_sent' && problem;
  const giveUp = app.phase === 'not_sent' && app.problem?.kind === 'rate_limited' ? 'Too many requests: apply again in a while. No credit was used.' : null;
  return (
    <div className={`notice status status-${text.tone}`} role="status" aria-live="polite">
      <strong>{text.title}</strong>
      {app.phase === 'scheduled' && <> — sending in {seconds} s</>}
      {problem && !refused && app.phase !== 'settled' && (
        <p className="problem-line">
          {app.phase === 'queued' ? 'The last status check failed: ' : ''}
          {problem.title}. {problem.body}
        </p>
      )}
      <p>{refused ? `${problem.title}. ${giveUp ?? problem.body}` : text.next}</p>
      {app.creditsRemaining !== null && <p className="muted">{app.creditsRemaining} auto-apply credits left.</p>}
      {outcome && <OutcomeLine outcome={outcome} now={now} />}
      {app.phase === 'scheduled' && (
        <button type="button" onClick={onUndo}>
          Undo
        </button>
      )}
      {(app.phase === 'stalled' || app.phase === 'queued') && (
        <button type="button" onClick={onCheckNow}>
          Check now
        </button>
      )}
    </div>
  );
}
