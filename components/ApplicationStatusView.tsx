import { statusText, type Application } from '@/utils/apply';
import { problemText } from '@/utils/problem-text';

interface Props {
  app: Application;
  now: number;
  onUndo: () => void;
  onCheckNow: () => void;
}

/** Where an application stands, in words, with the one action that fits. */
export function ApplicationStatusView({ app, now, onUndo, onCheckNow }: Props) {
  const text = statusText(app);
  const seconds = Math.max(0, Math.ceil((app.sendAt - now) / 1000));
  const problem = app.phase === 'not_sent' && app.problem ? problemText(app.problem, now) : null;
  return (
    <div className={`notice status status-${text.tone}`} role="status" aria-live="polite">
      <strong>{text.title}</strong>
      {app.phase === 'scheduled' && <> — sending in {seconds} s</>}
      <p>{problem ? `${problem.title}. ${problem.body}` : text.next}</p>
      {app.creditsRemaining !== null && <p className="muted">{app.creditsRemaining} auto-apply credits left.</p>}
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
