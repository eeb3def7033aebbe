/** What applying keeps: every application, the settings, the last freelancer, what the user typed, UpHunt's lists. */
import * as z from 'zod/mini';
import { defineFamily, defineStored } from '../storage/stored';
import { defineSettings } from '../storage/settings';
import { CacheEntrySchema } from '../cache';
import { ProblemSchema } from '../problem';
import { AppliedJobSchema, ApplicationStatusSchema } from '../uphunt/apply-schemas';
import { FreelancersSchema } from '../uphunt/schemas';
import { DEFAULT_TEMPLATES } from './proposal';

/**
 * One application. `scheduled` waits out the undo moment; `sending` is written before the POST leaves, so a
 * worker that dies mid-request is noticed; `queued` has UpHunt's queueId; `settled` has a final status.
 */
export const ApplicationSchema = z.object({
  id: z.string(),
  ciphertext: z.string(),
  jobTitle: z.nullable(z.string()),
  companyId: z.nullable(z.string()),
  clientName: z.nullable(z.string()),
  profileId: z.nullable(z.string()),
  freelancerName: z.nullable(z.string()),
  coverLetter: z.string(),
  hourlyRate: z.nullable(z.number()),
  timeline: z.nullable(z.string()),
  /** The Connects the Upwork page asked for when the application was made; null when it did not show them (and before they were recorded). */
  connects: z._default(z.nullable(z.number()), null),
  createdAt: z.number(),
  sendAt: z.number(),
  phase: z.enum(['scheduled', 'sending', 'queued', 'stalled', 'settled', 'not_sent', 'cancelled']),
  queueId: z.nullable(z.string()),
  queuedAt: z.nullable(z.number()),
  status: z.nullable(ApplicationStatusSchema),
  statusMessage: z.nullable(z.string()),
  errorMessage: z.nullable(z.string()),
  problem: z.nullable(ProblemSchema),
  nextCheckAt: z.nullable(z.number()),
  settledAt: z.nullable(z.number()),
  creditsRemaining: z.nullable(z.number()),
  /** How many times a `sending` record was found without an answer and re-checked. */
  recoveries: z.number(),
  /** Sent through UpHunt's auto-apply, or by the user on Upwork's own apply page (recorded when Upwork confirmed it). */
  via: z._default(z.enum(['auto-apply', 'upwork']), 'auto-apply'),
});
export type Application = z.output<typeof ApplicationSchema>;

/** Every application, newest last (see queue.ts). */
export const applications = defineStored('local:applications', z.array(ApplicationSchema));

export const ApplySettingsSchema = z.object({
  undoSeconds: z.number().check(z.minimum(0), z.maximum(30)),
  recentClientDays: z.number().check(z.minimum(0), z.maximum(365)),
  templates: z.array(z.object({ id: z.string(), name: z.string(), body: z.string() })),
  defaultTemplateId: z.string(),
});
export type ApplySettings = z.output<typeof ApplySettingsSchema>;

/** The freelancer the user last applied as: the form's first choice next time. */
export const lastProfile = defineStored('local:last-profile', z.string());

/**
 * v1 kept the last freelancer used inside the apply settings, so an apply in the panel and a save in an Options
 * page opened before it wrote the same value, and the later one undid the other. v2 moves it to its own item.
 */
export async function migrateApplySettingsToV2(v1: unknown): Promise<unknown> {
  if (v1 === null || typeof v1 !== 'object') return v1;
  const { lastProfileId, ...v2 } = v1 as Record<string, unknown>;
  if (typeof lastProfileId === 'string' && (await lastProfile.getValue()) === null) await lastProfile.setValue(lastProfileId);
  return v2;
}

export const applySettingsItem = defineSettings(
  'local:apply-settings',
  ApplySettingsSchema,
  { undoSeconds: 3, recentClientDays: 7, templates: DEFAULT_TEMPLATES, defaultTemplateId: 'default' },
  { version: 2, migrations: { 2: migrateApplySettingsToV2 } },
);

/** The agency's freelancers, cached (cache.ts; UpHunt allows 30 calls a minute; they rarely change). */
export const FreelancersEntrySchema = CacheEntrySchema(z.nullable(FreelancersSchema));
export type FreelancersEntry = z.output<typeof FreelancersEntrySchema>;
export const freelancerList = defineStored('local:freelancers', FreelancersEntrySchema);

/** Jobs UpHunt lists as applied (the whole agency's), cached for the already-applied guard. */
export const appliedRemote = defineStored('local:applied-jobs', CacheEntrySchema(z.array(AppliedJobSchema)));

export const OutcomeKindSchema = z.enum(['hired-you', 'hired-other', 'closed', 'gone', 'open', 'unknown']);
export type OutcomeKind = z.output<typeof OutcomeKindSchema>;

/** What an application brought (outcomes.ts), as last read from the client's UpHunt history (tracking.ts). */
export const OutcomeSchema = z.object({
  kind: OutcomeKindSchema,
  /** The contractor as UpHunt names them (a hire). */
  contractor: z.nullable(z.string()),
  /** Which of the agency's freelancers it is; more than one when the name could be either ("probably"). */
  ours: z.array(z.string()),
  /** When UpHunt last synced the client (its data is as fresh as that), Unix ms. */
  dataAt: z.nullable(z.number()),
  /** The data time at which the job was first seen gone from the open jobs. */
  goneSince: z.nullable(z.number()),
  companyId: z.nullable(z.string()),
  /** The job's title as the client's history names it (an application sent by hand or elsewhere has none of its own). */
  jobTitle: z._default(z.nullable(z.string()), null),
  /** The client's score and red flags when its history was first read for this application (Results' bands). */
  score: z.nullable(z.number()),
  flags: z.array(z.string()),
  checkedAt: z.number(),
});
export type Outcome = z.output<typeof OutcomeSchema>;
/** Every tracked application's outcome, by the job's ciphertext (one job, one outcome, whoever of ours applied). */
export const outcomesItem = defineStored('local:outcomes', z.record(z.string(), OutcomeSchema));
/** The Connects each job's apply page asked for, until Upwork confirms a proposal sent by hand (this browser session). */
export const applyPageConnects = defineFamily('session:apply-connects', z.number());
/** When the tracker last looked up a client it did not know (at most 20 an hour: tracking.ts). */
export const outcomeLookups = defineStored('local:outcome-lookups', z.array(z.number()));

/** What the user typed for a job, kept until it is sent. */
export const DraftSchema = z.object({
  profileId: z.nullable(z.string()),
  coverLetter: z.string(),
  hourlyRate: z.nullable(z.number()),
  timeline: z.nullable(z.string()),
  updatedAt: z.number(),
});
export type Draft = z.output<typeof DraftSchema>;
export const drafts = defineFamily('local:draft', DraftSchema);
