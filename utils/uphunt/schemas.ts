/** UpHunt answers as api-contract.md describes them. Tolerant: extra fields pass, missing optional ones are null. */
import { z } from 'zod';

// Ids are 18–20 digit strings: as JSON numbers they would already have lost digits, so numbers are refused.
const Id = z.string();
const Money = z.object({ amount: z.number().nullish() }).nullish();
const text = z.string().nullish();
const num = z.number().nullish();

// The seed shows feedback only as null; its filled shape is assumed from Upwork's own payloads.
export const FeedbackSchema = z
  .object({
    score: z
      .union([z.number(), z.string()])
      .nullish()
      .transform((v) => (v === null || v === undefined || v === '' ? null : Number(v))),
    comment: text,
  })
  .nullish();

export const OpenJobSchema = z.object({
  id: Id,
  ciphertext: text,
  title: z
    .string()
    .nullish()
    .transform((v) => v ?? 'Untitled job'),
  type: text,
  isPtcPrivate: z.boolean().nullish(),
});

export const WorkHistoryItemSchema = z.object({
  isPtcJob: z.boolean().nullish(),
  status: text,
  startDate: text,
  endDate: text,
  totalCharge: num,
  totalHours: num,
  jobInfo: z.object({ title: text, id: Id.nullish(), ciphertext: text }),
  contractorInfo: z.object({ contractorName: text, ciphertext: text }).nullish(),
  rate: Money,
  feedback: FeedbackSchema,
  feedbackToClient: FeedbackSchema,
});

export const BuyerSchema = z.object({
  company: z.object({ name: text, companyId: Id.nullish(), contractDate: text, isEDCReplicated: z.boolean().nullish() }).nullish(),
  location: z.object({ city: text, country: text, countryTimezone: text }).nullish(),
  stats: z
    .object({
      totalAssignments: num,
      score: num,
      totalCharges: Money,
      feedbackCount: num,
      totalJobsWithHires: num,
    })
    .nullish(),
  enterprise: z.boolean().nullish(),
  avgHourlyJobsRate: Money,
  postedCount: num,
  topClient: z.boolean().nullish(),
  phoneVerificationStatus: z.object({ status: text }).nullish(),
});

export const ClientJobsSchema = z.object({
  companyId: Id,
  lastSyncedAt: num,
  buyer: BuyerSchema.nullish(),
  openJobs: z
    .array(OpenJobSchema)
    .nullish()
    .transform((v) => v ?? []),
  workHistory: z
    .array(WorkHistoryItemSchema)
    .nullish()
    .transform((v) => v ?? []),
  archivedCiphers: z
    .array(z.string())
    .nullish()
    .transform((v) => v ?? []),
  archivedJobIds: z
    .array(Id)
    .nullish()
    .transform((v) => v ?? []),
});

export type ClientJobs = z.output<typeof ClientJobsSchema>;
export type WorkHistoryItem = z.output<typeof WorkHistoryItemSchema>;
export type OpenJob = z.output<typeof OpenJobSchema>;
export type Feedback = z.output<typeof FeedbackSchema>;

/** `by-ciphertext` returns Upwork's own job payloads (assumed shape): only the buyer's company id is read. */
export const ArchivedJobSchema = z.unknown();

export const FreelancersSchema = z.object({
  freelancers: z.array(
    z.object({
      id: Id,
      name: z.string(),
      title: text,
      avatarUrl: text,
      profiles: z
        .array(z.object({ profileId: Id, title: text, isDefault: z.boolean().nullish(), hourlyRate: num }))
        .nullish()
        .transform((v) => v ?? []),
    }),
  ),
});
export type Freelancers = z.output<typeof FreelancersSchema>;

const COMPANY_ID = /^\d{15,20}$/;

/** Finds the buyer's companyId in an archived job, wherever UpHunt nests Upwork's payloads. */
export function companyIdFromArchivedJob(json: unknown): string | null {
  const roots = [json, pick(json, ['job']), pick(json, ['data'])];
  const paths = [
    ['authJobDetailsResponse', 'data', 'jobAuthDetails', 'buyer', 'info', 'company', 'companyId'],
    ['jobAuthDetails', 'buyer', 'info', 'company', 'companyId'],
    ['jobDetailsResponse', 'data', 'jobPubDetails', 'buyer', 'company', 'companyId'],
    ['jobPubDetails', 'buyer', 'company', 'companyId'],
  ];
  for (const root of roots) {
    for (const path of paths) {
      const id = pick(root, path);
      if (typeof id === 'string' && COMPANY_ID.test(id)) return id;
    }
  }
  return null;
}

function pick(value: unknown, path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
