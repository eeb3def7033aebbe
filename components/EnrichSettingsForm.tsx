import { useEffect, useId, useState, type FormEvent } from 'react';
import type { EnrichSettings } from '@/utils/enrichment/stored';
import { PRICE_PER_ROW_USD } from '@/utils/enrichment/price';
import { SaveRow, useSaving } from './SaveRow';

interface Props {
  load: () => Promise<EnrichSettings>;
  save: (settings: EnrichSettings) => Promise<void>;
  spentUsd: number;
  /** What Mindcase itself says it charged this month (`credits_used` of each run). */
  creditsUsed?: number;
}

export function EnrichSettingsForm({ load, save, spentUsd, creditsUsed = 0 }: Props) {
  const [settings, setSettings] = useState<EnrichSettings | null>(null);
  const [cap, setCap] = useState('');
  const { message, submit } = useSaving(save);
  const capId = useId();

  useEffect(() => {
    void load().then((value) => {
      setSettings(value);
      setCap(String(value.monthlyCapUsd));
    });
  }, [load]);
  if (!settings) return null;

  const capValue = Number(cap);
  const capValid = cap.trim() !== '' && Number.isFinite(capValue) && capValue >= 0;
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!capValid) return;
    const next = { ...settings, monthlyCapUsd: capValue };
    if (await submit(next)) setSettings(next);
  };

  return (
    <form onSubmit={(event) => void onSubmit(event)} aria-label="Mindcase settings">
      <h2>Mindcase job details (paid)</h2>
      <p className="muted">
        Each job costs ${PRICE_PER_ROW_USD.toFixed(3)} ($3 per 1,000) from your Mindcase wallet. This month: ${spentUsd.toFixed(2)} spent by this extension's
        count
        {creditsUsed > 0 ? `, ${creditsUsed.toLocaleString('en-US')} credits charged by Mindcase's` : ''}.
      </p>
      <label className="inline">
        <input type="checkbox" checked={settings.autoEnrich} onChange={(e) => setSettings({ ...settings, autoEnrich: e.target.checked })} /> Enrich jobs I open
      </label>
      <label htmlFor={capId}>Monthly spending cap (USD)</label>
      <input id={capId} type="text" inputMode="decimal" className="narrow" value={cap} onChange={(e) => setCap(e.target.value)} aria-invalid={!capValid} />
      {!capValid && <p className="error-text">Enter an amount in dollars, 0 or more.</p>}
      <SaveRow label="Save Mindcase settings" disabled={!capValid} message={message} />
    </form>
  );
}
