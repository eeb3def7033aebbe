/**
 * The sandbox's world: clients, their jobs and contracts, the agency's freelancers. Hand-written
 * names, contracts generated from a fixed seed, so every run (and every screenshot) is the same.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface SandboxJob {
  ciphertext: string;
  title: string;
  type: 'HOURLY' | 'FIXED';
  companyId: string;
  /** Does the Upwork page carry the companyId in its Nuxt state? */
  pageHasCompanyId: boolean;
  /** Has UpHunt archived it (by-ciphertext answers)? */
  archived: boolean;
}

export interface SandboxClient {
  companyId: string;
  /** null: UpHunt has no archived job of this company (client-jobs answers 404). */
  record: Record<string, unknown> | null;
}

export const KEYS = {
  uphunt: 'sk_uphunt_sandbox_demo',
  uphuntLegacy: 'up_sandbox_legacy_demo',
  uphuntInactive: 'sk_uphunt_sandbox_inactive',
  mindcase: 'mk_live_sandbox_demo',
  mindcaseEmpty: 'mk_live_sandbox_empty',
} as const;

/** Fixed "now" of the data (2026-11-20), so ages in screenshots do not depend on the day. */
const DATA_NOW = Date.UTC(2026, 10, 20, 9, 30);

function rng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FREELANCER_NAMES = [
  'Angelia A I.',
  'Marek K.',
  'Sofia R.',
  'Tunde O.',
  'Priya S.',
  'Lucas M.',
  'Hana T.',
  'Omar F.',
  'Elena V.',
  'Diego P.',
  'Mei L.',
  'Jonas W.',
];
const COMMENTS_TO_FREELANCER = [
  'Great work, fast and clear communication.',
  'Delivered on time. Would hire again.',
  'Good skills, needed some guidance.',
  'Excellent! Went above and beyond.',
  'Work was fine but deadlines slipped.',
];
const COMMENTS_TO_CLIENT = [
  'Clear requirements and quick payment.',
  'Pleasure to work with.',
  'Changed scope often.',
  'Responsive and fair.',
  'Great client, highly recommended.',
];

interface ClientSpec {
  companyId: string;
  name: string;
  city: string | null;
  country: string;
  timezone: string;
  since: string;
  contracts: number;
  titles: string[];
  rateRange: [number, number];
  seed: number;
  /** Null the fields only the authenticated scrape has. */
  publicOnly?: boolean;
  /** Pays little, often nothing, and is rated low: the client a freelancer should be warned about. */
  risky?: boolean;
  openJobs: SandboxJob[];
}

function numericId(r: () => number): string {
  let id = '20';
  while (id.length < 19) id += Math.floor(r() * 10);
  return id;
}

function buildRecord(spec: ClientSpec): Record<string, unknown> {
  const r = rng(spec.seed);
  const workHistory = [] as Array<Record<string, unknown>>;
  let totalCharges = 0;
  let feedbackCount = 0;
  let scoreSum = 0;
  const archivedCiphers: string[] = [];
  const archivedJobIds: string[] = [];
  for (let i = 0; i < spec.contracts; i++) {
    const id = numericId(r);
    const isPrivate = r() < 0.2;
    const hourly = r() < 0.65;
    const start = DATA_NOW - Math.floor((30 + r() * 700) * 86_400_000);
    const active = i < 2;
    const end = active ? null : start + Math.floor((7 + r() * 120) * 86_400_000);
    const rate = hourly ? Math.round((spec.rateRange[0] + r() * (spec.rateRange[1] - spec.rateRange[0])) * 100) / 100 : null;
    const hours = hourly ? Math.round(r() * 300 * 100) / 100 : null;
    const unpaid = r() < (spec.risky ? 0.45 : 0.1);
    const charge = unpaid && !active ? 0 : hourly && rate && hours ? Math.round(rate * hours * 100) / 100 : Math.round((50 + r() * 2500) * 100) / 100;
    totalCharges += charge;
    const reviewed = !active && r() < 0.75;
    const score = reviewed ? Math.round((spec.risky ? 1 + r() * 2 : 3.8 + r() * 1.2) * 10) / 10 : null;
    if (score !== null) {
      feedbackCount += 1;
      scoreSum += score;
    }
    const ciphertext = isPrivate ? null : `~02${id}`;
    if (ciphertext && r() < 0.7) archivedCiphers.push(ciphertext);
    if (r() < 0.7) archivedJobIds.push(id);
    const who = Math.floor(r() * FREELANCER_NAMES.length);
    const name = FREELANCER_NAMES[who]!;
    workHistory.push({
      isPtcJob: false,
      status: active ? 'ACTIVE' : 'CLOSED',
      startDate: new Date(start).toISOString(),
      endDate: end === null ? null : new Date(end).toISOString(),
      totalCharge: charge,
      totalHours: hours,
      jobInfo: { title: spec.titles[i % spec.titles.length]!, id, ciphertext },
      // One profile per name, so that a client hiring the same person twice shows as a repeat hire.
      contractorInfo: { contractorName: name, ciphertext: `~01${(0xa11ce0000 + who * 7919).toString(16).padStart(16, '0')}` },
      rate: rate === null ? null : { amount: rate },
      feedback:
        score === null
          ? null
          : {
              score: Math.min(5, Math.round((score + r() * 0.5) * 10) / 10),
              comment: COMMENTS_TO_FREELANCER[Math.floor(r() * COMMENTS_TO_FREELANCER.length)]!,
            },
      feedbackToClient: score === null ? null : { score, comment: COMMENTS_TO_CLIENT[Math.floor(r() * COMMENTS_TO_CLIENT.length)]! },
    });
  }
  const hourlyRates = workHistory.map((w) => (w.rate as { amount: number } | null)?.amount).filter((x): x is number => typeof x === 'number');
  return {
    companyId: spec.companyId,
    lastSyncedAt: DATA_NOW - 3 * 3_600_000,
    buyer: {
      company: { name: spec.name, companyId: spec.companyId, isEDCReplicated: null, contractDate: spec.since },
      location: { city: spec.city, country: spec.country, countryTimezone: spec.timezone },
      stats: {
        totalAssignments: spec.contracts,
        score: feedbackCount ? Math.round((scoreSum / feedbackCount) * 100) / 100 : 0,
        totalCharges: { amount: Math.round(totalCharges * 100) / 100 },
        feedbackCount,
        totalJobsWithHires: Math.max(0, spec.contracts - 2),
      },
      enterprise: spec.publicOnly ? null : false,
      avgHourlyJobsRate:
        spec.publicOnly || hourlyRates.length === 0 ? null : { amount: Math.round((hourlyRates.reduce((a, b) => a + b, 0) / hourlyRates.length) * 100) / 100 },
      postedCount: spec.contracts + spec.openJobs.length + 9,
      topClient: false,
      phoneVerificationStatus: spec.publicOnly ? null : { status: 'VERIFIED' },
    },
    openJobs: spec.openJobs.map((job) => ({ id: job.ciphertext.slice(3), ciphertext: job.ciphertext, title: job.title, type: job.type, isPtcPrivate: false })),
    workHistory,
    archivedCiphers,
    archivedJobIds,
  };
}

const job = (ciphertext: string, title: string, type: 'HOURLY' | 'FIXED', companyId: string, pageHasCompanyId: boolean, archived = true): SandboxJob => ({
  ciphertext,
  title,
  type,
  companyId,
  pageHasCompanyId,
  archived,
});

export const NORTHWIND = '1991212616395436888';
export const BLUE_HARBOR = '1744032957718093824';
const FRESH_START = '1620487352290443264';
const KESTREL = '1883301740022796289';
const QUICKBUCK = '1940098877665544332';

export const JOBS: SandboxJob[] = [
  job('~022052895097657407455', 'Senior React Developer for Analytics Dashboard', 'HOURLY', NORTHWIND, true),
  job('~022051005096520707758', 'Data Pipeline Engineer (Python, Airflow)', 'HOURLY', NORTHWIND, false),
  job('~022049912345678901234', 'Shopify Store Redesign', 'FIXED', BLUE_HARBOR, false),
  job('~022048811122233344455', 'Logo and Brand Kit for New Bakery', 'FIXED', FRESH_START, true),
  job('~022047700011122233344', 'Mobile App QA Tester', 'HOURLY', KESTREL, false),
  // A job UpHunt never archived: its client cannot be found without a page companyId.
  job('~022046600099988877766', 'WordPress Speed Optimisation', 'FIXED', KESTREL, false, false),
  job('~022045500011122233344', 'Data Entry VA Needed ASAP', 'HOURLY', QUICKBUCK, true),
  // Posted again and again: the same job as the one above, reposted (a repost flag in the panel).
  job('~022045500011122233355', 'Data Entry VA Needed - ASAP!', 'FIXED', QUICKBUCK, false),
  job('~022045500011122233366', 'Cold Calling, Commission Only', 'HOURLY', QUICKBUCK, false),
  // And a third time: the same job open three times at once.
  job('~022045500011122233377', 'Data Entry VA needed (ASAP)', 'HOURLY', QUICKBUCK, false),
];

/** The sandbox's clients (clients.json: data, one record each), each with its open jobs of JOBS. */
const SPECS: ClientSpec[] = (JSON.parse(readFileSync(resolve('tests/sandbox/clients.json'), 'utf8')) as Array<Omit<ClientSpec, 'openJobs'>>).map((spec) => ({
  ...spec,
  openJobs: JOBS.filter((j) => j.companyId === spec.companyId),
}));

/**
 * The bench's world (tests/bench/): 25 more clients with 80 open jobs between them. Every other job page
 * carries its companyId; the others need a by-ciphertext call. Kept apart from JOBS so the demo and the
 * fixtures stay as they are.
 */
const BENCH_CLIENT_COUNT = 25;
const benchCompanyId = (i: number) => `21000000000000${String(10000 + i)}`;
export const BENCH_JOBS: SandboxJob[] = Array.from({ length: 80 }, (_, j) => {
  // Clients 0–4 have four jobs, the other twenty three.
  const client = j < 20 ? Math.floor(j / 4) : 5 + Math.floor((j - 20) / 3);
  return job(
    `~02210000000000${String(10000 + j)}`,
    `Bench job ${j + 1} for client ${client + 1}`,
    j % 3 === 0 ? 'FIXED' : 'HOURLY',
    benchCompanyId(client),
    j % 2 === 0,
  );
});
const BENCH_SPECS: ClientSpec[] = Array.from({ length: BENCH_CLIENT_COUNT }, (_, i) => ({
  companyId: benchCompanyId(i),
  name: `Bench Client ${i + 1} LLC`,
  city: 'Austin',
  country: 'United States',
  timezone: 'America/Chicago (UTC-06:00)',
  since: '2022-03-01T00:00:00.000Z',
  contracts: 6 + (i % 10),
  titles: ['Website fixes', 'Data cleanup', 'Landing page', 'API integration'],
  rateRange: [15, 70],
  seed: 1000 + i,
  openJobs: BENCH_JOBS.filter((j) => j.companyId === benchCompanyId(i)),
}));

export const ALL_JOBS = [...JOBS, ...BENCH_JOBS];

export const CLIENTS = new Map<string, SandboxClient>([
  ...[...SPECS, ...BENCH_SPECS].map((spec): [string, SandboxClient] => [spec.companyId, { companyId: spec.companyId, record: buildRecord(spec) }]),
  // A brand-new client: UpHunt has no archived job of it yet.
  [FRESH_START, { companyId: FRESH_START, record: null }],
]);

export const FREELANCERS = {
  freelancers: [
    {
      id: 'fl_1',
      name: 'Ada Novak',
      title: 'Full-stack React & Node developer',
      avatarUrl: null,
      profiles: [
        { profileId: '1700000000000000001', title: 'Full-stack React & Node developer', isDefault: true, hourlyRate: 55 },
        { profileId: '1700000000000000002', title: 'Data engineer (Python, Airflow)', isDefault: false, hourlyRate: 60 },
      ],
    },
    {
      id: 'fl_2',
      name: 'Bruno Silva',
      title: 'Brand & packaging designer',
      avatarUrl: null,
      profiles: [{ profileId: '1700000000000000003', title: 'Brand & packaging designer', isDefault: true, hourlyRate: 40 }],
    },
  ],
};

/** Upwork's own job payload, as UpHunt's by-ciphertext answers it (assumed shape, api-contract.md). */
export function archivedJob(sandboxJob: SandboxJob): Record<string, unknown> {
  return {
    authJobDetailsResponse: {
      data: {
        jobAuthDetails: {
          opening: { job: { info: { ciphertext: sandboxJob.ciphertext, title: sandboxJob.title, type: sandboxJob.type } } },
          buyer: { info: { company: { companyId: sandboxJob.companyId } } },
        },
      },
    },
    jobDetailsResponse: { data: { jobPubDetails: { buyer: { company: { companyId: sandboxJob.companyId } } } } },
  };
}
