/** DOM → what the page shows. Pure over a Document and a URL; never throws on a strange page. */
import type { PageSeen } from '../messaging';
import { companyIdFromNuxt, decodeNuxtData } from './nuxt';
import { parseUpworkUrl } from './page';

export function readPage(doc: Document, url: string): PageSeen {
  const { kind, ciphertext } = parseUpworkUrl(url);
  return { url, kind, ciphertext, companyIdHint: ciphertext ? companyIdHint(doc, ciphertext) : null };
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
