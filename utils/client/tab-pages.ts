/** A tab's page and its stored state, one from the other: to look a tab up again, or to know it moved on. */
import type { PageSeen } from '../upwork/nuxt';
import { parseUpworkUrl, type PageKind } from '../upwork/page';
import type { TabState } from './stored';

/** The page a tab's stored state was made from, to look it up again. */
export function pageOfState(state: TabState): PageSeen {
  return {
    url: state.url,
    kind: state.kind,
    ciphertext: state.ciphertext,
    strategy: state.strategy,
    companyIdHint: state.companyId,
    paymentVerified: state.paymentVerified,
    signedIn: state.signedIn,
    account: state.account,
    client: state.client,
    otherJobs: state.otherJobs,
    openJobs: state.openJobs,
    design: state.design,
    facts: state.facts,
  };
}

/** A page known only by its URL (a pasted URL, a tile's badge, a tab whose content script does not answer). */
export function pageOfUrl(url: string, kind: PageKind, ciphertext: string | null): PageSeen {
  return {
    url,
    kind,
    ciphertext,
    strategy: ciphertext ? 'url' : null,
    companyIdHint: null,
    paymentVerified: null,
    signedIn: null,
    account: null,
    client: null,
    otherJobs: [],
    openJobs: [],
    design: null,
    facts: null,
  };
}

/**
 * Does the stored state describe what the tab shows now? Until the page reports a navigation, the state may
 * still describe the previous job. A pasted job stands until the tab moves on.
 */
export function stateMatchesTab(state: TabState, tabUrl: string): boolean {
  if (state.pasted) return true;
  const ref = parseUpworkUrl(tabUrl);
  if (ref.ciphertext) return state.ciphertext === ref.ciphertext;
  return pathOf(state.url) === pathOf(tabUrl);
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname.replace(/\/$/, '');
  } catch {
    return url;
  }
}
