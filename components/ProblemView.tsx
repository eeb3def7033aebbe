import type { Problem } from '@/utils/problem';
import { problemText } from '@/utils/problem-text';

interface Props {
  problem: Problem;
  now: number;
  onRetry: () => void;
  onOpenOptions: () => void;
}

export function ProblemView({ problem, now, onRetry, onOpenOptions }: Props) {
  const text = problemText(problem, now);
  return (
    <section className="notice notice-error" role="alert" aria-labelledby="problem-title">
      <h2 id="problem-title">{text.title}</h2>
      <p>{text.body}</p>
      <div className="actions">
        {text.action === 'options' && (
          <button type="button" onClick={onOpenOptions}>
            Open Options
          </button>
        )}
        {text.action === 'retry' && (
          <button type="button" onClick={onRetry}>
            Retry
          </button>
        )}
      </div>
    </section>
  );
}
