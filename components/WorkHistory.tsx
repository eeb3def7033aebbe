import type { Feedback, WorkHistoryItem } from '@/utils/uphunt/schemas';
import { historyNewestFirst } from '@/utils/buyer';
import { exactMoney, hourlyRate, isoDay } from '@/utils/format';
import { freelancerUrl, jobUrl } from '@/utils/upwork/page';

export function WorkHistory({ items }: { items: WorkHistoryItem[] }) {
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">Work history ({items.length})</h2>
      {items.length === 0 ? (
        <p className="muted">No contracts in UpHunt's record of this client.</p>
      ) : (
        <ol className="history">
          {historyNewestFirst(items).map((item, index) => (
            <li key={`${item.jobInfo.id ?? 'job'}-${index}`} className="contract">
              <div className="contract-title">
                {item.jobInfo.ciphertext ? (
                  <a href={jobUrl(item.jobInfo.ciphertext)} target="_blank" rel="noreferrer">
                    {item.jobInfo.title || 'Untitled job'}
                  </a>
                ) : (
                  <span>{item.jobInfo.title || 'Untitled job'}</span>
                )}
                {!item.jobInfo.ciphertext && <span className="tag">private</span>}
                {item.status === 'ACTIVE' && <span className="tag tag-active">active</span>}
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
                {' · '}
                {isoDay(item.startDate)} – {item.endDate ? isoDay(item.endDate) : 'now'}
              </div>
              <div>
                {exactMoney(item.totalCharge)}
                {item.rate?.amount ? ` · ${hourlyRate(item.rate.amount)}` : ''}
                {item.totalHours ? ` · ${item.totalHours.toLocaleString('en-US', { maximumFractionDigits: 1 })} h` : ''}
              </div>
              <FeedbackLine label="Client → freelancer" feedback={item.feedback} />
              <FeedbackLine label="Freelancer → client" feedback={item.feedbackToClient} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function FeedbackLine({ label, feedback }: { label: string; feedback: Feedback }) {
  return (
    <div className="feedback">
      <span className="muted">{label}: </span>
      {feedback && feedback.score !== null ? (
        <>
          <span>{feedback.score.toFixed(1)} ★</span>
          {feedback.comment ? <q>{feedback.comment}</q> : null}
        </>
      ) : (
        <span className="muted">no feedback</span>
      )}
    </div>
  );
}
