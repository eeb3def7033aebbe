/** UpHunt auto-apply answers (api-contract.md; shapes marked "assumed" there are parsed tolerantly). */
import * as z from 'zod/mini';
import { LooseId } from './schemas';

export const APPLICATION_STATUSES = ['processing', 'applied', 'failed', 'not_available', 'not_eligible', 'not_enough_connects', 'logged_out'] as const;
export const ApplicationStatusSchema = z.enum(APPLICATION_STATUSES);
export type ApplicationStatus = z.output<typeof ApplicationStatusSchema>;

export const ApplyAnswerSchema = z.object({ queueId: z.string(), creditsRemaining: z.nullish(z.number()) });
export type ApplyAnswer = z.output<typeof ApplyAnswerSchema>;

const time = z.nullish(z.number());
export const StatusAnswerSchema = z.object({
  jobId: z.nullish(z.string()),
  processedJobId: z.nullish(z.string()),
  applicationStatus: ApplicationStatusSchema,
  applicationStatusMessage: z.nullish(z.string()),
  queueId: z.nullish(z.string()),
  appliedAt: time,
  processedAt: time,
  errorMessage: z.nullish(z.string()),
});
export type StatusAnswer = z.output<typeof StatusAnswerSchema>;

export const AppliedJobSchema = z.looseObject({
  queueId: z.nullish(LooseId),
  jobId: LooseId,
  jobTitle: z.nullish(z.string()),
  profileId: z.nullish(LooseId),
  applicationStatus: z.string(),
  createdAt: z.nullish(z.union([z.number(), z.string()])),
  appliedAt: z.nullish(z.union([z.number(), z.string()])),
});

/** `{ items, total }` as assumed, or a bare array; ids as strings or numbers. */
export const AppliedJobsSchema = z.pipe(
  z.union([z.array(AppliedJobSchema), z.object({ items: z.array(AppliedJobSchema), total: z.nullish(z.number()) })]),
  z.transform((v) => (Array.isArray(v) ? { items: v, total: v.length } : v)),
);
export type AppliedJobs = z.output<typeof AppliedJobsSchema>;
export type AppliedJob = z.output<typeof AppliedJobSchema>;

export const GeneratedProposalSchema = z.object({ coverLetter: z.string() });

export interface ApplyRequest {
  jobId: string;
  coverLetter: string;
  proposal?: { hourlyRate?: number; timeline?: string };
  profileId?: string;
}
