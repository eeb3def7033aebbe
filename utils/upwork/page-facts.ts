/**
 * What a job page shows for free, read from the words a person reads (and the page state where it has them):
 * the Connects a proposal costs, the client's activity on the job, the bid range, the payment, and which of
 * Upwork's designs the page is. Run in the background over what the content script sent. Pure.
 *
 * Every rule reads words that hold across designs ("Send a proposal for: 20 Connects", "Required Connects to
 * submit a proposal: 20", "20 required Connects (216 available)"), never class names, so a redesign that words
 * things anew reads as unknown, never as a wrong number. Unknown is null, never 0.
 */
import * as z from 'zod/mini';

const count = z.nullable(z.int().check(z.nonnegative()));
const amount = z.nullable(z.number().check(z.nonnegative()));

export const PageFactsSchema = z.object({
  /** Connects a proposal costs, and those the viewer has (before, and on apply pages after, sending). */
  connects: z.object({ required: count, available: count, remaining: count }),
  activity: z.object({
    /** As the page words it: "Less than 5", "5 to 10", "50+" (or a number from the page state). */
    proposals: z.nullable(z.string().check(z.maxLength(40))),
    /** As the page words it ("16 hours ago", "yesterday"), or the time from the page state. */
    lastViewed: z.nullable(z.string().check(z.maxLength(40))),
    lastViewedAt: z.nullable(z.number()),
    interviewing: count,
    invitesSent: count,
    unansweredInvites: count,
    hired: count,
  }),
  /** The range of bids so far (Freelancer Plus members see it). */
  bidRange: z.nullable(z.object({ high: amount, avg: amount, low: amount })),
});
export type PageFacts = z.output<typeof PageFactsSchema>;

export const DESIGNS = ['2024', '2025', '2026 redesign', 'unknown'] as const;
export type Design = (typeof DESIGNS)[number];

/** The page state's own figures (`__NUXT_DATA__`), when it describes this job: more exact than the words. */
export interface StateFacts {
  connects?: { requiredConnects?: unknown; availableConnects?: unknown } | null;
  clientActivity?: Record<string, unknown> | null;
  bids?: { avgRateBid?: unknown; minRateBid?: unknown; maxRateBid?: unknown } | null;
}

const NUMBER = '(\\d[\\d,]*)';
const MONEY = '\\$\\s*(\\d[\\d,]*(?:\\.\\d+)?)';
// Words a tooltip may put between a label and its value ("Proposals: Close the tooltip This range includes…").
const GAP = '[^\\d$]{0,300}?';

function first(text: string, patterns: RegExp[]): string | null {
  for (const pattern of patterns) {
    const match = pattern.exec(text)?.[1];
    if (match) return match;
  }
  return null;
}

const numberOf = (value: string | null) => (value === null ? null : Number(value.replace(/,/g, '')));
const intOf = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null);
const moneyOf = (value: unknown) => {
  const n = typeof value === 'number' ? value : (value as { amount?: unknown } | null)?.amount;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null;
};

const AGO = /((?:\d+|an?|a few)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago|yesterday|today|just now)/i;

/** Null when the page shows none of these facts (a list, a signed-out page, a page Upwork worded anew). */
export function pageFacts(text: string | null, state: StateFacts | null = null): PageFacts | null {
  const words = (text ?? '').replace(/\s+/g, ' ');
  // The activity's labels are read in the activity section when the page names it: a description may say
  // "interviewing 5 candidates" or "Proposals: send 3 samples" before it.
  const section = words.search(/Activity on this job/i);
  const activityWords = section >= 0 ? words.slice(section) : words;
  const readIn = (text: string, ...patterns: string[]) =>
    numberOf(
      first(
        text,
        patterns.map((p) => new RegExp(p, 'i')),
      ),
    );
  const read = (...patterns: string[]) => readIn(words, ...patterns);
  const readActivity = (pattern: string) => readIn(activityWords, pattern);
  const required = read(
    `Send a proposal for:?\\s*${NUMBER}\\s*Connects`,
    `Required Connects to submit a proposal:?\\s*${NUMBER}`,
    `${NUMBER}\\s*required Connects`,
    `proposal requires\\s*${NUMBER}\\s*Connects`,
  );
  const available = read(`Available Connects:?\\s*${NUMBER}`, `required Connects\\s*\\(\\s*${NUMBER}\\s*available`);
  const remaining = read(`you(?:'|’)?ll have\\s*${NUMBER}\\s*Connects remaining`);
  // As the page words it, a tier ("Less than 5", "5 to 10", "50+"): a bare number after the label is not one.
  const proposals = first(activityWords, [new RegExp(`Proposals:${GAP}(Less than \\d+|\\d+ to \\d+|\\d+\\+)`, 'i')]);
  const viewed = /Last viewed by client:(.{0,300})/i.exec(activityWords)?.[1] ?? '';
  const lastViewed = AGO.exec(viewed.split(/Interviewing|Invites sent|Unanswered|Hired/i)[0] ?? '')?.[1] ?? null;
  const bids = new RegExp(`High\\s*${MONEY}\\s*\\|?\\s*Av(?:g|erage)\\.?\\s*${MONEY}\\s*\\|?\\s*Low\\s*${MONEY}`, 'i').exec(words);
  const activity = state?.clientActivity ?? null;
  const lastAt = typeof activity?.lastBuyerActivity === 'string' ? Date.parse(activity.lastBuyerActivity) : NaN;
  const stateBids = state?.bids ?? null;
  const facts: PageFacts = {
    connects: {
      required: intOf(state?.connects?.requiredConnects) ?? required,
      available: intOf(state?.connects?.availableConnects) ?? available,
      remaining,
    },
    activity: {
      proposals: proposals ?? (intOf(activity?.totalApplicants) !== null ? String(activity?.totalApplicants) : null),
      lastViewed,
      lastViewedAt: Number.isFinite(lastAt) ? lastAt : null,
      interviewing: intOf(activity?.totalInvitedToInterview) ?? readActivity(`Interviewing:\\s*${NUMBER}`),
      invitesSent: intOf(activity?.invitationsSent) ?? readActivity(`Invites sent:\\s*${NUMBER}`),
      unansweredInvites: intOf(activity?.unansweredInvites) ?? readActivity(`Unanswered invites:\\s*${NUMBER}`),
      // "Already hired: N" shows only when N > 0: its absence is not a 0 the page said.
      hired: intOf(activity?.totalHired) ?? readActivity(`(?:Already )?hired:\\s*${NUMBER}`),
    },
    bidRange:
      moneyOf(stateBids?.maxRateBid) !== null
        ? { high: moneyOf(stateBids?.maxRateBid), avg: moneyOf(stateBids?.avgRateBid), low: moneyOf(stateBids?.minRateBid) }
        : bids
          ? { high: numberOf(bids[1]!), avg: numberOf(bids[2]!), low: numberOf(bids[3]!) }
          : null,
  };
  const said = [...Object.values(facts.connects), ...Object.values(facts.activity), facts.bidRange].some((v) => v !== null);
  return said ? facts : null;
}

/**
 * The client box says it in words: "Payment method verified" (2024–2025), "Payment verified" (2026 redesign),
 * "…not verified" / "unverified". The class `payment-verified` also marks the phone, so it is never read.
 */
export function paymentVerified(boxText: string): boolean | null {
  if (/payment (?:method )?(?:not verified|unverified)/i.test(boxText)) return false;
  return /payment (?:method )?verified/i.test(boxText) ? true : null;
}

/** Which of Upwork's designs a job page is, from the marks the content script sent (its client box, theme, classes). */
export function designOf(marks: string | null | undefined): Design {
  const m = marks ?? '';
  if (/\babout-client\b(?!-)|ngm-|fluid-adapter/.test(m)) return '2026 redesign';
  if (/about-client-container/.test(m)) return '2025';
  if (/AboutClientUser/.test(m)) return '2024';
  return 'unknown';
}
