/** Mindcase answers as api-contract.md describes them (rows: seed 002). Tolerant of extra and null fields. */
import { z } from 'zod';

export const RunStatusSchema = z.enum(['queued', 'running', 'completed', 'failed', 'cancelled']);

export const CreditsSchema = z.object({ credits_remaining: z.number() });

const text = z.string().nullish();
const num = z.number().nullish();
const bool = z.boolean().nullish();

const SkillSchema = z.looseObject({ prefLabel: text, relevance: text });

export const SimilarJobSchema = z.looseObject({
  id: text,
  ciphertext: text,
  title: text,
  type: text,
  amount: z.union([num, z.looseObject({ amount: num })]).nullish(),
  hourlyBudgetMin: num,
  hourlyBudgetMax: num,
  skills: z.array(z.union([z.string(), SkillSchema])).nullish(),
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
  extendedBudget: z.unknown().nullish(),
  category: text,
  postedOn: text,
  clientActivity: z
    .looseObject({
      lastBuyerActivity: text,
      totalApplicants: num,
      totalHired: num,
      totalInvitedToInterview: num,
      unansweredInvites: num,
      invitationsSent: num,
      numberOfPositionsToHire: num,
    })
    .nullish(),
  sandsData: z.looseObject({ ontologySkills: z.array(SkillSchema).nullish(), additionalSkills: z.array(SkillSchema).nullish() }).nullish(),
  openingInfo: z.looseObject({ ciphertext: text, id: text, type: text }).nullish(),
  minJobSuccessScore: num,
  minUpworkHours: num,
  englishSkill: text,
  risingTalentOk: bool,
  portfolioRequired: bool,
  localMarket: bool,
  locationCheck: bool,
  paymentVerified: bool,
  similarJobs: z.array(SimilarJobSchema).nullish(),
});

export const StartRunSchema = z.object({
  job_id: z.string(),
  status: RunStatusSchema,
  data: z.array(JobRowSchema).nullish(),
});

export const RunSchema = z.object({
  id: z.string(),
  status: RunStatusSchema,
  row_count: num,
  credits_used: num,
  error: text,
});

export const ResultsSchema = z.object({ status: RunStatusSchema, row_count: num, data: z.array(JobRowSchema) });

export type JobRow = z.output<typeof JobRowSchema>;
export type SimilarJob = z.output<typeof SimilarJobSchema>;
export type Run = z.output<typeof RunSchema>;
export type StartedRun = z.output<typeof StartRunSchema>;
