/** Mindcase answers as api-contract.md describes them (rows: seed 002). Tolerant of extra and null fields. */
import { z } from 'zod';

export const RunStatusSchema = z.enum(['queued', 'running', 'completed', 'failed', 'cancelled']);

export const CreditsSchema = z.object({ credits_remaining: z.number() });

export const JobRowSchema = z.looseObject({
  jobUrl: z.string().nullish(),
  jobTitle: z.string().nullish(),
  description: z.string().nullish(),
  budget: z.number().nullish(),
  openingInfo: z.looseObject({ ciphertext: z.string().nullish(), id: z.string().nullish() }).nullish(),
});

export const StartRunSchema = z.object({
  job_id: z.string(),
  status: RunStatusSchema,
  data: z.array(JobRowSchema).nullish(),
});

export const RunSchema = z.object({
  id: z.string(),
  status: RunStatusSchema,
  row_count: z.number().nullish(),
  credits_used: z.number().nullish(),
  error: z.string().nullish(),
});

export const ResultsSchema = z.object({ status: RunStatusSchema, row_count: z.number().nullish(), data: z.array(JobRowSchema) });

export type JobRow = z.output<typeof JobRowSchema>;
export type Run = z.output<typeof RunSchema>;
export type StartedRun = z.output<typeof StartRunSchema>;
