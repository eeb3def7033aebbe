import type { Diagnostics, Incident } from '@/utils/storage';

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

/** Pages that should have shown a job but did not: the first sign that Upwork changed its markup. */
export function DiagnosticsView({ diagnostics }: { diagnostics: Diagnostics }) {
  const rows = Object.entries(diagnostics).sort((a, b) => b[1].lastAt - a[1].lastAt);
  return (
    <section aria-labelledby="diagnostics-title">
      <h2 id="diagnostics-title">Diagnostics</h2>
      {rows.length === 0 ? (
        <p className="muted">Every Upwork page that should show a job was read.</p>
      ) : (
        <table className="factors">
          <thead>
            <tr>
              <th scope="col">Page kind</th>
              <th scope="col">Pages not read</th>
              <th scope="col">Last</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([kind, d]) => (
              <tr key={kind}>
                <th scope="row">{kind}</th>
                <td>{d.failures}</td>
                <td className="muted">
                  {new Date(d.lastAt).toLocaleString('en-US')} · {d.lastPath}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
