/** What finding clients keeps: each tab's state, which client posted a job, UpHunt's "not archived", the histories. */
import * as z from 'zod/mini';
import { CacheEntrySchema } from '../cache';
import { ProblemSchema } from '../problem';
import { defineFamily } from '../storage/stored';
import { DESIGNS, PageFactsSchema } from '../upwork/page-facts';
import { CiphertextSchema, PageClientSeenSchema, PageKindSchema, StrategySchema } from '../upwork/schemas';
import { ClientJobsSchema } from '../uphunt/schemas';

/**
 * What the panel shows for one tab. `resolving`: finding the client; `loading`: fetching its history;
 * `ready`: history in the cache under companyId; `no-history` / `unknown-job`: UpHunt has nothing yet.
 */
export const TabStateSchema = z.object({
  url: z.string(),
  kind: PageKindSchema,
  ciphertext: z.nullable(z.string()),
  companyId: z.nullable(z.string()),
  paymentVerified: z._default(z.nullable(z.boolean()), null),
  signedIn: z._default(z.nullable(z.boolean()), null),
  account: z._default(z.nullable(z.enum(['agency', 'freelancer', 'client'])), null),
  /** What the page says about the client (shown when UpHunt has no history of them). */
  client: z._default(z.nullable(PageClientSeenSchema), null),
  /** The client's other jobs the page names, and which of them are open. */
  otherJobs: z._default(z.array(CiphertextSchema).check(z.maxLength(50)), []),
  openJobs: z._default(z.array(CiphertextSchema).check(z.maxLength(50)), []),
  /** Which of Upwork's designs the page is, and what it shows for free (Connects, activity, bid range). */
  design: z._default(z.nullable(z.enum(DESIGNS)), null),
  facts: z._default(z.nullable(PageFactsSchema), null),
  /** How many of the client's jobs the page names UpHunt has been asked about, of how many (Find the client). */
  asked: z._default(z.nullable(z.object({ asked: z.int(), of: z.int() })), null),
  strategy: z._default(z.nullable(StrategySchema), null),
  status: z.enum(['no-job', 'unreadable', 'resolving', 'loading', 'ready', 'no-history', 'unknown-job', 'error']),
  /** The user pasted the job's URL because the page could not be read. */
  pasted: z._default(z.boolean(), false),
  problem: z.nullable(ProblemSchema),
  /** Identifies the lookup that wrote this state, so an older lookup finishing late cannot overwrite a newer one. */
  lookupId: z.string(),
  updatedAt: z.number(),
});
export type TabState = z.output<typeof TabStateSchema>;
export type TabStatus = TabState['status'];

/** What each tab shows and how far its look-up went (storage.session: gone with the browser). */
export const tabStates = defineFamily('session:tab', TabStateSchema);
/** Which client posted a job, as UpHunt or the page said. */
export const companyOf = defineFamily('local:company-of', z.string().check(z.regex(/^\d{15,20}$/)));
/** When UpHunt last said it had not archived a job. */
export const notArchived = defineFamily('local:not-archived', z.number());
/** A client's UpHunt history, cached (cache.ts). */
export const clientJobsEntries = defineFamily('local:client-jobs', CacheEntrySchema(ClientJobsSchema));
