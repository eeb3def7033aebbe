/** DOM → what the page shows. Pure over a Document and a URL; never throws on a strange page. */
import type { PageSeen } from '../messaging';
import { companyIdFromNuxt, decodeNuxtData } from './nuxt';
import { isCiphertext, JOB_PAGE_KINDS, normaliseCiphertext, parseUpworkUrl } from './page';

const NUMERIC_ID = /^\d{15,20}$/;
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
  return {
    url,
    kind,
    ciphertext,
    companyIdHint: ciphertext ? companyIdHint(doc, ciphertext) : null,
    paymentVerified: ciphertext ? paymentVerified(doc) : null,
    // Who is looking matters for applying to a job; on a list it would cost a scan of every inline script.
    ...(ciphertext ? viewer(doc) : { signedIn: null, account: null }),
  };
}

/** The job a page shows: its URL first, then the id attributes, then the title link of the job's own container. */
export function findCiphertext(doc: Document, url: string): { ciphertext: string; strategy: Strategy } | null {
  const ref = parseUpworkUrl(url);
  if (ref.ciphertext) return { ciphertext: ref.ciphertext, strategy: 'url' };
  if (!JOB_PAGE_KINDS.has(ref.kind)) return null;
  for (const [selector, attribute] of ID_ATTRIBUTES) {
    const id = doc.querySelector(selector)?.getAttribute(attribute)?.trim();
    // `~02` + id holds only for numeric ids; a legacy job is read from its link instead.
    if (id && NUMERIC_ID.test(id)) return { ciphertext: `~02${id}`, strategy: 'attribute' };
  }
  for (const container of doc.querySelectorAll(JOB_CONTAINERS)) {
    for (const link of container.querySelectorAll<HTMLAnchorElement>('a[href*="/jobs/"]')) {
      if (link.closest('.extra-jobs-cards')) continue;
      const match = /\/jobs\/(?:[^/?#]*_)?(~0[0-9a-f]+)/i.exec(link.getAttribute('href') ?? '');
      if (match?.[1] && isCiphertext(match[1])) return { ciphertext: normaliseCiphertext(match[1]), strategy: 'link' };
    }
  }
  return null;
}

/** The companyId the page's Nuxt state gives for this job; a hint, absent on many pages. */
export function companyIdHint(doc: Document, ciphertext: string): string | null {
  const script = doc.querySelector('script#__NUXT_DATA__[type="application/json"]');
  const json = script?.textContent;
  if (!json) return null;
  try {
    return companyIdFromNuxt(decodeNuxtData(json), ciphertext);
  } catch {
    // A payload we cannot decode only costs a by-ciphertext call; the page still works.
    return null;
  }
}

/** The client box of a job page says whether the client's payment method is verified. */
export function paymentVerified(doc: Document): boolean | null {
  const box = doc.querySelector('[data-test~="about-client-container"], [data-test~="AboutClientUser"]');
  if (!box) return null;
  if (box.querySelector('[data-test="payment-verified"]')) return true;
  return /payment method not verified/i.test(box.textContent ?? '') ? false : null;
}

/** Who is looking, from the plain JSON Upwork's navigation embeds (never from cookies or the session). */
export function viewer(doc: Document): Pick<PageSeen, 'signedIn' | 'account'> {
  for (const script of doc.querySelectorAll('script:not([src])')) {
    const text = script.textContent ?? '';
    const start = text.indexOf('__TOP_NAVIGATION_USER_STATE__');
    if (start < 0) continue;
    const json = text
      .slice(text.indexOf('=', start) + 1)
      .trim()
      .replace(/;\s*$/, '');
    try {
      const state = JSON.parse(json) as { context?: { isLoggedIn?: unknown }; orgs?: { current?: { flag?: Record<string, unknown> } } };
      const flag = state.orgs?.current?.flag ?? {};
      const signedIn = typeof state.context?.isLoggedIn === 'boolean' ? state.context.isLoggedIn : null;
      const account = flag.agency === true ? 'agency' : flag.client === true ? 'client' : flag.vendor === true || signedIn ? 'freelancer' : null;
      return { signedIn, account: signedIn === false ? null : account };
    } catch {
      return { signedIn: null, account: null };
    }
  }
  return { signedIn: null, account: null };
}
