/**
 * The client as the Upwork page describes it, for when UpHunt has no history of them: the page state's own
 * record when the page has one (`__NUXT_DATA__`: the same shape UpHunt archives), else the client box's words.
 * Made into UpHunt's shape so that the same figures and score rules judge it. Pure.
 */
import * as z from 'zod/mini';
import { dollarsIn } from '../format';
import type { PageSeen } from '../upwork/nuxt';
import type { PageClientSeen } from '../upwork/schemas';
import { BuyerSchema, WorkHistoryItemSchema, type ClientJobs, type WorkHistoryItem } from '../uphunt/schemas';
import { paymentVerified } from '../upwork/page-facts';
import { isCiphertext, normaliseCiphertext } from '../upwork/page';

/** The companyId of a client known only from its page (never a real id: those are digits). */
export const PAGE_CLIENT_ID = 'upwork-page';

type Buyer = NonNullable<ClientJobs['buyer']>;

export interface PageClient extends ClientJobs {
  paymentVerified: boolean | null;
}

const StateBuyerSchema = z.object({
  isPaymentMethodVerified: z.nullish(z.boolean()),
  jobs: z.nullish(z.object({ postedCount: z.nullish(z.number()), openCount: z.nullish(z.number()) })),
});

/** Null when the page says nothing of the client. */
export function pageClient(seen: PageClientSeen | null): PageClient | null {
  if (!seen) return null;
  const fromState = seen.state ? BuyerSchema.safeParse(seen.state.buyer) : null;
  const stateExtra = seen.state ? StateBuyerSchema.safeParse(seen.state.buyer) : null;
  const fromBox = clientFromBox(seen);
  const buyer: Buyer = fromState?.success
    ? { ...fromBox, ...withoutNulls(fromState.data), postedCount: stateExtra?.data?.jobs?.postedCount ?? fromBox.postedCount }
    : fromBox;
  const workHistory = Array.isArray(seen.state?.workHistory)
    ? seen.state.workHistory.flatMap((item): WorkHistoryItem[] => {
        const parsed = WorkHistoryItemSchema.safeParse(item);
        return parsed.success ? [parsed.data] : [];
      })
    : [];
  const payment = stateExtra?.data?.isPaymentMethodVerified ?? paymentVerified(seen.text);
  const said = [buyer.location?.country, buyer.postedCount, buyer.stats?.totalCharges?.amount, buyer.company?.contractDate, payment].some(
    (v) => v !== null && v !== undefined,
  );
  if (!said && workHistory.length === 0) return null;
  return {
    companyId: PAGE_CLIENT_ID,
    lastSyncedAt: null,
    buyer,
    openJobs: [],
    workHistory,
    archivedCiphers: [],
    archivedJobIds: [],
    paymentVerified: payment,
  };
}

/** Every job of this client the page names, this one excluded: the ways to find the client in UpHunt's archive. */
export function clientJobsNamed(page: Pick<PageSeen, 'ciphertext' | 'otherJobs' | 'client'>): string[] {
  const fromState = Array.isArray(page.client?.state?.workHistory)
    ? page.client.state.workHistory.map((item) => (item as { jobInfo?: { ciphertext?: unknown } } | null)?.jobInfo?.ciphertext)
    : [];
  const named = [...fromState, ...page.otherJobs].filter((c): c is string => typeof c === 'string' && isCiphertext(c)).map(normaliseCiphertext);
  return [...new Set(named)].filter((c) => c !== page.ciphertext);
}

/**
 * The client box's lines, as each design names them: 2024–2025 (`data-qa`, `data-testid`) and the 2026 redesign
 * (`data-test="about-client-…"`, where one line may hold two facts: "$10K total spent 7 hires 1 active").
 */
const LINES = {
  location: ['client-location', 'about-client-location'],
  posting: ['client-job-posting-stats', 'about-client-job-stats'],
  spend: ['client-spend', 'about-client-spend-stats'],
  hires: ['client-hires', 'about-client-spend-stats', 'about-client-hires'],
  hourly: ['client-hourly-rate', 'about-client-hourly-rate', 'about-client-spend-stats'],
  since: ['client-contract-date', 'about-client-member-since'],
  rating: ['buyer-rating', 'about-client-rating'],
} as const;

function clientFromBox(seen: PageClientSeen): Buyer {
  const field = (line: keyof typeof LINES) => LINES[line].map((name) => seen.fields[name]).find((text) => !!text) ?? '';
  const [country, place] = field('location').split(' | ');
  const posting = field('posting');
  const posted = count(/([\d,]+)\s+jobs?\s+posted/i, posting);
  const hireRate = count(/(\d+)%\s+hire rate/i, posting);
  const rating = field('rating');
  const reviews = /([\d.]+)\s+of\s+([\d,]+)\s+reviews?/i.exec(rating);
  const stars = reviews ? Number(reviews[1]) : count(/rating is ([\d.]+) out of 5/i, rating);
  const since = Date.parse(field('since').replace(/^member since\s*/i, ''));
  const phone = /phone number not verified/i.test(seen.text) ? 'NOT_VERIFIED' : /phone number verified/i.test(seen.text) ? 'VERIFIED' : null;
  // A 2026 line holds the spend and the hires: the amount is the one before "spent", else the line's only one.
  const spend = /\$\s*[\d.,]+\s*[KM]?\+?\s*(?:total\s+)?spent/i.exec(field('spend'))?.[0] ?? field('spend');
  const hourly = /\$\s*[\d.,]+\s*\/\s*hr/i.exec(field('hourly'))?.[0] ?? seen.fields['client-hourly-rate'] ?? null;
  return {
    company: { name: null, companyId: null, contractDate: Number.isFinite(since) ? new Date(since).toISOString() : null, isEDCReplicated: null },
    location: country ? { country, city: place?.replace(/\d{1,2}:\d{2}\s*[AP]M/i, '').trim() || null, countryTimezone: null } : null,
    stats: {
      totalAssignments: count(/([\d,]+)\s+hires?\b/i, field('hires')),
      score: stars && stars > 0 ? stars : null,
      feedbackCount: reviews ? count(/([\d,]+)/, reviews[2]!) : null,
      // The 2024–2025 box leaves out "total spent" for a client who spent nothing (seen on a real page); no page
      // of the 2026 redesign shows what it does then, and a signed-out page hides it: unknown there, not $0.
      totalCharges: { amount: dollarsIn(spend) ?? (seen.fields['client-job-posting-stats'] ? 0 : null) },
      totalJobsWithHires: posted !== null && hireRate !== null ? Math.round((posted * hireRate) / 100) : null,
    },
    enterprise: null,
    avgHourlyJobsRate: { amount: dollarsIn(hourly) },
    postedCount: posted,
    topClient: null,
    phoneVerificationStatus: phone ? { status: phone } : null,
  };
}

function count(pattern: RegExp, text: string): number | null {
  const match = pattern.exec(text)?.[1];
  return match ? Number(match.replace(/,/g, '')) : null;
}

function withoutNulls<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}
