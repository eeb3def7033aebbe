/** UpHunt answers as api-contract.md describes them. Tolerant: extra fields pass, missing optional ones are null. */
import * as z from 'zod/mini';

// Ids are 18–20 digit strings: as JSON numbers they would already have lost digits, so numbers are refused.
const Id = z.string();
const Money = z.nullish(z.object({ amount: z.nullish(z.number()) }));
const text = z.nullish(z.string());
const num = z.nullish(z.number());
/** A list the API may omit or send as null reads as empty. */
const list = <T extends z.ZodMiniType>(item: T) =>
  z.pipe(
    z.nullish(z.array(item)),
    z.transform((v) => v ?? []),
  );

// The seed shows feedback only as null; its filled shape is assumed from Upwork's own payloads.
export const FeedbackSchema = z.nullish(
  z.object({
    score: z.pipe(
      z.nullish(z.union([z.number(), z.string()])),
      z.transform((v) => (v === null || v === undefined || v === '' ? null : Number(v))),
    ),
    comment: text,
  }),
);

export const OpenJobSchema = z.object({
  id: Id,
  ciphertext: text,
  title: z.pipe(
    text,
    z.transform((v) => v ?? 'Untitled job'),
  ),
  type: text,
  isPtcPrivate: z.nullish(z.boolean()),
});

export const WorkHistoryItemSchema = z.object({
  isPtcJob: z.nullish(z.boolean()),
  status: text,
  startDate: text,
  endDate: text,
  totalCharge: num,
  totalHours: num,
  jobInfo: z.object({ title: text, id: z.nullish(Id), ciphertext: text }),
  contractorInfo: z.nullish(z.object({ contractorName: text, ciphertext: text })),
  rate: Money,
  feedback: FeedbackSchema,
  feedbackToClient: FeedbackSchema,
});

export const BuyerSchema = z.object({
  company: z.nullish(z.object({ name: text, companyId: z.nullish(Id), contractDate: text, isEDCReplicated: z.nullish(z.boolean()) })),
  location: z.nullish(z.object({ city: text, country: text, countryTimezone: text })),
  stats: z.nullish(
    z.object({
      totalAssignments: num,
      score: num,
      totalCharges: Money,
      feedbackCount: num,
      totalJobsWithHires: num,
    }),
  ),
  enterprise: z.nullish(z.boolean()),
  avgHourlyJobsRate: Money,
  postedCount: num,
  topClient: z.nullish(z.boolean()),
  phoneVerificationStatus: z.nullish(z.object({ status: text })),
});

export const ClientJobsSchema = z.object({
  companyId: Id,
  lastSyncedAt: num,
  buyer: z.nullish(BuyerSchema),
  openJobs: list(OpenJobSchema),
  workHistory: list(WorkHistoryItemSchema),
  archivedCiphers: list(z.string()),
  archivedJobIds: list(Id),
});

export type ClientJobs = z.output<typeof ClientJobsSchema>;
export type WorkHistoryItem = z.output<typeof WorkHistoryItemSchema>;
export type OpenJob = z.output<typeof OpenJobSchema>;
export type Feedback = z.output<typeof FeedbackSchema>;

/** `by-ciphertext` returns Upwork's own job payloads (assumed shape): only the client's company id (`buyer`) is read. */
export const ArchivedJobSchema = z.unknown();

/**
 * An id in a shape nobody published (freelancers, applied jobs): a string, or a number (`1700000000000000001` as
 * JSON may have lost digits, but it still tells one profile from another and is what UpHunt will be sent back).
 */
export const LooseId = z.pipe(
  z.union([z.string(), z.number()]),
  z.transform((v) => String(v)),
);

const FreelancerSchema = z.object({
  id: LooseId,
  name: z.string(),
  title: text,
  avatarUrl: text,
  profiles: list(z.object({ profileId: LooseId, title: text, isDefault: z.nullish(z.boolean()), hourlyRate: num })),
});

/** `{ freelancers: [...] }` as assumed, or a bare array. */
export const FreelancersSchema = z.pipe(
  z.union([z.array(FreelancerSchema), z.object({ freelancers: z.array(FreelancerSchema) })]),
  z.transform((v) => (Array.isArray(v) ? { freelancers: v } : v)),
);
export type Freelancers = z.output<typeof FreelancersSchema>;

const COMPANY_ID = /^\d{15,20}$/;

/** Finds the client's companyId in an archived job, wherever UpHunt nests Upwork's payloads. */
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
