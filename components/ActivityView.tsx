import type { ActivityEntry } from '@/utils/diagnostics/activity';
import type { DroppedMessages } from '@/utils/diagnostics/stored';
import { TableHead } from './TableHead';

const OUTCOME: Record<string, string> = {
  ok: 'OK',
  unauthorized: 'key refused',
  forbidden: 'subscription inactive',
  payment_required: 'no credits',
  not_found: 'not found',
  validation: 'refused as invalid',
  rate_limited: 'rate-limited',
  server: 'service error',
  network: 'no connection',
  timeout: 'no answer in time',
  malformed: 'unreadable answer',
};

/** Options → Activity: every request sent, newest first, with what it cost. */
export function ActivityView({ entries, onClear }: { entries: ActivityEntry[]; onClear: () => void }) {
  return (
    <section aria-labelledby="activity-title">
      <h2 id="activity-title">Activity</h2>
      <p className="muted">Every request the extension sent in the last 7 days (at most 300), without keys. It never uses your Upwork session.</p>
      {entries.length === 0 ? (
        <p className="muted">No request yet.</p>
      ) : (
        <>
          <table className="factors" aria-label="Requests sent">
            <TableHead columns={['When', 'Service', 'Request', 'Result', 'Cost']} />
            <tbody>
              {entries.map((entry, index) => (
                <tr key={`${entry.at}-${index}`}>
                  <td className="muted">{new Date(entry.at).toLocaleString('en-US')}</td>
                  <td>{entry.service}</td>
                  <td>
                    <code>
                      {entry.method} {entry.path}
                    </code>
                  </td>
                  <td>
                    {entry.status ?? '—'} {OUTCOME[entry.outcome] ?? entry.outcome}
                    {entry.note && <div className="muted">{entry.note}</div>}
                  </td>
                  <td>{entry.cost ?? 'free'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" onClick={onClear}>
            Clear activity
          </button>
        </>
      )}
    </section>
  );
}

/** How many messages the background refused: pages trying to drive the extension would show here. */
export function DroppedMessagesView({ dropped }: { dropped: DroppedMessages | null }) {
  return (
    <p className="muted" role="note">
      {dropped
        ? `${dropped.count} message${dropped.count === 1 ? '' : 's'} refused (last: ${dropped.lastType}, ${dropped.lastReason === 'sender' ? 'not from this extension or an Upwork tab' : 'malformed'}, ${new Date(dropped.lastAt).toLocaleString('en-US')}).`
        : 'No message to the extension was refused.'}
    </p>
  );
}
