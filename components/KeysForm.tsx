import { isRetiredKey } from '@/utils/uphunt/api';
import { problemText } from '@/utils/problem-text';
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { ApiService as Service } from '@/utils/problem';
import type { ConnectionResult } from '@/utils/diagnostics/background';
import type { Keys } from '@/utils/keys';

interface Props {
  /** The last four characters of each saved key ('' when none): the keys themselves never reach the page. */
  loadEndings: () => Promise<Keys>;
  /** Saves the keys typed; an empty field keeps the saved key. */
  save: (typed: Keys) => Promise<void>;
  forget: () => Promise<void>;
  test: (service: Service) => Promise<ConnectionResult>;
}

type Status = { kind: 'idle' } | { kind: 'busy'; text: string } | { kind: 'done'; ok: boolean; text: string };

const EMPTY: Keys = { uphunt: '', mindcase: '' };
const KEY_FIELDS: Array<{ key: keyof Keys; label: string; placeholder: string }> = [
  { key: 'uphunt', label: 'UpHunt API key', placeholder: 'sk_uphunt_…' },
  { key: 'mindcase', label: 'Mindcase API key', placeholder: 'mk_live_… (optional: paid job details)' },
];

export function KeysForm({ loadEndings, save, forget, test }: Props) {
  const [endings, setEndings] = useState<Keys | null>(null);
  const [typed, setTyped] = useState<Keys>(EMPTY);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const reload = useCallback(
    () =>
      loadEndings()
        .then(setEndings)
        .catch((error: unknown) => setStatus({ kind: 'done', ok: false, text: `Could not read the saved keys: ${String(error)}` })),
    [loadEndings],
  );
  useEffect(() => void reload(), [reload]);

  if (!endings) return <p aria-busy="true">Loading…</p>;
  const dirty = typed.uphunt.trim() !== '' || typed.mindcase.trim() !== '';

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (isRetiredKey(typed.uphunt)) {
      // Kept in the field: the user may have pasted the wrong one of two keys.
      const { title, body } = problemText({ service: 'UpHunt', kind: 'retired_key', status: null, detail: '', retryAt: null }, Date.now());
      setStatus({ kind: 'done', ok: false, text: `Not saved. ${title}: ${body}` });
      return;
    }
    setStatus({ kind: 'busy', text: 'Saving…' });
    try {
      await save({ uphunt: typed.uphunt.trim(), mindcase: typed.mindcase.trim() });
      setTyped(EMPTY);
      await reload();
      setStatus({ kind: 'done', ok: true, text: 'Saved.' });
    } catch (error) {
      setStatus({ kind: 'done', ok: false, text: `Not saved: ${String(error)}` });
    }
  };

  const onForget = async () => {
    await forget();
    setTyped(EMPTY);
    await reload();
    setStatus({ kind: 'done', ok: true, text: 'Keys forgotten: nothing is sent to UpHunt or Mindcase until you paste new ones.' });
  };

  const onTest = async (service: Service) => {
    setStatus({ kind: 'busy', text: `Asking ${service}…` });
    try {
      const result = await test(service);
      setStatus({ kind: 'done', ok: result.ok, text: result.message });
    } catch (error) {
      setStatus({ kind: 'done', ok: false, text: `The extension's background did not answer: ${String(error)}` });
    }
  };

  const savedLine = (ending: string) => (ending ? `Saved key ends in …${ending}. Paste a new key to replace it.` : 'No key saved.');
  return (
    <form onSubmit={(event) => void onSubmit(event)} aria-label="API keys" aria-describedby="keys-status">
      {KEY_FIELDS.map(({ key, label, placeholder }) => (
        <KeyField
          key={key}
          label={label}
          placeholder={placeholder}
          value={typed[key]}
          saved={savedLine(endings[key])}
          onChange={(value) => setTyped({ ...typed, [key]: value })}
        />
      ))}
      <div className="actions" style={{ marginTop: 12 }}>
        <button type="submit" disabled={status.kind === 'busy' || !dirty}>
          Save
        </button>
        <button type="button" disabled={status.kind === 'busy' || dirty || !endings.uphunt} onClick={() => void onTest('UpHunt')}>
          Test connection
        </button>
        <button type="button" disabled={status.kind === 'busy' || dirty || !endings.mindcase} onClick={() => void onTest('Mindcase')}>
          Test Mindcase
        </button>
        <button type="button" disabled={status.kind === 'busy' || (!endings.uphunt && !endings.mindcase)} onClick={() => void onForget()}>
          Forget keys
        </button>
      </div>
      <p id="keys-status" role="status" className={status.kind === 'done' && !status.ok ? 'error-text' : undefined}>
        {status.kind === 'idle' ? (dirty ? 'Unsaved changes: Save before testing.' : '') : status.text}
      </p>
    </form>
  );
}

interface KeyFieldProps {
  label: string;
  placeholder: string;
  value: string;
  /** What is saved now, in words (the key's last characters, never the key). */
  saved: string;
  onChange: (value: string) => void;
}

function KeyField({ label, placeholder, value, saved, onChange }: KeyFieldProps) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="password"
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={`${id}-saved`}
      />
      <p id={`${id}-saved`} className="muted">
        {saved}
      </p>
    </>
  );
}
