import type { Bin, Period } from '@/utils/client/charts';
import { money } from '@/utils/format';

const W = 320;
const H = 90;

/** Small bar charts in SVG: each names what it shows for screen readers, in words. */
export function Bars({ id, title, description, values, labels }: { id: string; title: string; description: string; values: number[]; labels: string[] }) {
  const top = Math.max(...values, 1);
  const width = W / Math.max(values.length, 1);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H + 14}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} width="100%">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {values.map((value, i) => {
          const h = (value / top) * H;
          return <rect key={i} x={i * width + 1} y={H - h} width={Math.max(1, width - 2)} height={h} className="bar" />;
        })}
        <text x={0} y={H + 12} className="axis">
          {labels[0]}
        </text>
        <text x={W} y={H + 12} className="axis" textAnchor="end">
          {labels[labels.length - 1]}
        </text>
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}

/** What the bars show in words: one phrase for each item worth saying. */
const inWords = <T,>(items: T[], said: (item: T) => boolean, phrase: (item: T) => string) => items.filter(said).map(phrase).join('; ');

export function SpendingChart({ periods }: { periods: Period[] }) {
  if (periods.length === 0) return null;
  return (
    <Bars
      id="spending"
      title="Spending by quarter contracts started"
      description={inWords(
        periods,
        (p) => p.contracts > 0,
        (p) => `${p.label}: ${money(p.spent)} over ${p.contracts} contract${p.contracts === 1 ? '' : 's'}`,
      )}
      values={periods.map((p) => p.spent)}
      labels={periods.map((p) => p.label)}
    />
  );
}

export function RateChart({ bins }: { bins: Bin[] }) {
  if (bins.length === 0) return null;
  return (
    <Bars
      id="rates"
      title="Hourly rates paid"
      description={inWords(
        bins,
        (b) => b.count > 0,
        (b) => `$${b.from}–${b.to}/hr: ${b.count}`,
      )}
      values={bins.map((b) => b.count)}
      labels={[`$${bins[0]!.from}`, `$${bins[bins.length - 1]!.to}/hr`]}
    />
  );
}
