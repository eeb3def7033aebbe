import { useId, useState, type FormEvent } from 'react';

/** For a page the extension could not read (or one without a job): the user names the job instead. */
export function PasteJobUrl({ onSubmit }: { onSubmit: (url: string) => Promise<string | null> }) {
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = await onSubmit(url).catch((e: unknown) => `The extension did not answer: ${String(e)}`);
    setError(problem);
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-label="Show a job by its URL">
      <label htmlFor={id}>Job URL</label>
      <input
        id={id}
        type="text"
        placeholder="https://www.upwork.com/jobs/~02…"
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        aria-invalid={error !== null}
      />
      {error && <p className="error-text">{error}</p>}
      <div className="actions" style={{ marginTop: 8 }}>
        <button type="submit" disabled={url.trim() === ''}>
          Show this job
        </button>
      </div>
    </form>
  );
}
