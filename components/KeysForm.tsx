import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Service } from '@/utils/http';
import type { ConnectionResult } from '@/utils/messaging';
import type { Keys } from '@/utils/storage';

interface Props {
  load: () => Promise<Keys>;
  save: (keys: Keys) => Promise<void>;
  test: (service: Service) => Promise<ConnectionResult>;
}

type Status = { kind: 'idle' } | { kind: 'busy'; text: string } | { kind: 'done'; ok: boolean; text: string };

export function KeysForm({ load, save, test }: Props) {
  const [keys, setKeys] = useState<Keys | null>(null);
  const [saved, setSaved] = useState<Keys | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const uphuntId = useId();
  const mindcaseId = useId();

  useEffect(() => {
    load()
      .then((value) => {
        setKeys(value);
        setSaved(value);
      })
      .catch((error: unknown) => setStatus({ kind: 'done', ok: false, text: `Could not read the saved keys: ${String(error)}` }));
  }, [load]);

  if (!keys) return <p aria-busy="true">Loading…</p>;
  const dirty = saved === null || keys.uphunt !== saved.uphunt || keys.mindcase !== saved.mindcase;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = { uphunt: keys.uphunt.trim(), mindcase: keys.mindcase.trim() };
    setStatus({ kind: 'busy', text: 'Saving…' });
    try {
      await save(trimmed);
      setKeys(trimmed);
      setSaved(trimmed);
      setStatus({ kind: 'done', ok: true, text: 'Saved.' });
    } catch (error) {
      setStatus({ kind: 'done', ok: false, text: `Not saved: ${String(error)}` });
    }
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

  return (
    <form onSubmit={(event) => void onSubmit(event)} aria-label="API keys" aria-describedby="keys-status">
      <label htmlFor={uphuntId}>UpHunt API key</label>
      <input
        id={uphuntId}
        type="password"
        autoComplete="off"
        spellCheck={false}
        placeholder="sk_uphunt_… (or a legacy up_… key)"
        value={keys.uphunt}
        onChange={(event) => setKeys({ ...keys, uphunt: event.target.value })}
      />
      <label htmlFor={mindcaseId}>Mindcase API key</label>
      <input
        id={mindcaseId}
        type="password"
        autoComplete="off"
        spellCheck={false}
        placeholder="mk_live_… (optional: paid job details)"
        value={keys.mindcase}
        onChange={(event) => setKeys({ ...keys, mindcase: event.target.value })}
      />
      <div className="actions" style={{ marginTop: 12 }}>
        <button type="submit" disabled={status.kind === 'busy'}>
          Save
        </button>
        <button type="button" disabled={status.kind === 'busy' || dirty || !saved?.uphunt} onClick={() => void onTest('UpHunt')}>
          Test connection
        </button>
        <button type="button" disabled={status.kind === 'busy' || dirty || !saved?.mindcase} onClick={() => void onTest('Mindcase')}>
          Test Mindcase
        </button>
      </div>
      <p id="keys-status" role="status" className={status.kind === 'done' && !status.ok ? 'error-text' : undefined}>
        {status.kind === 'idle' ? (dirty ? 'Unsaved changes: Save before testing.' : '') : status.text}
      </p>
    </form>
  );
}
