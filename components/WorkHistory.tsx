import { download } from '@/utils/ui/download';
import { Fragment, useMemo, useState } from 'react';
import type { Feedback, WorkHistoryItem } from '@/utils/uphunt/schemas';
import { contractLabel, isActive } from '@/utils/client/judgement';
import { historyCsv } from '@/utils/client/csv';
import { exactMoney, hourlyRate, isoDay } from '@/utils/format';
import { DEFAULT_QUERY, isArchived, viewHistory, type HistoryQuery, type SortKey } from '@/utils/client/history-view';
import { freelancerUrl, jobUrl } from '@/utils/upwork/page';

interface Props {
  items: WorkHistoryItem[];
  archivedCiphers: string[];
  archivedJobIds: string[];
  clientName: string;
}

const COLUMNS: Array<[SortKey, string]> = [
  ['title', 'Contract'],
  ['start', 'Dates'],
  ['charge', 'Paid'],
  ['score', 'Rating'],
];

export function WorkHistory({ items, archivedCiphers, archivedJobIds, clientName }: Props) {
  const [query, setQuery] = useState<HistoryQuery>(DEFAULT_QUERY);
  const rows = useMemo(() => viewHistory(items, query), [items, query]);
  const sortBy = (sort: SortKey) => setQuery((q) => ({ ...q, sort, descending: q.sort === sort ? !q.descending : sort !== 'title' }));

  const exportCsv = () => download(`${clientName.replace(/[^\w.-]+/g, '_').slice(0, 60) || 'client'}-work-history.csv`, historyCsv(rows));

  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">Work history ({items.length})</h2>
      {items.length === 0 ? (
        <p className="muted">No contracts in UpHunt's record of this client.</p>
      ) : (
        <>
          <div className="filters" role="group" aria-label="Filter the work history">
            <label className="inline">
              Show{' '}
              <select value={query.status} onChange={(e) => setQuery({ ...query, status: e.target.value as HistoryQuery['status'] })}>
                <option value="all">all</option>
                <option value="active">active</option>
                <option value="ended">ended</option>
              </select>
            </label>
            <label className="inline">
              <input type="checkbox" checked={query.withFeedback} onChange={(e) => setQuery({ ...query, withFeedback: e.target.checked })} /> with feedback
            </label>
            <label className="inline">
              min $/hr{' '}
              <input
                type="number"
                min={0}
                step={5}
                className="narrow"
                value={query.minRate ?? ''}
                onChange={(e) => setQuery({ ...query, minRate: e.target.value === '' ? null : Math.max(0, Number(e.target.value)) })}
              />
            </label>
            <button type="button" onClick={exportCsv} disabled={rows.length === 0}>
              Export CSV
            </button>
          </div>
          <p className="muted" aria-live="polite">
            {rows.length === items.length ? `${rows.length} contracts` : `${rows.length} of ${items.length} contracts`}
          </p>
          <div className="table-wrap">
            <table className="history">
              <thead>
                <tr>
                  {COLUMNS.map(([key, label]) => (
                    <th key={key} scope="col" aria-sort={query.sort === key ? (query.descending ? 'descending' : 'ascending') : 'none'}>
                      <button type="button" className="sort" onClick={() => sortBy(key)}>
                        {label}
                        {query.sort === key ? (query.descending ? ' ▼' : ' ▲') : ''}
                      </button>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((item, index) => (
                  <Fragment key={`${item.jobInfo.id ?? 'job'}-${index}`}>
                    <tr>
                      <td>
                        <div className="contract-title">
                          {item.jobInfo.ciphertext ? (
                            <a href={jobUrl(item.jobInfo.ciphertext)} target="_blank" rel="noreferrer">
                              {contractLabel(item)}
                            </a>
                          ) : (
                            <span>{contractLabel(item)}</span>
                          )}
                          {!item.jobInfo.ciphertext && <span className="tag">private</span>}
                          {isArchived(item, archivedCiphers, archivedJobIds) && (
                            <span className="tag" title="UpHunt holds this job in its archive">
                              archived
                            </span>
                          )}
                          {isActive(item) && <span className="tag tag-active">active</span>}
                        </div>
                        <div className="muted">
                          {item.contractorInfo?.contractorName ? (
                            item.contractorInfo.ciphertext ? (
                              <a href={freelancerUrl(item.contractorInfo.ciphertext)} target="_blank" rel="noreferrer">
                                {item.contractorInfo.contractorName}
                              </a>
                            ) : (
                              item.contractorInfo.contractorName
                            )
                          ) : (
                            'Freelancer not shown'
                          )}
                        </div>
                      </td>
                      <td className="nowrap">
                        {isoDay(item.startDate)}
                        <br />
                        <span className="muted">{item.endDate ? `to ${isoDay(item.endDate)}` : isActive(item) ? 'ongoing' : '—'}</span>
                      </td>
                      <td className="nowrap">
                        {exactMoney(item.totalCharge)}
                        {item.rate?.amount ? (
                          <>
                            <br />
                            <span className="muted">{hourlyRate(item.rate.amount)}</span>
                          </>
                        ) : null}
                        {item.totalHours ? (
                          <>
                            <br />
                            <span className="muted">{item.totalHours.toLocaleString('en-US', { maximumFractionDigits: 1 })} h</span>
                          </>
                        ) : null}
                      </td>
                      <td className="nowrap">
                        <Stars label="Client gave" feedback={item.feedback} />
                        <br />
                        <Stars label="Freelancer gave" feedback={item.feedbackToClient} />
                      </td>
                    </tr>
                    {(item.feedback?.comment || item.feedbackToClient?.comment) && (
                      <tr className="comments">
                        <td colSpan={4}>
                          {item.feedback?.comment && (
                            <div>
                              <span className="muted">Client: </span>
                              <q>{item.feedback.comment}</q>
                            </div>
                          )}
                          {item.feedbackToClient?.comment && (
                            <div>
                              <span className="muted">Freelancer: </span>
                              <q>{item.feedbackToClient.comment}</q>
                            </div>
                          )}
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function Stars({ label, feedback }: { label: string; feedback: Feedback }) {
  const score = feedback?.score ?? null;
  return (
    <span title={label} aria-label={`${label}: ${score === null ? 'no feedback' : `${score.toFixed(1)} stars`}`}>
      <span className="muted">{label === 'Client gave' ? 'gave ' : 'got '}</span>
      {score === null ? <span className="muted">—</span> : <span className={score < 3 ? 'low' : undefined}>{score.toFixed(1)} ★</span>}
    </span>
  );
}
