/** The proposal a form starts from (what the user typed, the draft, comes first): the freelancer suggested, the template filled, the rate suggested. Pure. */
import type { PageFacts } from '../upwork/page-facts';
import type { ClientMetrics } from '../client/judgement';
import type { Freelancers, WorkHistoryItem } from '../uphunt/schemas';
import { freelancersNamed } from './outcomes';

export const COVER_LETTER_LIMIT = 5000;
export const TIMELINES = ['Less than 1 month', '1 to 3 months', '3 to 6 months', 'More than 6 months'] as const;

export interface ProfileChoice {
  profileId: string;
  title: string;
  freelancerName: string;
  hourlyRate: number | null;
  /** The agency's default profile (UpHunt's `isDefault`). */
  isDefault: boolean;
}

export function profileChoices(data: Freelancers | null): ProfileChoice[] {
  return (data?.freelancers ?? []).flatMap((f) =>
    f.profiles.map((p) => ({
      profileId: p.profileId,
      title: p.title ?? f.title ?? 'Profile',
      freelancerName: f.name,
      hourlyRate: p.hourlyRate ?? null,
      isDefault: p.isDefault === true,
    })),
  );
}

const words = (text: string) => new Set(text.toLowerCase().match(/[a-z][a-z0-9+#.]+/g) ?? []);

/** The profile that fits best: one who already worked for this client, else the most shared words with the job's skills. */
export function suggestProfile(
  choices: readonly ProfileChoice[],
  jobText: string,
  history: readonly WorkHistoryItem[],
): { choice: ProfileChoice; reason: string } | null {
  if (choices.length === 0) return null;
  const known = choices.find((c) => history.some((item) => freelancersNamed(item.contractorInfo?.contractorName ?? '', [c.freelancerName]).length > 0));
  if (known) return { choice: known, reason: `${known.freelancerName} already worked for this client.` };
  const job = words(jobText);
  const ranked = choices
    .map((choice) => ({ choice, shared: [...words(choice.title)].filter((w) => job.has(w)) }))
    .sort((a, b) => b.shared.length - a.shared.length);
  const best = ranked[0]!;
  if (best.shared.length) return { choice: best.choice, reason: `Profile matches the job on ${best.shared.slice(0, 3).join(', ')}.` };
  const fallback = choices.find((c) => c.isDefault);
  return fallback
    ? { choice: fallback, reason: 'No profile matches the job’s skills; this is the agency’s default profile.' }
    : { choice: best.choice, reason: 'No profile matches the job’s skills; this is the first one.' };
}

/**
 * The profile the panel and the popup both start from, so they never suggest different freelancers for one job:
 * the one chosen for this job, else the last one used (if still in the agency), else the suggestion.
 */
export function startingProfile(
  choices: readonly ProfileChoice[],
  input: { draftProfileId: string | null; lastProfileId: string | null; suggestion: { choice: ProfileChoice } | null },
): ProfileChoice | null {
  const pick = (id: string | null) => (id ? (choices.find((c) => c.profileId === id) ?? null) : null);
  return pick(input.draftProfileId) ?? pick(input.lastProfileId) ?? input.suggestion?.choice ?? null;
}

/** The letter from the default template, filled for this job and freelancer (the panel's and the popup's, alike). */
export function templateLetter(
  settings: { templates: readonly Template[]; defaultTemplateId: string },
  job: { clientName: string | null; jobTitle: string | null; jobSkills: readonly string[] },
  freelancerName: string | null,
): string {
  const template = settings.templates.find((t) => t.id === settings.defaultTemplateId) ?? settings.templates[0];
  if (!template) return '';
  return fillTemplate(template.body, {
    clientName: job.clientName ?? 'there',
    jobTitle: job.jobTitle ?? 'your job',
    freelancerName: freelancerName ?? 'me',
    skills: job.jobSkills.slice(0, 4).join(', ') || 'this kind of work',
  });
}

type BidRange = NonNullable<PageFacts['bidRange']>;

export interface RateSuggestion {
  rate: number | null;
  reason: string;
  warning: string | null;
}

/**
 * A rate from what this client actually paid (its upper quartile) and the profile's own rate; where the Upwork
 * page shows the bids so far on an hourly job, their range is said too, and their average suggested when nothing
 * else suggests a rate.
 */
export function suggestRate(metrics: ClientMetrics | null, profileRate: number | null, chosen: number | null, bids: BidRange | null = null): RateSuggestion {
  const rates = [...(metrics?.hourlyRates ?? [])].sort((a, b) => a - b);
  const p75 = rates.length ? rates[Math.min(rates.length - 1, Math.floor(rates.length * 0.75))]! : null;
  const highest = rates.at(-1) ?? null;
  let rate: number | null = profileRate ?? p75;
  let reason =
    profileRate !== null
      ? "The profile's own rate."
      : p75 !== null
        ? 'What this client paid its better-paid freelancers (75th percentile).'
        : 'No rate history: set your own.';
  if (profileRate !== null && p75 !== null && profileRate > p75) {
    rate = Math.max(p75, Math.min(profileRate, highest ?? profileRate));
    reason = `Between the client's 75th percentile ($${p75.toFixed(2)}) and its highest rate paid.`;
  }
  if (rate === null && bids?.avg != null) {
    rate = bids.avg;
    reason = 'The average bid so far: this client has no rate history.';
  }
  if (bids && bids.low !== null && bids.high !== null)
    reason += ` Bids so far: $${bids.low.toFixed(2)}–$${bids.high.toFixed(2)}/hr${bids.avg !== null ? `, average $${bids.avg.toFixed(2)}` : ''} (Upwork page).`;
  const check = chosen ?? rate;
  const warning =
    check !== null && highest !== null && check > highest
      ? `Above anything this client ever paid ($${highest.toFixed(2)}/hr).`
      : check !== null && bids?.high != null && check > bids.high
        ? `Above every bid so far ($${bids.high.toFixed(2)}/hr).`
        : null;
  return { rate: rate === null ? null : Math.round(rate * 100) / 100, reason, warning };
}

export interface Template {
  id: string;
  name: string;
  body: string;
}

export const DEFAULT_TEMPLATES: Template[] = [
  {
    id: 'default',
    name: 'Short and specific',
    body: 'Hi {clientName},\n\nI read "{jobTitle}" and have done this kind of work before ({skills}). I can start this week.\n\nBest,\n{freelancerName}',
  },
];

export const TEMPLATE_VARIABLES = ['clientName', 'jobTitle', 'freelancerName', 'skills'] as const;
export type TemplateVariables = Record<(typeof TEMPLATE_VARIABLES)[number], string>;

/** Fills {name} variables; an unknown one is left as written so the user sees it. */
export function fillTemplate(body: string, vars: TemplateVariables): string {
  return body.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? vars[name as keyof TemplateVariables] : whole));
}

export interface ProposalInput {
  ciphertext: string;
  jobTitle: string | null;
  jobType: 'HOURLY' | 'FIXED' | null;
  jobSkills: readonly string[];
  companyId: string | null;
  clientName: string | null;
  metrics: ClientMetrics | null;
  freelancers: Freelancers | null;
  /** The templates, and which one starts a letter. */
  settings: { templates: readonly Template[]; defaultTemplateId: string };
  /** The client's work history (a freelancer who worked for them is suggested first). */
  history: readonly WorkHistoryItem[];
  lastProfileId: string | null;
  /** The Connects the Upwork page asks for this job (null: not shown). */
  connects?: number | null;
  /** The bids so far on an hourly job, as the Upwork page shows them. */
  bidRange?: BidRange | null;
  /** What the user chose or typed for this job so far; each field left out is started for them. */
  draft: { profileId?: string | null; coverLetter?: string | null; hourlyRate?: number | null; timeline?: string | null } | null;
}

/**
 * The application the panel's form and the popup's quick apply both start from, so they never differ for one
 * job: what the user already chose or typed, else the profile (startingProfile), the template's letter for it, the
 * rate the client's history suggests and the usual timeline.
 */
export function startingProposal(input: ProposalInput) {
  const choices = profileChoices(input.freelancers);
  const suggestion = suggestProfile(choices, [input.jobTitle ?? '', ...input.jobSkills].join(' '), input.history);
  const profile = startingProfile(choices, { draftProfileId: input.draft?.profileId ?? null, lastProfileId: input.lastProfileId, suggestion });
  const hourly = input.jobType !== 'FIXED';
  return {
    choices,
    suggestion,
    profile,
    proposal: {
      ciphertext: input.ciphertext,
      jobTitle: input.jobTitle,
      companyId: input.companyId,
      clientName: input.clientName,
      profileId: profile?.profileId ?? null,
      freelancerName: profile?.freelancerName ?? null,
      coverLetter: input.draft?.coverLetter ?? templateLetter(input.settings, input, profile?.freelancerName ?? null),
      hourlyRate: hourly ? (input.draft?.hourlyRate ?? suggestRate(input.metrics, profile?.hourlyRate ?? null, null, input.bidRange ?? null).rate) : null,
      timeline: hourly ? (input.draft?.timeline ?? TIMELINES[1]) : null,
      connects: input.connects ?? null,
    },
  };
}
