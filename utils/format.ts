/** Numbers, money, dates and ages in words, with Intl. */

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const usdCents = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const compactUsd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 });
const day = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
const month = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', timeZone: 'UTC' });
const relative = new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' });

export function money(amount: number | null | undefined): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return '—';
  return amount >= 10_000 ? compactUsd.format(amount) : usd.format(amount);
}

export function exactMoney(amount: number | null | undefined): string {
  return amount === null || amount === undefined || !Number.isFinite(amount) ? '—' : usdCents.format(amount);
}

export function hourlyRate(amount: number | null | undefined): string {
  return amount === null || amount === undefined || !Number.isFinite(amount) || amount <= 0 ? '—' : `${usdCents.format(amount)}/hr`;
}

export function isoDay(iso: string | null | undefined): string {
  const time = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(time) ? '—' : day.format(time);
}

export function isoMonth(iso: string | null | undefined): string {
  const time = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(time) ? '—' : month.format(time);
}

/** "3 hours ago", "yesterday", "just now". */
export function age(thenMs: number, nowMs: number): string {
  const seconds = Math.round((thenMs - nowMs) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return 'just now';
  const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
    ['year', 31_536_000],
    ['month', 2_592_000],
    ['week', 604_800],
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) {
    if (abs >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

export function percent(share: number | null | undefined): string {
  return share === null || share === undefined || !Number.isFinite(share) ? '—' : `${Math.round(share * 100)}%`;
}

/** The dollars a page writes: "$2.8K total spent" → 2800, "$10K+ spent" → 10000, "$5.00 /hr" → 5; null when it names none. */
export function dollarsIn(text: string | null): number | null {
  const match = /\$\s*([\d.,]+)\s*([KM])?/i.exec(text ?? '');
  if (!match) return null;
  const scale = { K: 1e3, M: 1e6 }[match[2]?.toUpperCase() ?? ''] ?? 1;
  return Math.round(Number(match[1]!.replace(/,/g, '')) * scale * 100) / 100;
}
