/** Job tiles on search, feed and saved-jobs pages: which job each shows and what the tile itself says. Pure DOM reading. */
import { linkedCiphertext, numericCiphertext } from './page';

export const TILE_SELECTOR = 'article.job-tile, article[data-test="JobTile"], section.air3-card-section[data-ev-sublocation="job_feed_tile"]';
// 2024-09 on: `data-test` holds several tokens; 2024-08: only `a.up-n-link[data-test="UpLink"]` inside the title.
const TITLE_LINK = 'a[data-test~="job-tile-title-link"], h3.job-tile-title > a, h2.job-tile-title > a, .job-tile-title a[href*="/jobs/"]';

/**
 * Where each fact is, on search tiles (2024–2026) first, then on feed tiles (other `data-test` names).
 * Tiles are read by these, in the bench and in the diagnostics: a fact nobody finds any more is markup drift.
 */
const FACTS = {
  payment: '[data-test="payment-verified"], [data-test="payment-verification-status"]',
  spent: '[data-test="total-spent"], [data-test="client-spendings"]',
  rating: '[data-test="total-feedback"], [data-test="js-feedback"]',
  country: '[data-test="location"], [data-test="client-country"]',
  proposals: '[data-test="proposals-tier"], [data-test="proposals"]',
} as const;
export type TileFact = keyof typeof FACTS;
export const TILE_FACTS = Object.keys(FACTS) as TileFact[];

export interface TileFacts {
  ciphertext: string;
  tile: Element;
  title: Element | null;
  /** What the tile says of the client's payment method; null when it does not say (never read as "unverified"). */
  paymentVerified: boolean | null;
  /** As the tile words it, e.g. "$10K+ spent". */
  totalSpent: string | null;
  /** Stars out of 5; null with no feedback yet. */
  rating: number | null;
  country: string | null;
  /** The proposals tier, e.g. "Less than 5", "50+". */
  proposals: string | null;
}

/** The job of a tile: its title link (also legacy ~01 jobs), else its numeric id attribute (2026 markup). */
export function tileCiphertext(tile: Element): string | null {
  const link = tile.querySelector(TITLE_LINK);
  return (
    linkedCiphertext(link?.getAttribute('href')) ??
    numericCiphertext(tile.getAttribute('data-ev-job-uid') ?? tile.getAttribute('data-ev-opening_uid') ?? link?.getAttribute('data-ev-opening_uid'))
  );
}

export function readTile(tile: Element): TileFacts | null {
  const ciphertext = tileCiphertext(tile);
  if (!ciphertext) return null;
  const text = (fact: TileFact) => tile.querySelector(FACTS[fact])?.textContent?.replace(/\s+/g, ' ').trim() || null;
  const payment = text('payment');
  // "Rating is 4.3 out of 5." on both kinds of tile; 0 means no feedback yet.
  const stars = Number(/rating is ([\d.]+) out of 5/i.exec(text('rating') ?? '')?.[1]);
  return {
    ciphertext,
    tile,
    title: tile.querySelector(TITLE_LINK),
    paymentVerified: payment === null ? null : /unverified|not verified/i.test(payment) ? false : /verified/i.test(payment) ? true : null,
    totalSpent: text('spent'),
    rating: stars > 0 && stars <= 5 ? stars : null,
    // 2026 tiles prefix a screen-reader "Location".
    country: text('country')?.replace(/^location\s+/i, '') || null,
    proposals: text('proposals')?.replace(/^proposals:\s*/i, '') || null,
  };
}

/** Which facts a tile does not show at all (for Options → Diagnostics: a fact every tile lacks is markup drift). */
export function missingFacts(tile: Element): TileFact[] {
  return TILE_FACTS.filter((fact) => !tile.querySelector(FACTS[fact]));
}

export interface BadgeView {
  word: 'Good' | 'Fair' | 'Risky' | 'New' | 'Unknown';
  tone: 'good' | 'fair' | 'risky';
  detail: string;
}

/** A word and a colour from what the tile shows, or from the client score where the extension holds it. */
export function badgeView(
  facts: Pick<TileFacts, 'paymentVerified' | 'totalSpent' | 'rating' | 'country' | 'proposals'>,
  known: { score: number; hireRate: number | null; avgHourly: number | null } | null,
): BadgeView {
  const payment = facts.paymentVerified === true ? 'payment verified' : facts.paymentVerified === false ? 'payment unverified' : 'payment not shown';
  const parts = [
    payment,
    facts.totalSpent,
    facts.rating !== null ? `${facts.rating}★` : null,
    facts.country,
    facts.proposals !== null ? `proposals: ${facts.proposals}` : null,
  ].filter((p): p is string => !!p);
  if (known) {
    const extra = [
      known.hireRate !== null ? `hires ${Math.round(known.hireRate * 100)}%` : null,
      known.avgHourly ? `avg $${known.avgHourly.toFixed(0)}/hr` : null,
    ].filter(Boolean);
    const tone = known.score >= 70 ? 'good' : known.score >= 45 ? 'fair' : 'risky';
    return { word: tone === 'good' ? 'Good' : tone === 'fair' ? 'Fair' : 'Risky', tone, detail: [`score ${known.score}`, ...extra, ...parts].join(' · ') };
  }
  const detail = parts.join(' · ');
  const spent = /\$[\d.,]+\s*[KM]?\+?/i.exec(facts.totalSpent ?? '')?.[0] ?? '';
  if (facts.paymentVerified === false) return { word: 'Risky', tone: 'risky', detail };
  if (!spent) return facts.paymentVerified === null ? { word: 'Unknown', tone: 'fair', detail } : { word: 'New', tone: 'fair', detail };
  if (spent.startsWith('$0')) return { word: 'New', tone: 'fair', detail };
  return /[KM]/i.test(spent) ? { word: 'Good', tone: 'good', detail } : { word: 'Fair', tone: 'fair', detail };
}
