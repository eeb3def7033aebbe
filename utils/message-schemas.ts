/** zod checks for every message the background receives (see messaging.ts for the protocol). */
import * as z from 'zod/mini';
import { TileSeenSchema } from './lists/rules';
import { NUXT_MAX, TEXT_MAX, VIEWER_MAX } from './upwork/extract';
import type { Draft } from './apply/queue';
import { COVER_LETTER_LIMIT } from './apply/application';
import type { LookupTab, PageRead, TestConnection } from './messaging';
import { CiphertextSchema as cipher, PageClientSeenSchema, StrategySchema } from './upwork/schemas';

const companyId = z.string().check(z.regex(/^\d{15,20}$/));
const text = (max: number) => z.string().check(z.maxLength(max));
const tabId = z.int().check(z.nonnegative());

export const PageReadSchema = z.object({
  url: z.string().check(z.maxLength(4096)),
  ciphertext: z.nullable(cipher),
  strategy: z._default(z.nullable(StrategySchema), null),
  nuxt: z._default(z.nullable(text(NUXT_MAX)), null),
  viewerState: z._default(z.nullable(text(VIEWER_MAX)), null),
  client: z._default(z.nullable(PageClientSeenSchema), null),
  otherJobs: z._default(z.array(cipher).check(z.maxLength(50)), []),
  openJobs: z._default(z.array(cipher).check(z.maxLength(50)), []),
  text: z._default(z.nullable(text(TEXT_MAX)), null),
  design: z._default(z.nullable(text(500)), null),
}) satisfies z.ZodMiniType<PageRead>;

export const LookupTabSchema = z.object({ tabId, force: z.boolean(), findMore: z.optional(z.boolean()) }) satisfies z.ZodMiniType<LookupTab>;

export const TestConnectionSchema = z.object({ service: z.enum(['UpHunt', 'Mindcase']) }) satisfies z.ZodMiniType<TestConnection>;

export const CiphertextMessageSchema = z.object({ ciphertext: cipher });

export const DraftMessageSchema = z.object({
  ciphertext: cipher,
  jobTitle: z.nullable(text(500)),
  companyId: z.nullable(companyId),
  clientName: z.nullable(text(500)),
  profileId: z.nullable(text(100)),
  freelancerName: z.nullable(text(200)),
  coverLetter: z.string().check(z.trim(), z.minLength(1), z.maxLength(COVER_LETTER_LIMIT)),
  hourlyRate: z.nullable(z.number().check(z.positive(), z.maximum(10_000))),
  timeline: z.nullable(text(100)),
  connects: z._default(z.nullable(z.int().check(z.nonnegative(), z.maximum(1000))), null),
}) satisfies z.ZodMiniType<Draft>;

export const LookupUrlSchema = z.object({ tabId, url: text(2048) });

export const TilesSchema = z.object({
  tiles: z.array(TileSeenSchema).check(z.maxLength(200)),
  missing: z._default(z.partialRecord(z.enum(['payment', 'spent', 'rating', 'country', 'proposals']), z.int().check(z.nonnegative(), z.maximum(200))), {}),
});

export const IdMessageSchema = z.object({ id: text(100) });
export const BlockSchema = z.object({ ciphertext: cipher, what: z.enum(['job', 'client']), title: text(300) });
export const ForceSchema = z.object({ force: z.boolean() });
export const GenerateSchema = z.object({ ciphertext: cipher, profileId: z.nullable(text(100)) });
