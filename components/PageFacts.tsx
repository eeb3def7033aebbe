import type { PageFacts } from '@/utils/upwork/page-facts';
import { age, exactMoney } from '@/utils/format';

/**
 * What the Upwork page itself shows about this job, free and before any Mindcase purchase: the Connects a
 * proposal costs, the client's activity on the job and the bid range. A fact the page does not show is left out,
 * never shown as 0.
 */
export function PageFactsView({ facts, now }: { facts: PageFacts; now: number }) {
  const { connects, activity, bidRange } = facts;
  const lastViewed = activity.lastViewed ?? (activity.lastViewedAt !== null ? age(activity.lastViewedAt, now) : null);
  const rows: Array<[string, string | null]> = [
    ['Connects to apply', connects.required !== null ? `${connects.required}${connects.available !== null ? ` (you have ${connects.available})` : ''}` : null],
    ['Connects left after sending', connects.remaining !== null ? String(connects.remaining) : null],
    ['Proposals', activity.proposals],
    ['Client last viewed', lastViewed],
    ['Interviewing', count(activity.interviewing)],
    ['Invites sent', count(activity.invitesSent)],
    ['Unanswered invites', count(activity.unansweredInvites)],
    ['Hired', count(activity.hired)],
    [
      'Bid range',
      bidRange && bidRange.low !== null && bidRange.high !== null
        ? `${exactMoney(bidRange.low)} – ${exactMoney(bidRange.high)}${bidRange.avg !== null ? `, average ${exactMoney(bidRange.avg)}` : ''}`
        : null,
    ],
  ];
  const shown = rows.filter((row): row is [string, string] => row[1] !== null);
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="page-facts-title">
      <h2 id="page-facts-title">On the Upwork page</h2>
      <p className="muted">Free, as the page showed it when you opened it.</p>
      <dl className="figures" aria-label="Job facts from the Upwork page">
        {shown.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

const count = (n: number | null) => (n === null ? null : String(n));
