/** A failed call as plain data, so it can be stored and shown by any context (see http.ts for how one is made). */
import * as z from 'zod/mini';

/** The two APIs, and the places watched searches deliver to (ntfy, Slack, Discord, Telegram, a webhook). */
export const SERVICES = ['UpHunt', 'Mindcase', 'Destination'] as const;
export type Service = (typeof SERVICES)[number];
/** The two whose keys Options holds. */
export const API_SERVICES = ['UpHunt', 'Mindcase'] as const;
export type ApiService = (typeof API_SERVICES)[number];

export const ProblemSchema = z.object({
  service: z.enum(SERVICES),
  kind: z.enum([
    'missing_key',
    'retired_key',
    'spending_cap',
    'interrupted',
    'unauthorized',
    'payment_required',
    'forbidden',
    'not_found',
    'conflict',
    'validation',
    'rate_limited',
    'server',
    'network',
    'timeout',
    'malformed',
  ]),
  status: z.nullable(z.number()),
  /** What the service or the parser said, for the "details" line. Never holds a key. */
  detail: z.string(),
  /** Unix ms before which the service asked us not to call again (429 Retry-After). */
  retryAt: z.nullable(z.number()),
});
export type Problem = z.output<typeof ProblemSchema>;
export type ProblemKind = Problem['kind'];
