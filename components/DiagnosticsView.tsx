import { useState } from 'react';
import type { Diagnostics } from '@/utils/diagnostics/page-readings';
import type { Incident } from '@/utils/storage/stored';
import { TableHead } from './TableHead';

/** Stored values that could not be read and were reset, and errors the background did not expect. */
export function IncidentsView({ resets, errors }: { resets: Incident | null; errors: Incident | null }) {
  const when = (incident: Incident) => new Date(incident.lastAt).toLocaleString('en-US');
  return (
    <>
      <p className="muted" role="note">
        {resets
          ? `${resets.count} stored value${resets.count === 1 ? '' : 's'} could not be read and ${resets.count === 1 ? 'was' : 'were'} reset to a safe default (last: ${resets.last.replace(/^local:|^session:/, '')}, ${when(resets)}).`
          : 'Every stored value could be read.'}
      </p>
      <p className="muted" role="note">
        {errors
          ? `${errors.count} unexpected error${errors.count === 1 ? '' : 's'} in the background (last: ${errors.last}, ${when(errors)}).`
          : 'No unexpected error in the background.'}
      </p>
    </>
  );
}

/**
 * How pages were read, per page kind: the first sign that Upwork changed its markup. Copy report gives the
 * counts as text for a bug report (no names, ids or URLs).
 */
export function DiagnosticsView({ diagnostics, report }: { diagnostics: Diagnostics; report: string }) {
  const [copied, setCopied] = useState<string | null>(null);
  const rows = Object.entries(diagnostics).sort((a, b) => b[1].lastAt - a[1].lastAt);
  const list = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([name, n]) => `${name} ${n}`)
      .join(', ') || '—';
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(report);
      setCopied('Report copied.');
    } catch {
      setCopied('Could not copy: select the report below and copy it.');
    }
  };
  return (
    <section aria-labelledby="diagnostics-title">
      <h2 id="diagnostics-title">Diagnostics</h2>
      {rows.length === 0 ? (
        <p className="muted">No Upwork page read yet.</p>
      ) : (
        <table className="factors" aria-label="How pages were read">
          <TableHead columns={['Page kind', 'Pages', 'Job found by', 'Design', 'Pages not read', 'Pages lacking', 'Tiles', 'Tiles lacking']} />
          <tbody>
            {rows.map(([kind, d]) => (
              <tr key={kind}>
                <th scope="row">{kind}</th>
                <td>{d.views}</td>
                <td>{list(d.strategies)}</td>
                <td>{list(d.designs)}</td>
                <td>
                  {d.failures}
                  {d.failures > 0 && <span className="muted"> (last {d.lastPath})</span>}
                </td>
                <td>{list(d.lacking)}</td>
                <td>{d.tiles}</td>
                <td>{list(d.missing)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <button type="button" onClick={() => void copy()}>
          Copy report
        </button>{' '}
        <span role="status">{copied}</span>
      </p>
      <details>
        <summary>The report</summary>
        <pre aria-label="Diagnostics report">{report}</pre>
      </details>
    </section>
  );
}
