/** zod checks for what the content script reads of a page, wherever it is received or stored. */
import * as z from 'zod/mini';
import { STRATEGIES } from './extract';
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
