/** zod checks for every message the background receives (see messaging.ts for the protocol). */
import { z } from 'zod';
import type { Draft } from './apply-queue';
import { COVER_LETTER_LIMIT } from './apply';
import type { LookupTab, PageSeen, TestConnection } from './messaging';
import { PageKindSchema } from './storage';

export const PageSeenSchema = z.object({
  url: z.string().max(4096),
  kind: PageKindSchema,
  ciphertext: z
    .string()
    .regex(/^~0(?:2\d{15,20}|1[0-9a-f]{16})$/)
    .nullable(),
  companyIdHint: z
    .string()
    .regex(/^\d{15,20}$/)
    .nullable(),
  paymentVerified: z.boolean().nullable(),
  signedIn: z.boolean().nullable(),
  account: z.enum(['agency', 'freelancer', 'client']).nullable(),
}) satisfies z.ZodType<PageSeen>;

export const LookupTabSchema = z.object({ tabId: z.number().int().nonnegative(), force: z.boolean() }) satisfies z.ZodType<LookupTab>;

export const TestConnectionSchema = z.object({ service: z.enum(['UpHunt', 'Mindcase']) }) satisfies z.ZodType<TestConnection>;

export const CiphertextMessageSchema = z.object({
  ciphertext: z.string().regex(/^~0(?:2\d{15,20}|1[0-9a-f]{16})$/),
});

const cipher = z.string().regex(/^~0(?:2\d{15,20}|1[0-9a-f]{16})$/);

export const DraftMessageSchema = z.object({
  ciphertext: cipher,
  jobTitle: z.string().max(500).nullable(),
  companyId: z
    .string()
    .regex(/^\d{15,20}$/)
    .nullable(),
  clientName: z.string().max(500).nullable(),
  profileId: z.string().max(100).nullable(),
  freelancerName: z.string().max(200).nullable(),
  coverLetter: z.string().trim().min(1).max(COVER_LETTER_LIMIT),
  hourlyRate: z.number().positive().max(10_000).nullable(),
  timeline: z.string().max(100).nullable(),
}) satisfies z.ZodType<Draft>;

export const LookupUrlSchema = z.object({ tabId: z.number().int().nonnegative(), url: z.string().max(2048) });

export const TilesSchema = z.object({ ciphertexts: z.array(cipher).max(200) });

export const IdMessageSchema = z.object({ id: z.string().max(100) });
export const ForceSchema = z.object({ force: z.boolean() });
export const GenerateSchema = z.object({ ciphertext: cipher, profileId: z.string().max(100).nullable() });
