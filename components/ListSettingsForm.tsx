import { useEffect, useState } from 'react';

interface Props {
  load: () => Promise<{ showBadges: boolean }>;
  save: (settings: { showBadges: boolean }) => Promise<void>;
}

/** Job lists: whether tiles get a badge. Saved as soon as it is changed. */
export function ListSettingsForm({ load, save }: Props) {
  const [showBadges, setShowBadges] = useState<boolean | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => void load().then((s) => setShowBadges(s.showBadges)), [load]);
  if (showBadges === null) return null;
  const change = async (value: boolean) => {
    setShowBadges(value);
    await save({ showBadges: value });
    setMessage(value ? 'Badges on: lists you open from now on show them.' : 'Badges off: lists you open from now on show none.');
  };
  return (
    <section aria-labelledby="lists-title">
      <h2 id="lists-title">Job lists</h2>
      <label className="inline">
        <input type="checkbox" checked={showBadges} onChange={(e) => void change(e.target.checked)} /> Badge job tiles with the client's quality
      </label>
      <p className="muted">Badges use what the page shows and what the extension already holds: no call is made for a job you have not opened.</p>
      <p role="status">{message}</p>
    </section>
  );
}
