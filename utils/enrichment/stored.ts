/** What enrichment keeps: the Mindcase runs in flight and what they cost this month, its settings, the rows bought. */
import * as z from 'zod/mini';
import { CacheEntrySchema } from '../cache';
import { JobRowSchema } from '../mindcase/schemas';
import { ProblemSchema } from '../problem';
import { defineFamily, defineStored } from '../storage/stored';
import { defineSettings } from '../storage/settings';

/** A watched search's run: its `inputs` are keywords, and up to `limit` rows come back for each. */
const SearchRunSchema = z.object({ watchIds: z.array(z.string()), limit: z.number(), params: z.record(z.string(), z.unknown()) });
export type SearchRun = z.output<typeof SearchRunSchema>;

const PendingRunSchema = z.object({
  /** null while the POST that starts it is in flight. */
  id: z.nullable(z.string()),
  inputs: z.array(z.string()),
  startedAt: z.number(),
  /** The last poll's failure, while the run is polled again: said beside "Fetching…". */
  problem: z.optional(z.nullable(ProblemSchema)),
  search: z.optional(z.nullable(SearchRunSchema)),
});
export type PendingRun = z.output<typeof PendingRunSchema>;

export const EnrichmentStateSchema = z.object({
  queue: z.array(z.string()),
  runs: z.array(PendingRunSchema),
  failed: z.record(z.string(), ProblemSchema),
  /** 'YYYY-MM' (UTC) the row count belongs to. */
  month: z.string(),
  rowsThisMonth: z.number(),
  /** What Mindcase says it charged this month (`credits_used` of each run), beside the local estimate. */
  creditsUsedThisMonth: z._default(z.number(), 0),
  /** Runs whose row count was not the number of jobs asked for, by job: said in the panel. */
  rowNotes: z._default(z.record(z.string(), z.string()), {}),
  /** Ids of the newest runs that ended here (at most 100): never taken for a run whose start answer was lost. */
  endedIds: z._default(z.array(z.string()), []),
});
export type EnrichmentState = z.output<typeof EnrichmentStateSchema>;

export const EMPTY_ENRICHMENT: EnrichmentState = {
  queue: [],
  runs: [],
  failed: {},
  month: '',
  rowsThisMonth: 0,
  creditsUsedThisMonth: 0,
  rowNotes: {},
  endedIds: [],
};

export const enrichment = defineStored('local:enrichment', EnrichmentStateSchema);

export const EnrichSettingsSchema = z.object({ autoEnrich: z.boolean(), monthlyCapUsd: z.number().check(z.minimum(0)) });
export type EnrichSettings = z.output<typeof EnrichSettingsSchema>;
// Off by default: every Mindcase row costs the user money.
export const enrichSettingsItem = defineSettings('local:enrich-settings', EnrichSettingsSchema, { autoEnrich: false, monthlyCapUsd: 5 }, { version: 1 });

/** A job's Mindcase details, bought once. */
export const mindcaseRows = defineFamily('local:mindcase-row', CacheEntrySchema(JobRowSchema));
