/** Mindcase answers as api-contract.md describes them (rows: seed 002). Tolerant of extra and null fields. */
import * as z from 'zod/mini';

/** The five documented statuses; any other (e.g. `rejected_balance`) is final and failed, shown by its name. */
export const KNOWN_RUN_STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;
const RunStatusSchema = z.string();
/** The SDKs read a run's id from `job_id` or `id`. */
export interface Run {
  id: string | null;
  status: string;
  agent: string | null;
  row_count: number | null;
  credits_used: number | null;
  created_at: string | null;
  error: string | null;
}
interface RawRun {
  id?: string | null;
  job_id?: string | null;
  status: string;
  agent?: string | null;
  row_count?: number | null;
  credits_used?: number | null;
  created_at?: string | null;
  error?: string | null;
}
const withId = (run: RawRun): Run => ({
  id: run.id ?? run.job_id ?? null,
  status: run.status,
  agent: run.agent ?? null,
  row_count: run.row_count ?? null,
  credits_used: run.credits_used ?? null,
  created_at: run.created_at ?? null,
  error: run.error ?? null,
});

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
  ontologySkills: z.nullish(z.array(SkillSchema)),
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

export const StartRunSchema = z.pipe(
  z.looseObject({
    id: text,
    job_id: text,
    status: RunStatusSchema,
    data: z.nullish(z.array(JobRowSchema)),
  }),
  z.transform((run) => ({ ...withId(run), data: run.data ?? null })),
);

const RunFields = {
  id: text,
  job_id: text,
  status: RunStatusSchema,
  agent: text,
  row_count: num,
  credits_used: num,
  created_at: text,
  error: text,
};
export const RunSchema = z.pipe(
  z.looseObject(RunFields),
  z.transform((run) => withId(run)),
);

/** `GET /jobs?status=&limit=`: the account's runs, newest first. */
export const RunListSchema = z.pipe(
  z.looseObject({ jobs: z.nullish(z.array(z.looseObject(RunFields))) }),
  z.transform((list) => (list.jobs ?? []).map(withId)),
);

/** DELETE /jobs/{id} answers the run, perhaps in part: nothing of it is required. */
export const CancelAnswerSchema = z.unknown();

export const ResultsSchema = z.object({ status: RunStatusSchema, row_count: num, data: z.array(JobRowSchema) });

export type JobRow = z.output<typeof JobRowSchema>;
export type SimilarJob = z.output<typeof SimilarJobSchema>;
export type StartedRun = z.output<typeof StartRunSchema>;
