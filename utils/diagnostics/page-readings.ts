/**
 * How well pages are read, per page kind: which strategy found the job, pages that yielded none, and how many
 * tiles lacked each fact. Markup drift shows here within a day of Upwork shipping it. Pure, and the report
 * it writes for a bug report holds no names, ids or URLs.
 */
import * as z from 'zod/mini';
import type { PageKind } from '../upwork/page';

const counts = z._default(z.record(z.string(), z.number()), {});

export const PageReadingSchema = z.object({
  failures: z.number(),
  lastAt: z.number(),
  /** Shown in Options only: it can name a proposal's number, so it never goes into the report. */
  lastPath: z.string(),
  views: z._default(z.number(), 0),
  strategies: counts,
  tiles: z._default(z.number(), 0),
  missing: counts,
});
export const DiagnosticsSchema = z.record(z.string(), PageReadingSchema);
export type Diagnostics = z.output<typeof DiagnosticsSchema>;
export type PageReading = z.output<typeof PageReadingSchema>;

const EMPTY: PageReading = { failures: 0, lastAt: 0, lastPath: '', views: 0, strategies: {}, tiles: 0, missing: {} };

const add = (record: Record<string, number>, key: string, by = 1) => ({ ...record, [key]: (record[key] ?? 0) + by });

/** A page seen: found its job by `strategy`, or (null on a page that should show one) did not. */
export function recordPage(d: Diagnostics | null, kind: PageKind, strategy: string | null, failedPath: string | null, now: number): Diagnostics {
  const seen = d?.[kind] ?? EMPTY;
  const next: PageReading = { ...seen, views: seen.views + 1, lastAt: now };
  if (strategy) next.strategies = add(seen.strategies, strategy);
  if (failedPath !== null) Object.assign(next, { failures: seen.failures + 1, lastPath: failedPath });
  return { ...d, [kind]: next };
}

/** Tiles read on a list page, with how many lacked each fact. */
export function recordTiles(d: Diagnostics | null, kind: PageKind, tiles: number, missing: Record<string, number>, now: number): Diagnostics {
  const seen = d?.[kind] ?? EMPTY;
  let lacking = seen.missing;
  for (const [fact, n] of Object.entries(missing)) lacking = add(lacking, fact, n);
  return { ...d, [kind]: { ...seen, tiles: seen.tiles + tiles, missing: lacking, lastAt: now } };
}

/** Plain text for a bug report: counts and page kinds only. */
export function diagnosticsReport(d: Diagnostics, extra: { version: string; browser: string; now: number }): string {
  const lines = [`UpHunt Overlay ${extra.version} · ${extra.browser} · ${new Date(extra.now).toISOString().slice(0, 10)}`];
  for (const [kind, r] of Object.entries(d).sort(([a], [b]) => a.localeCompare(b))) {
    const strategies = Object.entries(r.strategies).map(([s, n]) => `${s} ${n}`);
    const missing = Object.entries(r.missing).map(([f, n]) => `${f} ${n}`);
    lines.push(
      `${kind}: ${r.views} pages, ${r.failures} not read` +
        (strategies.length ? `; job found by ${strategies.join(', ')}` : '') +
        (r.tiles ? `; ${r.tiles} tiles, lacking ${missing.length ? missing.join(', ') : 'nothing'}` : ''),
    );
  }
  return lines.join('\n');
}
