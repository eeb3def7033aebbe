/** Mindcase answers as api-contract.md describes them (rows: seed 002). Tolerant of extra and null fields. */
import * as z from 'zod/mini';

export const RunStatusSchema = z.enum(['queued', 'running', 'completed', 'failed', 'cancelled']);

export const CreditsSchema = z.object({ credits_remaining: z.number() });

const text = z.nullish(z.string());
const num = z.nullish(z.number());
const bool = z.nullish(z.boolean());

const SkillSchema = z.looseObject({ prefLabel: text, relevance: text });

export const SimilarJobSchema = z.looseObject({
  id: text,
  ciphertext: text,
  title: text,
  type: text,
  amount: z.nullish(z.union([num, z.looseObject({ amount: num })])),
  hourlyBudgetMin: num,
  hourlyBudgetMax: num,
  skills: z.nullish(z.array(z.union([z.string(), SkillSchema]))),
});

export const JobRowSchema = z.looseObject({
  jobUrl: text,
  jobTitle: text,
  description: text,
  status: text,
  contractorTier: text,
  workload: text,
  engagementDuration: text,
  budget: num,
  // Its shape is not published; an hourly range is read from it when it carries min/max.
  extendedBudget: z.nullish(z.unknown()),
  category: text,
  postedOn: text,
  clientActivity: z.nullish(
    z.looseObject({
      lastBuyerActivity: text,
      totalApplicants: num,
      totalHired: num,
      totalInvitedToInterview: num,
      unansweredInvites: num,
      invitationsSent: num,
      numberOfPositionsToHire: num,
    }),
  ),
  sandsData: z.nullish(z.looseObject({ ontologySkills: z.nullish(z.array(SkillSchema)), additionalSkills: z.nullish(z.array(SkillSchema)) })),
  openingInfo: z.nullish(z.looseObject({ ciphertext: text, id: text, type: text })),
  minJobSuccessScore: num,
  minUpworkHours: num,
  englishSkill: text,
  risingTalentOk: bool,
  portfolioRequired: bool,
  localMarket: bool,
  locationCheck: bool,
  paymentVerified: bool,
  similarJobs: z.nullish(z.array(SimilarJobSchema)),
});

export const StartRunSchema = z.object({
  job_id: z.string(),
  status: RunStatusSchema,
  data: z.nullish(z.array(JobRowSchema)),
});

export const RunSchema = z.object({
  id: z.string(),
  status: RunStatusSchema,
  row_count: num,
  credits_used: num,
  error: text,
});

/** DELETE /jobs/{id} answers the run, perhaps in part: nothing of it is required. */
export const CancelAnswerSchema = z.partial(z.looseObject(RunSchema.shape));

export const ResultsSchema = z.object({ status: RunStatusSchema, row_count: num, data: z.array(JobRowSchema) });

export type JobRow = z.output<typeof JobRowSchema>;
export type SimilarJob = z.output<typeof SimilarJobSchema>;
export type Run = z.output<typeof RunSchema>;
export type StartedRun = z.output<typeof StartRunSchema>;
