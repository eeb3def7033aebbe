import { useState } from 'react';
import type { LogEntry } from '@/utils/apply/log';
import { age } from '@/utils/format';
import { OutcomeLine } from './ApplicationStatusView';

export function ApplicationsLog({ entries, now, onOpenResults }: { entries: LogEntry[]; now: number; onOpenResults: () => void }) {
  const [filter, setFilter] = useState<'all' | LogEntry['tone']>('all');
  if (entries.length === 0) return null;
  const shown = entries.filter((e) => filter === 'all' || e.tone === filter);
  return (
    <details className="applications">
      <summary>
        <h2 id="applications-title">Applications ({entries.length})</h2>
      </summary>
      <label className="inline">
        Show{' '}
        <select value={filter} onChange={(e) => setFilter(e.target.value as typeof filter)} aria-label="Filter applications">
          <option value="all">all</option>
          <option value="good">applied</option>
          <option value="wait">in progress</option>
          <option value="bad">not applied</option>
        </select>
      </label>{' '}
      <button type="button" className="link" onClick={onOpenResults}>
        Results…
      </button>
      <ul className="open-jobs" aria-labelledby="applications-title">
        {shown.map((e) => (
          <li key={e.key}>
            {e.url ? (
              <a href={e.url} target="_blank" rel="noreferrer">
                {e.title}
              </a>
            ) : (
              <span>{e.title}</span>
            )}
            <span className={`tag tone-${e.tone}`}>{e.status}</span>
            <div className="muted">
              {[
                e.clientName,
                e.freelancerName,
                e.connects !== null ? `${e.connects} Connects` : null,
                e.createdAt ? `sent ${age(e.createdAt, now)}` : null,
                e.settledAt ? `settled ${age(e.settledAt, now)}` : null,
                e.source === 'uphunt' ? 'from UpHunt' : e.source === 'upwork' ? 'sent on Upwork' : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </div>
            {e.outcome && <OutcomeLine outcome={e.outcome} now={now} />}
          </li>
        ))}
      </ul>
    </details>
  );
}
