/** The watch form's edit, checked into a watch, and a watch's last and next check in words. Pure. */
import { age } from '../format';
import { ANY_FILTERS, isRunning, MAX_ROWS_PER_CHECK, moneyText, nextDueAt, WatchSchema, type Watch, type WatchFilters, type WatchStatus } from './watch';

/** A watch as typed in the form: every field as text, checked when it is added. */
export interface WatchEdit {
  name: string;
  keywords: string;
  everyMinutes: number;
  maxRows: string;
  filters: WatchFilters;
  hourlyMin: string;
  hourlyMax: string;
  fixedMin: string;
  fixedMax: string;
  location: string;
}
export const EMPTY_EDIT: WatchEdit = {
  name: '',
  keywords: '',
  everyMinutes: 60,
  maxRows: '10',
  filters: ANY_FILTERS,
  hourlyMin: '',
  hourlyMax: '',
  fixedMin: '',
  fixedMax: '',
  location: '',
};

const amount = (text: string) => (text.trim() === '' ? null : Math.round(Number(text)));
const lines = (text: string) =>
  text
    .split(/\n|,/)
    .map((line) => line.trim())
    .filter(Boolean);

/** The edit as a watch, or what is wrong with it, in words. */
export function toWatch(edit: WatchEdit, id: string, now: number): Watch | string {
  const keywords = edit.keywords
    .split('\n')
    .map((k) => k.trim())
    .filter(Boolean);
  const filters: WatchFilters = {
    ...edit.filters,
    hourlyMinPrice: amount(edit.hourlyMin),
    hourlyMaxPrice: amount(edit.hourlyMax),
    fixedMinPrice: amount(edit.fixedMin),
    fixedMaxPrice: amount(edit.fixedMax),
    location: lines(edit.location),
  };
  if (keywords.length === 0) return 'Type at least one search, one per line.';
  if (keywords.length > 5) return 'At most 5 searches per watch (each is bought as its own query).';
  if (!filters.isHourly && !filters.isFixed) return 'Include hourly jobs, fixed-price jobs, or both.';
  for (const [min, max, kind] of [
    [filters.hourlyMinPrice, filters.hourlyMaxPrice, 'hourly rate'],
    [filters.fixedMinPrice, filters.fixedMaxPrice, 'fixed budget'],
  ] as const) {
    if ((min !== null && !(min >= 0)) || (max !== null && !(max >= 0))) return `The ${kind} must be a number of dollars.`;
    if (min !== null && max !== null && min > max) return `The lowest ${kind} is above the highest.`;
  }
  const maxRows = Number(edit.maxRows);
  if (!Number.isInteger(maxRows) || maxRows < 1 || maxRows > MAX_ROWS_PER_CHECK) return `Rows per check: a whole number from 1 to ${MAX_ROWS_PER_CHECK}.`;
  const parsed = WatchSchema.safeParse({
    id,
    name: (edit.name.trim() || keywords[0]!).slice(0, 60),
    keywords,
    filters,
    everyMinutes: edit.everyMinutes,
    maxRows,
    paused: false,
    createdAt: now,
  });
  return parsed.success ? parsed.data : 'A field is too long (a search up to 100 characters, a country up to 60).';
}

export function statusLine(watch: Watch, status: WatchStatus | undefined, now: number): string {
  if (isRunning(status, now)) return 'Checking now…';
  const last =
    status?.lastCheckAt != null
      ? `Last check ${age(status.lastCheckAt, now)}: ${status.lastRows} row${status.lastRows === 1 ? '' : 's'} bought (${moneyText(status.lastCostUsd)}), ${status.lastNew} new.`
      : 'Not checked yet.';
  if (watch.paused) return `${last} Paused.`;
  const next = nextDueAt([watch], status ? { [watch.id]: status } : {}, now);
  return `${last} Next check ${next !== null ? new Date(next).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '—'}.`;
}
