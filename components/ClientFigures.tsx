import type { ClientMetrics } from '@/utils/client/judgement';
import { hourlyRate, money, percent, plural } from '@/utils/format';

/** The client's figures: first what Upwork shows, then what the history adds. */
export function ClientFigures({ m }: { m: ClientMetrics }) {
  const figures: Array<[string, string, string?]> = [
    ['Total spent', money(m.totalSpent)],
    ['Jobs posted', m.jobsPosted?.toLocaleString('en-US') ?? '—'],
    ['Hires', m.hires?.toLocaleString('en-US') ?? '—'],
    ['Hire rate', percent(m.hireRate), 'Jobs with a hire ÷ jobs posted'],
    ['Open jobs', String(m.openJobs)],
    ['Avg hourly paid', hourlyRate(m.avgHourlyPaid)],
    ['Rating', m.feedbackCount > 0 && m.rating !== null ? `${m.rating.toFixed(2)} ★ (${plural(m.feedbackCount, 'review')})` : 'No reviews yet'],
  ];
  const history: Array<[string, string, string?]> = [
    ['Median hourly', hourlyRate(m.medianHourly)],
    ['Highest hourly', hourlyRate(m.highestHourly)],
    ['Hours bought', m.totalHours ? m.totalHours.toLocaleString('en-US', { maximumFractionDigits: 0 }) : '—'],
    ['Typical contract', money(m.typicalContract), 'Median charge of contracts that billed'],
    ['Active now', String(m.activeContracts)],
    ['Repeat hires', m.repeatHires.length ? m.repeatHires.map((f) => `${f.name} ×${f.times}`).join(', ') : 'None', 'Freelancers hired more than once'],
    ['Reviews given', percent(m.reviewedShare), 'Ended contracts the client reviewed'],
    [
      'Gives / gets',
      `${m.avgScoreGiven?.toFixed(1) ?? '—'} ★ / ${m.avgScoreReceived?.toFixed(1) ?? '—'} ★`,
      'How the client rates freelancers / how freelancers rate the client',
    ],
    ['$0 contracts', String(m.zeroContracts.length)],
    ['Low scores', String(m.lowScoreContracts.length), 'Contracts ending under 3 ★, either way'],
  ];
  return (
    <>
      <FigureList label="Client figures" items={figures} />
      <h2>From the work history</h2>
      <FigureList label="Figures from the work history" items={history} />
    </>
  );
}

function FigureList({ label, items }: { label: string; items: Array<[string, string, string?]> }) {
  return (
    <dl className="figures" aria-label={label}>
      {items.map(([term, value, hint]) => (
        <div key={term} title={hint}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
