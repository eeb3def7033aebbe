/**
 * How well pages are read, per page kind: which strategy found the job, pages that yielded none, and how many
 * tiles lacked each fact. Markup drift shows here within a day of Upwork shipping it. Pure, and the report
 * it writes for a bug report holds no names, ids or URLs.
 */
import * as z from 'zod/mini';
import type { PageSeen } from '../upwork/nuxt';
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
  /** Pages read per design (2024, 2025, the 2026 redesign, unknown): the next redesign shows up as "unknown". */
  designs: counts,
  /** Job pages that lacked each fact a job page shows (client box, payment, Connects, activity, the client's jobs). */
  lacking: counts,
});
export const DiagnosticsSchema = z.record(z.string(), PageReadingSchema);
export type Diagnostics = z.output<typeof DiagnosticsSchema>;
export type PageReading = z.output<typeof PageReadingSchema>;

const EMPTY: PageReading = { failures: 0, lastAt: 0, lastPath: '', views: 0, strategies: {}, tiles: 0, missing: {}, designs: {}, lacking: {} };

const add = (record: Record<string, number>, key: string, by = 1) => ({ ...record, [key]: (record[key] ?? 0) + by });

/** What a job page shows that a person reads there; a fact no page shows any more is markup drift. */
export type PageFact = 'client box' | 'payment' | 'connects' | 'activity' | "client's jobs";

/** Which facts a job page lacked (a page without a job lacks none: it is not a job page). */
export function lackingFacts(page: Pick<PageSeen, 'ciphertext' | 'client' | 'paymentVerified' | 'facts' | 'otherJobs'>): PageFact[] {
  if (!page.ciphertext) return [];
  const present: Array<[PageFact, boolean]> = [
    ['client box', page.client !== null],
    ['payment', page.paymentVerified !== null],
    ['connects', page.facts?.connects.required != null],
    ['activity', page.facts?.activity.proposals != null],
    ["client's jobs", page.otherJobs.length > 0 || Array.isArray(page.client?.state?.workHistory)],
  ];
  return present.filter(([, shown]) => !shown).map(([fact]) => fact);
}

/**
 * A page seen: found its job by `strategy`, or (null on a page that should show one) did not; of which design,
 * lacking which facts.
 */
export function recordPage(
  d: Diagnostics | null,
  kind: PageKind,
  strategy: string | null,
  failedPath: string | null,
  now: number,
  read: { design: string | null; lacking: string[] } = { design: null, lacking: [] },
): Diagnostics {
  const seen = d?.[kind] ?? EMPTY;
  const next: PageReading = { ...seen, views: seen.views + 1, lastAt: now };
  if (strategy) next.strategies = add(seen.strategies, strategy);
  if (read.design) next.designs = add(seen.designs, read.design);
  for (const fact of read.lacking) next.lacking = add(next.lacking, fact);
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
    const designs = Object.entries(r.designs).map(([f, n]) => `${f} ${n}`);
    const lacking = Object.entries(r.lacking).map(([f, n]) => `${f} ${n}`);
    lines.push(
      `${kind}: ${r.views} pages, ${r.failures} not read` +
        (strategies.length ? `; job found by ${strategies.join(', ')}` : '') +
        (designs.length ? `; designs ${designs.join(', ')}` : '') +
        (lacking.length ? `; pages lacking ${lacking.join(', ')}` : '') +
        (r.tiles ? `; ${r.tiles} tiles, lacking ${missing.length ? missing.join(', ') : 'nothing'}` : ''),
    );
  }
  return lines.join('\n');
}
