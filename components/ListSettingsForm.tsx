import { useEffect, useState } from 'react';
import type { ListSettings } from '@/utils/lists/stored';

interface Props {
  load: () => Promise<ListSettings>;
  save: (settings: ListSettings) => Promise<void>;
}

/** Job lists: whether tiles get a badge, and whether listed jobs' clients are looked up. Saved on change. */
export function ListSettingsForm({ load, save }: Props) {
  const [settings, setSettings] = useState<ListSettings | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => void load().then(setSettings), [load]);
  if (settings === null) return null;
  const change = async (next: ListSettings) => {
    setSettings(next);
    await save(next);
    setMessage(next.showBadges ? 'Badges on: lists you open from now on show them.' : 'Badges off: lists you open from now on show none.');
  };
  return (
    <section aria-labelledby="lists-title">
      <h2 id="lists-title">Job lists</h2>
      <label className="inline">
        <input type="checkbox" checked={settings.showBadges} onChange={(e) => void change({ ...settings, showBadges: e.target.checked })} /> Badge job tiles
        with the client's quality
      </label>
      <label className="inline">
        <input
          type="checkbox"
          checked={settings.lookupListed}
          disabled={!settings.showBadges}
          onChange={(e) => void change({ ...settings, lookupListed: e.target.checked })}
        />{' '}
        Look up clients of listed jobs (uses UpHunt calls for jobs you have not opened)
      </label>
      <p className="muted">Without it, badges use what the page shows and what the extension already holds: no call is made for a job you have not opened.</p>
      <p role="status">{message}</p>
    </section>
  );
}
