import type { ClientJobs } from '@/utils/uphunt/schemas';
import { clientLocalTime } from '@/utils/client/charts';
import { age, isoMonth } from '@/utils/format';

interface Props {
  data: ClientJobs;
  source: 'uphunt' | 'upwork-page';
  /** From the Upwork page's client box (UpHunt does not carry it). */
  paymentVerified: boolean | null;
  fetchedAt: number;
  stale: boolean;
  now: number;
  refreshing: boolean;
  onRefresh: () => void;
}

export function ClientSummary({ data, source, paymentVerified, fetchedAt, stale, now, refreshing, onRefresh }: Props) {
  const buyer = data.buyer;
  const location = [buyer?.location?.city, buyer?.location?.country].filter(Boolean).join(', ');
  const localTime = clientLocalTime(buyer?.location?.countryTimezone, now);
  const syncedAt = data.lastSyncedAt ?? null;
  const phone = buyer?.phoneVerificationStatus?.status;
  return (
    <header className="client-header">
      <h1>{buyer?.company?.name?.trim() || (source === 'upwork-page' ? 'The client, as the Upwork page describes them' : 'Unnamed client')}</h1>
      <p className="muted">
        {location || 'Location unknown'}
        {localTime ? ` · ${localTime} there now` : ''}
        {buyer?.company?.contractDate ? ` · Member since ${isoMonth(buyer.company.contractDate)}` : ''}
      </p>
      <ul className="marks" aria-label="Verification and status">
        {paymentVerified === true ? (
          <li className="mark mark-good">Payment verified</li>
        ) : paymentVerified === false ? (
          <li className="mark mark-warn">Payment not verified</li>
        ) : null}
        {phone === 'VERIFIED' ? <li className="mark mark-good">Phone verified</li> : phone ? <li className="mark mark-warn">Phone not verified</li> : null}
        {buyer?.enterprise ? <li className="mark">Enterprise</li> : null}
        {buyer?.topClient ? <li className="mark mark-good">Top client</li> : null}
      </ul>
      {source === 'upwork-page' ? (
        <p className="data-age">From the Upwork page, read {age(fetchedAt, now)} (not from UpHunt)</p>
      ) : (
        <p className="data-age">
          <span className={stale ? 'stale' : undefined}>
            UpHunt data {syncedAt ? `synced ${age(syncedAt, now)}` : 'sync time unknown'} · fetched {age(fetchedAt, now)}
            {stale ? ' (stale)' : ''}
          </span>{' '}
          <button type="button" onClick={onRefresh} disabled={refreshing} aria-label="Refresh the client's history from UpHunt">
            {refreshing ? 'Refreshing…' : 'Refresh'}
          </button>
        </p>
      )}
    </header>
  );
}
