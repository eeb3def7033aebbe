/** What the apply form sends to apply (the submitApplication message): checked where the background receives it. */
import * as z from 'zod/mini';
import { CiphertextSchema } from '../upwork/schemas';
import { COVER_LETTER_LIMIT } from './proposal';

const text = (max: number) => z.string().check(z.maxLength(max));

export const ApplyRequestSchema = z.object({
  ciphertext: CiphertextSchema,
  jobTitle: z.nullable(text(500)),
  companyId: z.nullable(z.string().check(z.regex(/^\d{15,20}$/))),
  clientName: z.nullable(text(500)),
  profileId: z.nullable(text(100)),
  freelancerName: z.nullable(text(200)),
  coverLetter: z.string().check(z.trim(), z.minLength(1), z.maxLength(COVER_LETTER_LIMIT)),
  hourlyRate: z.nullable(z.number().check(z.positive(), z.maximum(10_000))),
  timeline: z.nullable(text(100)),
  /** The Connects the job's page asked for (read by the content script); null when it did not show them. */
  connects: z._default(z.nullable(z.int().check(z.nonnegative(), z.maximum(1000))), null),
});
export type ApplyRequest = z.output<typeof ApplyRequestSchema>;
