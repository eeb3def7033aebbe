import { useEffect, useId, useState, type FormEvent } from 'react';
import { fillTemplate, TEMPLATE_VARIABLES } from '@/utils/apply';
import type { ApplySettings } from '@/utils/storage';

interface Props {
  load: () => Promise<ApplySettings>;
  save: (settings: ApplySettings) => Promise<void>;
}

const PREVIEW = { clientName: 'Northwind Analytics', jobTitle: 'Senior React Developer', freelancerName: 'Ada Novak', skills: 'React, TypeScript' };

export function ApplySettingsForm({ load, save }: Props) {
  const [settings, setSettings] = useState<ApplySettings | null>(null);
  const [message, setMessage] = useState('');
  const ids = { undo: useId(), days: useId(), body: useId() };
  useEffect(() => void load().then(setSettings), [load]);
  if (!settings) return null;
  const template = settings.templates.find((t) => t.id === settings.defaultTemplateId) ?? settings.templates[0]!;
  const setBody = (body: string) => setSettings({ ...settings, templates: settings.templates.map((t) => (t.id === template.id ? { ...t, body } : t)) });
  const valid = Number.isFinite(settings.undoSeconds) && settings.undoSeconds >= 0 && settings.undoSeconds <= 30 && settings.recentClientDays >= 0;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await save(settings);
      setMessage('Saved.');
    } catch (error) {
      setMessage(`Not saved: ${String(error)}`);
    }
  };

  return (
    <form onSubmit={(event) => void onSubmit(event)} aria-label="Apply settings">
      <h2>Applying</h2>
      <label htmlFor={ids.undo}>Undo moment before sending (seconds)</label>
      <input
        id={ids.undo}
        type="number"
        min={0}
        max={30}
        className="narrow"
        value={settings.undoSeconds}
        onChange={(e) => setSettings({ ...settings, undoSeconds: Number(e.target.value) })}
      />
      <label htmlFor={ids.days}>Ask before applying to a client the agency applied to in the last (days)</label>
      <input
        id={ids.days}
        type="number"
        min={0}
        max={365}
        className="narrow"
        value={settings.recentClientDays}
        onChange={(e) => setSettings({ ...settings, recentClientDays: Number(e.target.value) })}
      />
      <label htmlFor={ids.body}>Cover letter template</label>
      <textarea id={ids.body} rows={7} value={template.body} onChange={(e) => setBody(e.target.value)} />
      <p className="muted">Variables: {TEMPLATE_VARIABLES.map((v) => `{${v}}`).join(' ')}</p>
      <details>
        <summary>Preview</summary>
        <pre className="preview">{fillTemplate(template.body, PREVIEW)}</pre>
      </details>
      <div className="actions" style={{ marginTop: 12 }}>
        <button type="submit" disabled={!valid}>
          Save apply settings
        </button>
      </div>
      <p role="status">{message}</p>
    </form>
  );
}
