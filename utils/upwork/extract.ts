/** DOM → what the page shows. Pure over a Document and a URL; never throws on a strange page. */
import type { PageSeen } from '../messaging';
import { companyIdFromNuxt, decodeNuxtData } from './nuxt';
import { parseUpworkUrl } from './page';

export function readPage(doc: Document, url: string): PageSeen {
  const { kind, ciphertext } = parseUpworkUrl(url);
  return {
    url,
    kind,
    ciphertext,
    companyIdHint: ciphertext ? companyIdHint(doc, ciphertext) : null,
    paymentVerified: ciphertext ? paymentVerified(doc) : null,
  };
}

/** The client box of a job page says whether the client's payment method is verified. */
export function paymentVerified(doc: Document): boolean | null {
  const box = doc.querySelector('[data-test~="about-client-container"], [data-test~="AboutClientUser"]');
  if (!box) return null;
  if (box.querySelector('[data-test="payment-verified"]')) return true;
  return /payment method not verified/i.test(box.textContent ?? '') ? false : null;
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
