/**
 * The Activity log in Options: every request the extension sends (time, service, path without secrets, what
 * came back, what it cost), kept for a week and at most ACTIVITY_LIMIT entries. Keys never enter it: they travel
 * in headers, and the path is kept without its query values.
 */
import * as z from 'zod/mini';
import type { RateLimit } from '../http';
import { SERVICES } from '../problem';

export const ActivityEntrySchema = z.object({
  at: z.number(),
  service: z.enum(SERVICES),
  method: z.string(),
  path: z.string(),
  /** The HTTP status, or null when no answer came (refused, timed out). */
  status: z.nullable(z.number()),
  /** "ok" or the problem kind (timeout, malformed, rate_limited…). */
  outcome: z.string(),
  cost: z.nullable(z.string()),
  /** The rate limit the answer announced ("59 of 60 left"), or a check of the answer ("8 rows for 10 jobs"). */
  note: z._default(z.nullable(z.string()), null),
});
export type ActivityEntry = z.output<typeof ActivityEntrySchema>;

export const ACTIVITY_LIMIT = 300;
export const ACTIVITY_KEEP_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The path of a URL with every query value blanked: ids stay readable, nothing secret can ride along. A
 * destination's whole URL is its secret (a webhook path, a bot token): only its host is kept.
 */
export function redactedPath(url: string, service: ActivityEntry['service'] = 'UpHunt'): string {
  try {
    const parsed = new URL(url);
    if (service === 'Destination') return parsed.host;
    const names = [...parsed.searchParams.keys()];
    return names.length ? `${parsed.pathname}?${names.map((name) => `${name}=…`).join('&')}` : parsed.pathname;
  } catch {
    return '(unreadable URL)';
  }
}

/** The log with `entry` added: newest first, older than a week or beyond the limit dropped. */
export function withEntry(log: ActivityEntry[], entry: ActivityEntry, now: number): ActivityEntry[] {
  return [entry, ...log].filter((e) => now - e.at < ACTIVITY_KEEP_MS).slice(0, ACTIVITY_LIMIT);
}

/** "59 of 60 left" from the X-RateLimit headers, or null when the answer carried none. */
export function rateLimitNote(limit: RateLimit | null): string | null {
  if (!limit || limit.remaining === null) return null;
  return `${limit.remaining}${limit.limit !== null ? ` of ${limit.limit}` : ''} left${limit.reset !== null ? ` until ${new Date(limit.reset * 1000).toISOString().slice(11, 19)} UTC` : ''}`;
}
