/**
 * Watched searches: Mindcase's Upwork agent asked for the newest jobs of the user's keywords and filters (seed
 * 002's parameters), on a schedule the user chose and within a number of rows per check. Pure: what a watch is,
 * when it is due, what a check may cost, which watches share a run, and which of a run's rows are news.
 */
import * as z from 'zod/mini';
import { PRICE_PER_ROW_USD, rowCiphertext } from '../enrichment/price';
import { PROPOSAL_TIERS, type TileSeen } from '../lists/rules';
import type { JobRow } from '../mindcase/schemas';

export const EXPERIENCE_LEVELS = ['EntryLevel', 'IntermediateLevel', 'ExpertLevel'] as const;
export const CLIENT_HISTORIES = ['0', '1-9', '10-'] as const;
export const PROJECT_LENGTHS = ['week', 'month', 'semester', 'ongoing'] as const;
export const HOURS_PER_WEEK = ['part_time', 'full_time'] as const;

const price = z.nullable(z.number().check(z.int(), z.minimum(0), z.maximum(1_000_000)));

/** Seed 002's filters, as the run's `params` name them (`inputs`, `limit` and `sortBy` are the watch's own). */
export const WatchFiltersSchema = z.object({
  isHourly: z.boolean(),
  hourlyMinPrice: price,
  hourlyMaxPrice: price,
  isFixed: z.boolean(),
  fixedMinPrice: price,
  fixedMaxPrice: price,
  experienceLevel: z.array(z.enum(EXPERIENCE_LEVELS)),
  clientHistory: z.array(z.enum(CLIENT_HISTORIES)),
  projectLength: z.array(z.enum(PROJECT_LENGTHS)),
  hoursPerWeek: z.array(z.enum(HOURS_PER_WEEK)),
  /** Client countries, as Upwork names them. */
  location: z.array(z.string().check(z.minLength(1), z.maxLength(60))).check(z.maxLength(20)),
});
export type WatchFilters = z.output<typeof WatchFiltersSchema>;

export const ANY_FILTERS: WatchFilters = {
  isHourly: true,
  hourlyMinPrice: null,
  hourlyMaxPrice: null,
  isFixed: true,
  fixedMinPrice: null,
  fixedMaxPrice: null,
  experienceLevel: [],
  clientHistory: [],
  projectLength: [],
  hoursPerWeek: [],
  location: [],
};

export const MIN_EVERY_MINUTES = 15;
export const MAX_EVERY_MINUTES = 24 * 60;
export const MAX_ROWS_PER_CHECK = 50;

export const WatchSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(40)),
  name: z.string().check(z.minLength(1), z.maxLength(60)),
  /** One Mindcase query each (`inputs`). */
  keywords: z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.minLength(1), z.maxLength(5)),
  filters: WatchFiltersSchema,
  everyMinutes: z.number().check(z.int(), z.minimum(MIN_EVERY_MINUTES), z.maximum(MAX_EVERY_MINUTES)),
  /** The most rows one check may buy, per keyword (Mindcase's `limit` is per query). */
  maxRows: z.number().check(z.int(), z.minimum(1), z.maximum(MAX_ROWS_PER_CHECK)),
  paused: z.boolean(),
  createdAt: z.number(),
  /** Where its new jobs go besides the browser's notification (destinations.ts), by id. */
  destinations: z._default(z.array(z.string().check(z.maxLength(40))).check(z.maxLength(20)), []),
});
export type Watch = z.output<typeof WatchSchema>;

/** What the last checks of a watch did: Options shows it beside the watch. */
export const WatchStatusSchema = z.object({
  /** The schedule slot last run (see slotOf): a slot is run once, whoever wakes for it. */
  lastSlot: z.number(),
  /** Set while a check's run is out; a check is not started beside it. */
  runningSince: z.nullable(z.number()),
  lastCheckAt: z.nullable(z.number()),
  lastRows: z.number(),
  lastNew: z.number(),
  lastCostUsd: z.number(),
  /** Every row of the last check was news: the next check asks for the full number again. */
  saturated: z.boolean(),
  /** Why the last check did not run or did not finish, in words; null when it went well. */
  problem: z.nullable(z.string()),
});
export type WatchStatus = z.output<typeof WatchStatusSchema>;

/** A job a watch announced: what the New jobs list shows without another call. */
export const NewJobSchema = z.object({
  ciphertext: z.string(),
  title: z.string(),
  budget: z.nullable(z.string()),
  postedAt: z.nullable(z.string()),
  proposals: z.nullable(z.string()),
  country: z.nullable(z.string()),
  paymentVerified: z.nullable(z.boolean()),
  /** The client's score, when UpHunt knows the client. */
  score: z.nullable(z.number()),
  watches: z.array(z.string()),
  foundAt: z.number(),
});
export type NewJob = z.output<typeof NewJobSchema>;

/** The newest jobs announced, newest first, and the jobs any watch has seen (never announced again). */
export const MAX_NEW_JOBS = 100;
export const MAX_SEEN = 3000;

const everyMs = (watch: Pick<Watch, 'everyMinutes'>) => watch.everyMinutes * 60_000;

/** Which slot of the watch's schedule a moment falls in: slots start on multiples of the period. */
export function slotOf(watch: Pick<Watch, 'everyMinutes'>, now: number): number {
  return Math.floor(now / everyMs(watch));
}

/** A new watch's first slot is the next one: nothing is bought until then, or until Check now. */
export function firstStatus(watch: Watch, now: number): WatchStatus {
  return { lastSlot: slotOf(watch, now), runningSince: null, lastCheckAt: null, lastRows: 0, lastNew: 0, lastCostUsd: 0, saturated: true, problem: null };
}

/** A check whose run was neither answered nor failed by then was lost with its worker: the watch may run again. */
export const RUNNING_STALE_MS = 15 * 60_000;

export function isRunning(status: WatchStatus | undefined, now: number): boolean {
  return status?.runningSince != null && now - status.runningSince < RUNNING_STALE_MS;
}

export function isDue(watch: Watch, status: WatchStatus | undefined, now: number): boolean {
  if (watch.paused || isRunning(status, now)) return false;
  return (status?.lastSlot ?? slotOf(watch, watch.createdAt)) < slotOf(watch, now);
}

/** When the next watch falls due (ms), or null when none is active. */
export function nextDueAt(watches: Watch[], statuses: Record<string, WatchStatus>, now: number): number | null {
  const times = watches.filter((w) => !w.paused).map((w) => Math.max(now, ((statuses[w.id]?.lastSlot ?? slotOf(w, w.createdAt)) + 1) * everyMs(w)));
  return times.length ? Math.min(...times) : null;
}

/** How many rows this check asks for, per keyword: the full number after a check whose every row was new. */
export function rowsToAsk(watch: Watch, status: WatchStatus | undefined): number {
  // After a quieter check, a little more than last time's news: rows already seen are paid for again, the
  // API having no "since" filter. A full answer means more may be waiting, so the next asks for all.
  if (!status || status.saturated || status.lastCheckAt === null) return watch.maxRows;
  return Math.min(watch.maxRows, status.lastNew + 1);
}

/** The most a watch can cost: every check buying its full number of rows. */
export function watchCost(watch: Pick<Watch, 'keywords' | 'maxRows' | 'everyMinutes'>): { perCheck: number; perDay: number; perMonth: number } {
  const perCheck = watch.keywords.length * watch.maxRows * PRICE_PER_ROW_USD;
  const perDay = perCheck * ((24 * 60) / watch.everyMinutes);
  return { perCheck, perDay, perMonth: perDay * 30 };
}

export interface SearchGroup {
  watchIds: string[];
  inputs: string[];
  limit: number;
  params: Record<string, unknown>;
}

/** The run's `params`: the seed's names; empty filters are left out (Mindcase's defaults then apply). */
export function searchParams(inputs: string[], limit: number, filters: WatchFilters): Record<string, unknown> {
  const params: Record<string, unknown> = { inputs, limit, sortBy: 'newest', isHourly: filters.isHourly, isFixed: filters.isFixed };
  for (const [key, value] of Object.entries(filters)) {
    if (key === 'isHourly' || key === 'isFixed' || value === null) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (key.startsWith('hourly') && !filters.isHourly) continue;
    if (key.startsWith('fixed') && !filters.isFixed) continue;
    params[key] = value;
  }
  return params;
}

/** Watches due together whose filters and row numbers are the same share one run (one query per keyword). */
export function groupDue(due: Array<{ watch: Watch; limit: number }>): SearchGroup[] {
  const groups = new Map<string, SearchGroup & { filters: WatchFilters }>();
  for (const { watch, limit } of due) {
    const key = JSON.stringify([watch.filters, limit]);
    const group = groups.get(key) ?? { watchIds: [], inputs: [], limit, params: {}, filters: watch.filters };
    group.watchIds.push(watch.id);
    for (const keyword of watch.keywords) if (!group.inputs.includes(keyword.trim())) group.inputs.push(keyword.trim());
    groups.set(key, group);
  }
  return [...groups.values()].map(({ filters, ...group }) => ({ ...group, params: searchParams(group.inputs, group.limit, filters) }));
}

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}+#.]+/gu) ?? [];

/**
 * Which of a shared run's watches a row answers: those with a keyword whose every word is in the row's title,
 * description or skills. A row that matches none (Mindcase's search is broader than words) goes to them all.
 */
export function watchesOfRow(row: JobRow, watches: Pick<Watch, 'id' | 'keywords'>[]): string[] {
  if (watches.length === 1) return [watches[0]!.id];
  const skills = (row.sandsData?.ontologySkills ?? []).map((s) => s.prefLabel ?? '');
  const text = new Set(words([row.jobTitle ?? '', row.description ?? '', ...skills].join(' ')));
  const matched = watches.filter((w) => w.keywords.some((k) => words(k).every((word) => text.has(word))));
  return (matched.length ? matched : watches).map((w) => w.id);
}

function amountOf(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (value && typeof value === 'object' && 'amount' in value && typeof value.amount === 'number') return value.amount;
  return null;
}

const usd = (n: number) => `$${n.toLocaleString('en-US', { maximumFractionDigits: 0 })}`;

/** The budget as the list shows it: a fixed price, or an hourly range; 0 means not given (seed 002). */
export function budgetOf(row: JobRow): string | null {
  const type = row.openingInfo?.type;
  const extended = (row.extendedBudget ?? null) as { hourlyBudgetMin?: unknown; hourlyBudgetMax?: unknown } | null;
  if (type === 'HOURLY' || (extended && type !== 'FIXED')) {
    const min = amountOf(extended?.hourlyBudgetMin) || null;
    const max = amountOf(extended?.hourlyBudgetMax) || null;
    if (min && max) return `${usd(min)}–${usd(max)}/hr`;
    if (min || max) return `${usd((min ?? max)!)}/hr`;
    return 'Hourly';
  }
  return row.budget ? `${usd(row.budget)} fixed` : null;
}

/** Upwork's proposal tier for a number of applicants, as tiles write it. */
export function proposalsTier(applicants: number | null | undefined): string | null {
  if (applicants == null) return null;
  const bounds = [5, 10, 15, 20, 50];
  const index = bounds.findIndex((b) => applicants < b);
  return PROPOSAL_TIERS[index === -1 ? PROPOSAL_TIERS.length - 1 : index]!;
}

interface RowClient {
  buyerLocation?: { country?: string | null } | null;
  buyerStats?: { score?: number | null; feedbackCount?: number | null; totalCharges?: unknown } | null;
}

/** A row as a list tile's facts, so that the list rules judge a found job as they judge a tile. */
export function rowAsTile(row: JobRow): TileSeen & { ciphertext: string } {
  const client = row as JobRow & RowClient;
  const spent = amountOf(client.buyerStats?.totalCharges);
  const feedback = client.buyerStats?.feedbackCount ?? 0;
  return {
    ciphertext: rowCiphertext(row) ?? '',
    title: row.jobTitle ?? row.openingInfo?.ciphertext ?? '',
    paymentVerified: row.paymentVerified ?? null,
    totalSpent: spent === null ? null : `$${spent}`,
    rating: feedback > 0 ? (client.buyerStats?.score ?? null) : null,
    country: client.buyerLocation?.country ?? null,
    proposals: proposalsTier(row.clientActivity?.totalApplicants),
  };
}

export function newJobOf(row: JobRow, watchNames: string[], score: number | null, now: number): NewJob {
  const tile = rowAsTile(row);
  return {
    ciphertext: tile.ciphertext,
    title: tile.title,
    budget: budgetOf(row),
    postedAt: row.postedOn ?? null,
    proposals: tile.proposals,
    country: tile.country,
    paymentVerified: tile.paymentVerified,
    score,
    watches: watchNames,
    foundAt: now,
  };
}

/** "3 new jobs for 'shopify dashboard'" (one notification per check). */
export function noticeText(count: number, names: string[]): string {
  const quoted = names.map((n) => `'${n}'`);
  const list = quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}` : (quoted[0] ?? '');
  return `${count} new job${count === 1 ? '' : 's'} for ${list}`;
}

/** Dollars, with a tenth of a cent where a few rows cost less than ten cents. */
export function moneyText(usdAmount: number): string {
  return usdAmount > 0 && usdAmount < 0.1 ? `$${usdAmount.toFixed(3)}` : `$${usdAmount.toFixed(2)}`;
}
