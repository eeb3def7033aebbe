import { useEffect, useId, useState, type FormEvent } from 'react';
import { SaveRow, useSaving } from './SaveRow';
import { fillTemplate, TEMPLATE_VARIABLES } from '@/utils/apply/proposal';
import type { ApplySettings } from '@/utils/apply/stored';

interface Props {
  load: () => Promise<ApplySettings>;
  save: (settings: ApplySettings) => Promise<void>;
}

const PREVIEW = { clientName: 'Northwind Analytics', jobTitle: 'Senior React Developer', freelancerName: 'Ada Novak', skills: 'React, TypeScript' };

export function ApplySettingsForm({ load, save }: Props) {
  const [settings, setSettings] = useState<ApplySettings | null>(null);
  const { message, submit } = useSaving(save);
  const ids = { undo: useId(), days: useId(), body: useId() };
  useEffect(() => void load().then(setSettings), [load]);
  if (!settings) return null;
  const template = settings.templates.find((t) => t.id === settings.defaultTemplateId) ?? settings.templates[0]!;
  const setBody = (body: string) => setSettings({ ...settings, templates: settings.templates.map((t) => (t.id === template.id ? { ...t, body } : t)) });
  const valid = Number.isFinite(settings.undoSeconds) && settings.undoSeconds >= 0 && settings.undoSeconds <= 30 && settings.recentClientDays >= 0;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    await submit(settings);
  };

  return (
    <form onSubmit={(event) => void onSubmit(event)} aria-label="Apply settings">
      <h2>Applying</h2>
      <label htmlFor={ids.undo}>Undo moment before sending (seconds)</label>
      <NumberInput id={ids.undo} max={30} value={settings.undoSeconds} onChange={(undoSeconds) => setSettings({ ...settings, undoSeconds })} />
      <label htmlFor={ids.days}>Ask before applying to a client the agency applied to in the last (days)</label>
      <NumberInput id={ids.days} max={365} value={settings.recentClientDays} onChange={(recentClientDays) => setSettings({ ...settings, recentClientDays })} />
      <label htmlFor={ids.body}>Cover letter template</label>
      <textarea id={ids.body} rows={7} value={template.body} onChange={(e) => setBody(e.target.value)} />
      <p className="muted">Variables: {TEMPLATE_VARIABLES.map((v) => `{${v}}`).join(' ')}</p>
      <details>
        <summary>Preview</summary>
        <pre className="preview">{fillTemplate(template.body, PREVIEW)}</pre>
      </details>
      <SaveRow label="Save apply settings" disabled={!valid} message={message} />
    </form>
  );
}

function NumberInput({ id, max, value, onChange }: { id: string; max: number; value: number; onChange: (value: number) => void }) {
  return <input id={id} type="number" min={0} max={max} className="narrow" value={value} onChange={(e) => onChange(Number(e.target.value))} />;
}
