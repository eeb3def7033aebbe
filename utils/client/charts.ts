/** The client's history as chart data: spending by quarter, the rates paid, the client's local time. Pure. */
import type { WorkHistoryItem } from '../uphunt/schemas';
import { round, time } from './judgement';

export interface Period {
  /** First day of the quarter, ISO date. */
  start: string;
  label: string;
  spent: number;
  contracts: number;
}

/** Money and contracts by the quarter a contract started, oldest first, gaps filled with zeros. */
export function spendingByQuarter(items: readonly WorkHistoryItem[]): Period[] {
  const buckets = new Map<number, Period>();
  const keyOf = (t: number) => {
    const d = new Date(t);
    return d.getUTCFullYear() * 4 + Math.floor(d.getUTCMonth() / 3);
  };
  const periodOf = (key: number): Period => {
    const year = Math.floor(key / 4);
    const quarter = key % 4;
    return { start: new Date(Date.UTC(year, quarter * 3, 1)).toISOString().slice(0, 10), label: `Q${quarter + 1} ${year}`, spent: 0, contracts: 0 };
  };
  const starts = items.map((item) => time(item.startDate)).filter(Number.isFinite);
  if (starts.length === 0) return [];
  const first = keyOf(Math.min(...starts));
  const last = keyOf(Math.max(...starts));
  for (let key = first; key <= last; key++) buckets.set(key, periodOf(key));
  for (const item of items) {
    const t = time(item.startDate);
    if (!Number.isFinite(t)) continue;
    const period = buckets.get(keyOf(t))!;
    period.spent = round(period.spent + (item.totalCharge ?? 0), 2);
    period.contracts += 1;
  }
  return [...buckets.values()];
}

export interface Bin {
  from: number;
  to: number;
  count: number;
}

/** Hourly rates paid, in $10 bins from $0 to the highest rate. */
export function rateHistogram(rates: readonly number[], width = 10): Bin[] {
  if (rates.length === 0) return [];
  const top = Math.max(...rates);
  const bins: Bin[] = [];
  for (let from = 0; from <= top; from += width) bins.push({ from, to: from + width, count: 0 });
  for (const rate of rates) bins[Math.min(bins.length - 1, Math.floor(rate / width))]!.count += 1;
  return bins;
}

/** The client's local time now, from UpHunt's "Europe/Berlin (UTC+02:00)". */
export function clientLocalTime(countryTimezone: string | null | undefined, now: number): string | null {
  const zone = countryTimezone?.split(' ')[0];
  if (!zone) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', minute: '2-digit', weekday: 'short' }).format(now);
  } catch {
    // An unknown zone name: use the offset UpHunt wrote beside it.
    const offset = /UTC([+-])(\d{2}):(\d{2})/.exec(countryTimezone ?? '');
    if (!offset) return null;
    const minutes = (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]));
    return new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', hour: 'numeric', minute: '2-digit', weekday: 'short' }).format(now + minutes * 60_000);
  }
}
