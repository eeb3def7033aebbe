import type { PageSeen } from '@/utils/upwork/nuxt';
import type { TabState } from '@/utils/client/stored';

/** Job ~022051005096520707758 of Northwind, as its page is seen: what the tests' pages and tab states start from. */
const SEEN = {
  url: 'https://www.upwork.com/jobs/~022051005096520707758',
  kind: 'job',
  ciphertext: '~022051005096520707758',
  paymentVerified: true,
  signedIn: true,
  account: 'agency',
  strategy: 'url',
  client: null,
  otherJobs: [],
  openJobs: [],
  design: null,
  facts: null,
} as const satisfies Partial<PageSeen & TabState>;

/** What the content script reports of that page. */
export const pageSeen = (overrides: Partial<PageSeen> = {}): PageSeen => ({ ...SEEN, otherJobs: [], openJobs: [], companyIdHint: null, ...overrides });

/** The tab's stored state once its client was looked up. */
export const tabState = (overrides: Partial<TabState> = {}): TabState => ({
  ...SEEN,
  otherJobs: [],
  openJobs: [],
  asked: null,
  companyId: '1991212616395436888',
  pasted: false,
  status: 'ready',
  problem: null,
  lookupId: 'x',
  updatedAt: Date.UTC(2026, 10, 23, 12),
  ...overrides,
});
