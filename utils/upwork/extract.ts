/** DOM → what the page shows. Pure over a Document and a URL; never throws on a strange page. */
import type { PageClientSeen, PageSeen } from '../messaging';
import { JOB_PAGE_KINDS, linkedCiphertext, numericCiphertext, parseUpworkUrl } from './page';

/** The job's own container on a job page, a slide-over or an apply page; client-history links sit outside it. */
const JOB_CONTAINERS = '.job-details, .air3-slider-job-details, [data-test="job-details"], div[job-uid]';
const ID_ATTRIBUTES: ReadonlyArray<[string, string]> = [
  ['.job-details[data-ev-opening_uid]', 'data-ev-opening_uid'],
  ['div[job-uid]', 'job-uid'],
  ['#set-bid-button[data-ev-job-uid]', 'data-ev-job-uid'],
];

export type Strategy = 'url' | 'attribute' | 'link';

export function readPage(doc: Document, url: string): PageSeen {
  const { kind } = parseUpworkUrl(url);
  const found = findCiphertext(doc, url);
  const ciphertext = found?.ciphertext ?? null;
  const client = ciphertext ? clientSeen(doc) : null;
  return {
    url,
    kind,
    ciphertext,
    strategy: found?.strategy ?? null,
    // The page state is read by the background (digestPage): its reader need not ship in every Upwork tab.
    companyIdHint: null,
    nuxt: ciphertext ? nuxtText(doc) : null,
    paymentVerified: client ? paymentVerified(client.text) : null,
    // Who is looking matters for applying to a job; on a list it would cost a scan of every inline script.
    viewerState: ciphertext ? viewerState(doc) : null,
    signedIn: null,
    account: null,
    client,
    otherJobs: ciphertext ? clientJobLinks(doc, ciphertext) : [],
  };
}

/** The job a page shows: its URL first, then the id attributes, then the title link of the job's own container. */
export function findCiphertext(doc: Document, url: string): { ciphertext: string; strategy: Strategy } | null {
  const ref = parseUpworkUrl(url);
  if (ref.ciphertext) return { ciphertext: ref.ciphertext, strategy: 'url' };
  if (!JOB_PAGE_KINDS.has(ref.kind)) return null;
  for (const [selector, attribute] of ID_ATTRIBUTES) {
    // A legacy job's id is not numeric: it is read from its link instead.
    const ciphertext = numericCiphertext(doc.querySelector(selector)?.getAttribute(attribute)?.trim());
    if (ciphertext) return { ciphertext, strategy: 'attribute' };
  }
  for (const container of doc.querySelectorAll(JOB_CONTAINERS)) {
    for (const link of container.querySelectorAll<HTMLAnchorElement>('a[href*="/jobs/"]')) {
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

const CLIENT_BOX = '[data-test~="about-client-container"], [data-test~="AboutClientUser"], .cfe-ui-job-about-client';

/**
 * What the client box says, as the page words it: its labelled lines (parts joined by " | ", as server HTML runs
 * "Canada" and "Brossard" together) and its text. Parsed in the background, with the page state's client.
 */
function clientSeen(doc: Document): PageClientSeen | null {
  const box = doc.querySelector(CLIENT_BOX);
  if (!box) return null;
  const fields: Record<string, string> = {};
  for (const element of box.querySelectorAll('[data-qa], [data-testid]')) {
    const name = element.getAttribute('data-qa') ?? element.getAttribute('data-testid') ?? '';
    const parts = element.children.length > 1 ? [...element.children].map((child) => child.textContent ?? '') : [element.textContent ?? ''];
    fields[name] = parts
      .map((part) => part.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join(' | ')
      .slice(0, 200);
  }
  return { fields, text: (box.textContent ?? '').replace(/\s+/g, ' ').slice(0, 2000), state: null };
}

/** The client box says it in words ("Payment method verified"); the class `payment-verified` also marks the phone. */
export function paymentVerified(boxText: string): boolean | null {
  return /payment method not verified/i.test(boxText) ? false : /payment method verified/i.test(boxText) ? true : null;
}

/**
 * The client's other jobs the page links: "Other open jobs by this Client" and "Client's recent history",
 * never "Similar jobs" (other clients).
 */
export function clientJobLinks(doc: Document, own: string): string[] {
  const found = new Set<string>();
  for (const card of doc.querySelectorAll('.extra-jobs-cards .air3-card, .extra-jobs-cards section')) {
    const heading = card.querySelector('header, h2, h3, h4')?.textContent ?? '';
    if (!/client/i.test(heading) || /similar/i.test(heading)) continue;
    for (const link of card.querySelectorAll('a[href*="/jobs/"]')) {
      const ciphertext = linkedCiphertext(link.getAttribute('href'));
      if (ciphertext && ciphertext !== own) found.add(ciphertext);
    }
  }
  return [...found].slice(0, 20);
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
