/**
 * The jobs Upwork publishes while the sandbox runs, as Mindcase's keyword search finds them (newest first). A
 * few are there from the start; one more appears every `everyMs`, and a test may publish more at once. Every
 * third one is by Northwind (UpHunt knows that client), every fourth has an unverified payment method.
 */
import { NORTHWIND, type SandboxJob } from './data';

const KINDS = ['dashboard', 'store fix', 'landing page', 'API integration', 'data cleanup', 'theme'] as const;
const COUNTRIES = ['Canada', 'United States', 'Germany', 'India', 'Australia'];
const OTHER_CLIENT = '1777000000000000001';

export interface StreamJob extends SandboxJob {
  postedAt: number;
  n: number;
}

export function createJobStream(options: { initial?: number; everyMs?: number } = {}) {
  const initial = options.initial ?? 3;
  const everyMs = options.everyMs ?? 120_000;
  let startedAt = Date.now();
  let published = 0;
  const publishedAt = new Map<number, number>();

  const count = () => initial + published + Math.floor((Date.now() - startedAt) / everyMs);
  const job = (n: number, keyword: string): StreamJob => {
    const topic = keyword.trim().replace(/\b\w/g, (c) => c.toUpperCase());
    return {
      n,
      ciphertext: `~02210000000000000${String(n).padStart(4, '0')}`,
      title: `${topic}: ${KINDS[n % KINDS.length]} #${n}`,
      type: n % 2 ? 'HOURLY' : 'FIXED',
      companyId: n % 3 === 0 ? NORTHWIND : OTHER_CLIENT,
      pageHasCompanyId: true,
      archived: n % 3 === 0,
      postedAt: publishedAt.get(n) ?? startedAt + (n - initial) * everyMs,
    };
  };

  return {
    /** The newest `limit` jobs a keyword search finds now, as Mindcase's rows. */
    search(keyword: string, limit: number, filters: { isHourly?: unknown; isFixed?: unknown }): Array<Record<string, unknown>> {
      const rows: Array<Record<string, unknown>> = [];
      for (let n = count(); n >= 1 && rows.length < (limit > 0 ? limit : Infinity); n--) {
        const found = job(n, keyword);
        if (found.type === 'HOURLY' && filters.isHourly === false) continue;
        if (found.type === 'FIXED' && filters.isFixed === false) continue;
        rows.push(streamRow(found));
      }
      return rows;
    },
    /** The job of a ciphertext, if the stream has published it (for its Upwork page and UpHunt's archive). */
    find(ciphertext: string): StreamJob | null {
      const n = Number(/^~02210000000000000(\d{4})$/.exec(ciphertext)?.[1] ?? NaN);
      return Number.isInteger(n) && n >= 1 && n <= count() ? job(n, 'Shopify') : null;
    },
    publish(n: number) {
      for (let i = 1; i <= n; i++) publishedAt.set(count() + i, Date.now());
      published += n;
    },
    reset() {
      startedAt = Date.now();
      published = 0;
      publishedAt.clear();
    },
  };
}

function streamRow(job: StreamJob): Record<string, unknown> {
  const n = job.n;
  return {
    jobUrl: `https://www.upwork.com/jobs/${job.ciphertext}`,
    jobTitle: job.title,
    description: `We are looking for help with ${job.title.toLowerCase()}. (Sandbox stream job.)`,
    status: 'ACTIVE',
    contractorTier: ['INTERMEDIATE', 'EXPERT', 'ENTRY'][n % 3],
    workload: job.type === 'HOURLY' ? 'Less than 30 hrs/week' : null,
    engagementDuration: 'Less than 1 month',
    budget: job.type === 'FIXED' ? 200 + n * 50 : null,
    extendedBudget: job.type === 'HOURLY' ? { hourlyBudgetMin: 25, hourlyBudgetMax: 40 + n } : null,
    category: 'Web Development',
    postedOn: new Date(job.postedAt).toISOString(),
    clientActivity: { totalApplicants: n % 7, totalHired: 0, totalInvitedToInterview: 0, unansweredInvites: 0, invitationsSent: 0, numberOfPositionsToHire: 1 },
    sandsData: { ontologySkills: [{ prefLabel: 'Shopify', relevance: 'MANDATORY' }], additionalSkills: null },
    openingInfo: { ciphertext: job.ciphertext, id: job.ciphertext.slice(3), type: job.type, title: job.title },
    buyerLocation: { country: COUNTRIES[n % COUNTRIES.length], city: null },
    buyerStats: { feedbackCount: n % 3 === 0 ? 14 : 0, score: n % 3 === 0 ? 4.8 : 0, totalCharges: n % 3 === 0 ? { amount: 48_000 } : null },
    paymentVerified: n % 4 !== 0,
    similarJobs: [],
  };
}
