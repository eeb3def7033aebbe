import type { ClientJobs } from '@/utils/uphunt/schemas';
import { age, hourlyRate, isoMonth, money, plural } from '@/utils/format';

interface Props {
  data: ClientJobs;
  fetchedAt: number;
  stale: boolean;
  now: number;
  refreshing: boolean;
  onRefresh: () => void;
}

export function ClientSummary({ data, fetchedAt, stale, now, refreshing, onRefresh }: Props) {
  const buyer = data.buyer;
  const stats = buyer?.stats;
  const location = [buyer?.location?.city, buyer?.location?.country].filter(Boolean).join(', ');
  const score = stats?.score;
  const feedbackCount = stats?.feedbackCount ?? 0;
  const syncedAt = data.lastSyncedAt ?? null;
  return (
    <header className="client-header">
      <h1>{buyer?.company?.name?.trim() || 'Unnamed client'}</h1>
      <p className="muted">
        {location || 'Location unknown'}
        {buyer?.company?.contractDate ? ` · Member since ${isoMonth(buyer.company.contractDate)}` : ''}
      </p>
      <dl className="figures">
        <div>
          <dt>Total spent</dt>
          <dd>{money(stats?.totalCharges?.amount)}</dd>
        </div>
        <div>
          <dt>Hires</dt>
          <dd>{stats?.totalAssignments ?? '—'}</dd>
        </div>
        <div>
          <dt>Jobs posted</dt>
          <dd>{buyer?.postedCount ?? '—'}</dd>
        </div>
        <div>
          <dt>Rating</dt>
          <dd>
            {typeof score === 'number' && feedbackCount > 0 ? `${score.toFixed(2)} ★` : 'No rating'}
            <span className="muted"> ({plural(feedbackCount, 'review')})</span>
          </dd>
        </div>
        <div>
          <dt>Avg hourly paid</dt>
          <dd>{hourlyRate(buyer?.avgHourlyJobsRate?.amount)}</dd>
        </div>
      </dl>
      <p className="data-age">
        <span className={stale ? 'stale' : undefined}>
          UpHunt data {syncedAt ? `synced ${age(syncedAt, now)}` : 'sync time unknown'} · fetched {age(fetchedAt, now)}
          {stale ? ' (stale)' : ''}
        </span>{' '}
        <button type="button" onClick={onRefresh} disabled={refreshing} aria-label="Refresh the client's history from UpHunt">
          {refreshing ? 'Refreshing…' : 'Refresh'}
        </button>
      </p>
    </header>
  );
}
