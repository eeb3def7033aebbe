/** zod checks for every message the background receives (see messaging.ts for the protocol). */
import { z } from 'zod';
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
}) satisfies z.ZodType<PageSeen>;

export const LookupTabSchema = z.object({ tabId: z.number().int().nonnegative(), force: z.boolean() }) satisfies z.ZodType<LookupTab>;

export const TestConnectionSchema = z.object({ service: z.enum(['UpHunt', 'Mindcase']) }) satisfies z.ZodType<TestConnection>;

export const CiphertextMessageSchema = z.object({
  ciphertext: z.string().regex(/^~0(?:2\d{15,20}|1[0-9a-f]{16})$/),
});
