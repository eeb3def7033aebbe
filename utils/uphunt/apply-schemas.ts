/** UpHunt auto-apply answers (api-contract.md; shapes marked "assumed" there are parsed tolerantly). */
import { z } from 'zod';

export const APPLICATION_STATUSES = ['processing', 'applied', 'failed', 'not_available', 'not_eligible', 'not_enough_connects', 'logged_out'] as const;
export const ApplicationStatusSchema = z.enum(APPLICATION_STATUSES);
export type ApplicationStatus = z.output<typeof ApplicationStatusSchema>;

export const ApplyAnswerSchema = z.object({ queueId: z.string(), creditsRemaining: z.number().nullish() });
export type ApplyAnswer = z.output<typeof ApplyAnswerSchema>;

const time = z.number().nullish();
export const StatusAnswerSchema = z.object({
  jobId: z.string().nullish(),
  processedJobId: z.string().nullish(),
  applicationStatus: ApplicationStatusSchema,
  applicationStatusMessage: z.string().nullish(),
  queueId: z.string().nullish(),
  appliedAt: time,
  processedAt: time,
  errorMessage: z.string().nullish(),
});
export type StatusAnswer = z.output<typeof StatusAnswerSchema>;

export const AppliedJobsSchema = z.object({
  items: z.array(
    z.looseObject({
      queueId: z.string().nullish(),
      jobId: z.string(),
      jobTitle: z.string().nullish(),
      profileId: z.string().nullish(),
      applicationStatus: z.string(),
      createdAt: z.union([z.number(), z.string()]).nullish(),
      appliedAt: z.union([z.number(), z.string()]).nullish(),
    }),
  ),
  total: z.number().nullish(),
});
export type AppliedJobs = z.output<typeof AppliedJobsSchema>;

export const GeneratedProposalSchema = z.object({ coverLetter: z.string() });

export interface ApplyRequest {
  jobId: string;
  coverLetter: string;
  proposal?: { hourlyRate?: number; timeline?: string };
  profileId?: string;
}
