/**
 * DOM → what the page shows, in the content script. Pure over a Document and a URL; never throws on a strange
 * page. It names no page kind: the background does (digestPage), from the URL, and keeps a job read from the DOM
 * only on pages that show one. The content script runs in every Upwork tab (12 KB): what can be made sense of
 * later (words, the page state) is sent as found.
 */
import type { PageRead } from './schemas';
import type { PageClientSeen } from './schemas';
import { linkedCiphertext, numericCiphertext } from './page';

/** The job's own container on a job page, a slide-over or an apply page; client-history links sit outside it. */
const JOB_CONTAINERS = '.job-details, .air3-slider-job-details, [data-test="job-details"], div[job-uid]';
const ID_ATTRIBUTES: ReadonlyArray<[string, string]> = [
  ['.job-details[data-ev-opening_uid]', 'data-ev-opening_uid'],
  ['div[job-uid]', 'job-uid'],
  ['#set-bid-button[data-ev-job-uid]', 'data-ev-job-uid'],
];
// Any route that names a job in its path; the background checks it against the routes it knows (parseUpworkUrl).
const PATH_JOB = /^\/(?:jobs|freelance-jobs|nx|ab)\b.*?[/_](~0(?:2\d{15,20}|1[0-9a-f]{16}))(?=\/|$)/i;

export const STRATEGIES = ['url', 'attribute', 'link'] as const;
export type Strategy = (typeof STRATEGIES)[number];

export function readPage(doc: Document, url: string): PageRead {
  const found = findCiphertext(doc, url);
  const ciphertext = found?.ciphertext ?? null;
  const box = ciphertext ? doc.querySelector(CLIENT_BOX) : null;
  const links = ciphertext ? clientJobLinks(doc, ciphertext) : null;
  // A slide-over's words are its own only inside its container: the list around it shows other jobs' proposals.
  const area = doc.querySelector(JOB_AREA) ?? (/\/details\//.test(url) ? null : (doc.querySelector('main') ?? doc.body));
  return {
    url,
    ciphertext,
    strategy: found?.strategy ?? null,
    // The page state is read by the background (digestPage): its reader need not ship in every Upwork tab.
    nuxt: ciphertext ? nuxtText(doc) : null,
    // Who is looking matters for applying to a job; on a list it would cost a scan of every inline script.
    viewerState: ciphertext ? viewerState(doc) : null,
    client: box ? clientSeen(box) : null,
    otherJobs: links?.all ?? [],
    openJobs: links?.open ?? [],
    // The job area's words: Connects, activity and bid range, read in the background. (Not innerText: it would
    // compute the layout in every Upwork tab for words textContent has too.)
    text: ciphertext ? (area?.textContent?.slice(0, TEXT_MAX) ?? null) : null,
    // Which design the page is (Options → Diagnostics): the client box's name and the page's theme and classes.
    design: ciphertext ? `${box?.getAttribute('data-test')} ${doc.documentElement.getAttribute('theme')} ${doc.documentElement.className}`.slice(0, 500) : null,
  };
}
export const TEXT_MAX = 30_000;
const JOB_AREA = '.job-details-content, .air3-slider-job-details';

/** The job a page shows: its URL first, then the id attributes, then the title link of the job's own container. */
export function findCiphertext(doc: Document, url: string): { ciphertext: string; strategy: Strategy } | null {
  const fromPath = PATH_JOB.exec(new URL(url).pathname)?.[1];
  if (fromPath) return { ciphertext: fromPath.toLowerCase(), strategy: 'url' };
  for (const [selector, attribute] of ID_ATTRIBUTES) {
    // A legacy job's id is not numeric: it is read from its link instead.
    const ciphertext = numericCiphertext(doc.querySelector(selector)?.getAttribute(attribute)?.trim());
    if (ciphertext) return { ciphertext, strategy: 'attribute' };
  }
  for (const container of doc.querySelectorAll(JOB_CONTAINERS)) {
    for (const link of container.querySelectorAll('[href*="/jobs/"]')) {
      if (link.closest('.extra-jobs-cards')) continue;
      const ciphertext = linkedCiphertext(link.getAttribute('href'));
      if (ciphertext) return { ciphertext, strategy: 'link' };
    }
  }
  return null;
}

/** The page state's JSON (`__NUXT_DATA__`), when it is of a size worth sending. */
function nuxtText(doc: Document): string | null {
  const json = doc.querySelector('script#__NUXT_DATA__[type="application/json"]')?.textContent;
  return json && json.length <= NUXT_MAX ? json : null;
}
export const NUXT_MAX = 2_000_000;

// 2024 (AboutClientUser), 2025 (about-client-container), the 2026 redesign (about-client, shown twice: one is read).
const CLIENT_BOX = '[data-test~="about-client-container"], [data-test~="AboutClientUser"], [data-test="about-client"], .cfe-ui-job-about-client';

/**
 * What the client box says, as the page words it: its labelled lines (parts joined by " | ", as server HTML runs
 * "Canada" and "Brossard" together) and its text. Parsed in the background, with the page state's client.
 */
function clientSeen(box: Element): PageClientSeen {
  const fields: Record<string, string> = {};
  for (const element of box.querySelectorAll('[data-qa], [data-testid], [data-test]')) {
    const name = element.getAttribute('data-qa') ?? element.getAttribute('data-testid') ?? element.getAttribute('data-test') ?? '';
    const parts = element.children.length > 1 ? [...element.children].map((child) => child.textContent ?? '') : [element.textContent ?? ''];
    fields[name] = parts
      .map((part) => part.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join(' | ')
      .slice(0, 200);
  }
  return { fields, text: (box.textContent ?? '').replace(/\s+/g, ' ').slice(0, 2000), state: null };
}

// "Other open jobs by this Client" and "Client's recent history" (2024–2025 cards, the 2026 section).
const CLIENT_JOBS = '.extra-jobs-cards .air3-card, .extra-jobs-cards section, [data-test="client-history"]';

/**
 * The client's other jobs the page links (`<a>` or Upwork's `<uplink>`, relative or absolute), in page order, and
 * which of them are open: "Other open jobs by this Client" and "Client's recent history", never "Similar jobs"
 * (other clients).
 */
export function clientJobLinks(doc: Document, own: string): { all: string[]; open: string[] } {
  const all = new Set<string>();
  const open = new Set<string>();
  for (const card of doc.querySelectorAll(CLIENT_JOBS)) {
    const heading = card.querySelector('header, h2, h3, h4, h5')?.textContent ?? '';
    if (!/client/i.test(heading) || /similar/i.test(heading)) continue;
    for (const link of card.querySelectorAll('[href*="/jobs/"]')) {
      const ciphertext = linkedCiphertext(link.getAttribute('href'));
      if (!ciphertext || ciphertext === own) continue;
      all.add(ciphertext);
      if (/open/i.test(heading)) open.add(ciphertext);
    }
  }
  return { all: [...all].slice(0, 50), open: [...open].slice(0, 50) };
}

/**
 * Who is looking: the plain JSON Upwork's navigation embeds (never cookies or the session), as text. The
 * background reads it (viewerOf, in digestPage): its reader need not ship in every Upwork tab.
 */
function viewerState(doc: Document): string | null {
  for (const script of doc.querySelectorAll('script:not([src])')) {
    const text = script.textContent ?? '';
    const start = text.indexOf('__TOP_NAVIGATION_USER_STATE__');
    if (start >= 0) return text.slice(start, start + VIEWER_MAX);
  }
  return null;
}
export const VIEWER_MAX = 100_000;
