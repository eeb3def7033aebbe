/** Job tiles on search, feed and saved-jobs pages: which job each shows and what the tile itself says. Pure DOM reading. */
import { isCiphertext, normaliseCiphertext } from './page';

export const TILE_SELECTOR = 'article.job-tile, article[data-test="JobTile"], section.air3-card-section[data-ev-sublocation="job_feed_tile"]';
const TITLE_LINK = 'a[data-test~="job-tile-title-link"], h3.job-tile-title > a, h2.job-tile-title > a';

export interface TileFacts {
  ciphertext: string;
  title: Element | null;
  paymentVerified: boolean;
  totalSpent: string | null;
  proposals: string | null;
  rating: number | null;
}

/** The job of a tile: its numeric id attribute (2026 markup), else its title link (also legacy ~01 jobs). */
export function tileCiphertext(tile: Element): string | null {
  const link = tile.querySelector(TITLE_LINK);
  const fromLink = /\/jobs\/(?:[^/?#]*_)?(~0[0-9a-f]+)/i.exec(link?.getAttribute('href') ?? '')?.[1];
  if (fromLink && isCiphertext(fromLink)) return normaliseCiphertext(fromLink);
  const id = tile.getAttribute('data-ev-job-uid') ?? tile.getAttribute('data-ev-opening_uid') ?? link?.getAttribute('data-ev-opening_uid');
  return id && /^\d{15,20}$/.test(id) ? `~02${id}` : null;
}

export function readTile(tile: Element): TileFacts | null {
  const ciphertext = tileCiphertext(tile);
  if (!ciphertext) return null;
  const text = (selector: string) => tile.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() || null;
  const ratingText = tile.querySelector('[data-test="total-feedback"] [aria-label], .air3-rating-value-text')?.textContent ?? null;
  const rating = ratingText && /^\d(\.\d+)?$/.test(ratingText.trim()) ? Number(ratingText.trim()) : null;
  return {
    ciphertext,
    title: tile.querySelector(TITLE_LINK),
    paymentVerified: tile.querySelector('[data-test="payment-verified"]') !== null && !/unverified/i.test(text('[data-test="payment-verified"]') ?? ''),
    totalSpent: text('[data-test="total-spent"]'),
    proposals: text('[data-test="proposals-tier"]'),
    rating,
  };
}

export interface BadgeView {
  word: 'Good' | 'Fair' | 'Risky' | 'New';
  tone: 'good' | 'fair' | 'risky';
  detail: string;
}

/** A word and a colour from what the tile shows, or from the client score where the extension holds it. */
export function badgeView(facts: TileFacts, known: { score: number; hireRate: number | null; avgHourly: number | null } | null): BadgeView {
  const parts = [facts.paymentVerified ? 'payment verified' : 'payment unverified', facts.totalSpent, facts.proposals].filter((p): p is string => !!p);
  if (known) {
    const extra = [
      known.hireRate !== null ? `hires ${Math.round(known.hireRate * 100)}%` : null,
      known.avgHourly ? `avg $${known.avgHourly.toFixed(0)}/hr` : null,
    ].filter(Boolean);
    const tone = known.score >= 70 ? 'good' : known.score >= 45 ? 'fair' : 'risky';
    return { word: tone === 'good' ? 'Good' : tone === 'fair' ? 'Fair' : 'Risky', tone, detail: [`score ${known.score}`, ...extra, ...parts].join(' · ') };
  }
  const spent = /\$[\d.,]+\s*[KM]?\+?/i.exec(facts.totalSpent ?? '')?.[0] ?? '';
  const bigSpender = /[KM]/i.test(spent);
  if (!facts.paymentVerified) return { word: 'Risky', tone: 'risky', detail: parts.join(' · ') };
  if (!spent || spent.startsWith('$0')) return { word: 'New', tone: 'fair', detail: parts.join(' · ') };
  return bigSpender ? { word: 'Good', tone: 'good', detail: parts.join(' · ') } : { word: 'Fair', tone: 'fair', detail: parts.join(' · ') };
}
