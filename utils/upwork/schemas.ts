/** zod checks for what the content script reads of a page, wherever it is received or stored. */
import * as z from 'zod/mini';
import { NUXT_MAX, STRATEGIES, TEXT_MAX, VIEWER_MAX } from './extract';
import { PAGE_KINDS } from './page';

export const PageKindSchema = z.enum(PAGE_KINDS);
export const CiphertextSchema = z.string().check(z.regex(/^~0(?:2\d{15,20}|1[0-9a-f]{16})$/));
export const StrategySchema = z.enum(STRATEGIES);

const text = (max: number) => z.string().check(z.maxLength(max));
/** What a job page says about its client, as worded there; utils/client/page-client.ts makes sense of it. */
export const PageClientSeenSchema = z.object({
  /** The client box's labelled lines (`data-qa` / `data-testid` → text, parts joined by " | "). */
  fields: z.record(text(100), text(200)),
  /** The client box's whole text, for what it says only in words (payment, phone). */
  text: text(2000),
  /** The page state's `buyer` and `workHistory` (pages with `__NUXT_DATA__`), when it describes this job; parsed tolerantly where used. */
  state: z.nullable(z.object({ buyer: z.unknown(), workHistory: z.unknown() })),
});
export type PageClientSeen = z.output<typeof PageClientSeenSchema>;

/**
 * What the content script reads of a page (the pageSeen message, the readPage answer), as found: the background
 * makes sense of it (digestPage) into a PageSeen.
 */
export const PageReadSchema = z.object({
  url: text(4096),
  /** The job as the content script found it: in the URL's path, an id attribute, or the job's own link. */
  ciphertext: z.nullable(CiphertextSchema),
  strategy: z._default(z.nullable(StrategySchema), null),
  /** The page state's JSON (`__NUXT_DATA__`). */
  nuxt: z._default(z.nullable(text(NUXT_MAX)), null),
  /** The navigation's user state as the page embeds it. */
  viewerState: z._default(z.nullable(text(VIEWER_MAX)), null),
  /** What the page says about the client; null where it shows no client. */
  client: z._default(z.nullable(PageClientSeenSchema), null),
  /** The client's other jobs the page links (its other open jobs, its history), in page order. */
  otherJobs: z._default(z.array(CiphertextSchema).check(z.maxLength(50)), []),
  /** Which of otherJobs the page lists as open ("Other open jobs by this Client"). */
  openJobs: z._default(z.array(CiphertextSchema).check(z.maxLength(50)), []),
  /** The words of the job's area, for what the page shows for free. */
  text: z._default(z.nullable(text(TEXT_MAX)), null),
  /** What tells Upwork's designs apart: the client box's name, the page's theme and classes. */
  design: z._default(z.nullable(text(500)), null),
});
export type PageRead = z.output<typeof PageReadSchema>;
