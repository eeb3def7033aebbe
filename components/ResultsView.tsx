import { useState } from 'react';
import type { LogEntry } from '@/utils/apply/log';
import { inPeriod, PERIODS, rateText, results, resultsCsv, type Period, type Rate, type Tally } from '@/utils/apply/results';
import { download } from '@/utils/ui/download';
import { Bars } from './Charts';
import { TableHead } from './TableHead';

const COLUMNS = [
  '',
  'Sent',
  'Hired you',
  'Hired someone else',
  'Closed without a hire',
  'Still open',
  'Unknown',
  'Connects',
  'Connects on closed jobs',
  'UpHunt credits',
];

function Row({ name, t }: { name: string; t: Tally }) {
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>{t.sent}</td>
      <td>{t.hiredYou}</td>
      <td>{t.hiredOther}</td>
      <td>{t.closed}</td>
      <td>{t.open}</td>
      <td>{t.unknown}</td>
      <td>
        {t.connects}
        {t.connectsUnknown > 0 && <span className="muted"> (+{t.connectsUnknown} not shown)</span>}
      </td>
      <td>{t.connectsOnClosed}</td>
      <td>{t.credits}</td>
    </tr>
  );
}

/** Each group's win rate in words, groups with no application left out. */
function Rates({ label, rates }: { label: string; rates: Rate[] }) {
  return (
    <ul aria-label={label}>
      {rates
        .filter((rate) => rate.of > 0)
        .map((rate) => (
          <li key={rate.label}>{rateText(rate)}</li>
        ))}
    </ul>
  );
}

/** Options → Results: what the applications of a period brought, and whether the client score predicted it. */
export function ResultsView({ entries, now }: { entries: LogEntry[]; now: number }) {
  const [period, setPeriod] = useState<Period>('30');
  const r = results(entries, period, now);
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title">Results</h2>
      <label className="inline">
        Period{' '}
        <select value={period} onChange={(e) => setPeriod(e.target.value as Period)}>
          {Object.entries(PERIODS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {r.all.sent === 0 ? (
        <p className="muted">No application UpHunt applied in this period.</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="history" aria-label="Applications and what they brought">
              <TableHead columns={COLUMNS} />
              <tbody>
                <Row name="All" t={r.all} />
                {r.byFreelancer.length > 1 && r.byFreelancer.map(({ name, tally }) => <Row key={name} name={name} t={tally} />)}
              </tbody>
            </table>
          </div>
          <h3>Does the client score predict a hire?</h3>
          <Rates label="Hired you, by client score" rates={r.bands} />
          <WinRateChart rates={r.bands.filter((b) => b.label.startsWith('score'))} title="Hired you, by client score" />
          <Rates label="Hired you, by red flag" rates={r.flags} />
        </>
      )}
      <button type="button" onClick={() => download(`applications-${period}.csv`, resultsCsv(inPeriod(entries, period, now)))}>
        Export CSV
      </button>
      <p className="muted">
        Outcomes come from UpHunt's history of each client, read again once a day until they are final (60 days at most): its data is as fresh as its last sync,
        shown on each application, and a contract Upwork hides is never seen. The score is the client's when its history was first read after applying. Connects
        are those the Upwork page asked for; UpHunt's list does not say them.
      </p>
    </section>
  );
}

/** How often each group of applications brought a hire (Results), as a share of the group. */
function WinRateChart({ rates, title }: { rates: Rate[]; title: string }) {
  const shown = rates.filter((r) => r.of > 0);
  if (shown.length === 0) return null;
  return (
    <Bars
      id="win-rate"
      title={title}
      description={shown.map(rateText).join('; ')}
      values={shown.map((r) => (r.hired / r.of) * 100)}
      labels={[shown[0]!.label, shown[shown.length - 1]!.label]}
    />
  );
}
