/**
 * The real Upwork captures (third-party pages, never copied into this repository): where they are, and what a
 * person sees on each, from ../shared/real-upwork/README.md. REAL_UPWORK_DIR points elsewhere when needed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const REAL_UPWORK_DIR = resolve(process.env.REAL_UPWORK_DIR ?? '../shared/real-upwork');
export const HAVE_REAL_PAGES = existsSync(resolve(REAL_UPWORK_DIR, 'README.md'));
export const ABSENT_NOTE = `Real Upwork captures not found at ${REAL_UPWORK_DIR} (set REAL_UPWORK_DIR): their tests are not run.`;

export function realPage(file: string): string {
  return readFileSync(resolve(REAL_UPWORK_DIR, file), 'utf8');
}

export interface RealJobPage {
  file: string;
  url: string;
  kind: string;
  ciphertext: string;
  paymentVerified: boolean | null;
  /** The client's other jobs the page names (none of "Similar jobs"). */
  otherJobs: string[];
  /** A "Similar jobs" link: another client's job. */
  similar?: string;
  /** Which of Upwork's designs it is. */
  design: string;
  /** What a person reads on it for free: Connects (required, available, remaining after sending) and activity. */
  connects: [number | null, number | null, number | null];
  activity: { proposals: string | null; lastViewed: string | null; interviewing: number | null; invitesSent: number | null; unansweredInvites: number | null };
}

const NO_ACTIVITY = { proposals: null, lastViewed: null, interviewing: null, invitesSent: null, unansweredInvites: null };

export const JOB_PAGES: RealJobPage[] = [
  {
    file: 'job-2024-10.html',
    url: 'https://www.upwork.com/jobs/Need-Higher-Level-expert-set-CRM-for-life-insurance-campaign_~021836097417550972322/',
    kind: 'job',
    ciphertext: '~021836097417550972322',
    paymentVerified: true,
    otherJobs: ['~021836084896483984802'],
    similar: '~021827749074277538426',
    design: '2024',
    connects: [9, 120, null],
    activity: { proposals: '5 to 10', lastViewed: 'yesterday', interviewing: 2, invitesSent: 4, unansweredInvites: 1 },
  },
  {
    file: 'job-2024-11.html',
    url: 'https://www.upwork.com/jobs/Top-span-class-highlight-React-span-frontend-developer-wanted_~021850898891443283840/',
    kind: 'job',
    ciphertext: '~021850898891443283840',
    paymentVerified: true,
    otherJobs: [],
    design: '2024',
    connects: [11, 120, null],
    activity: { proposals: '50+', lastViewed: '3 days ago', interviewing: 0, invitesSent: 0, unansweredInvites: 0 },
  },
  {
    file: 'job-2026-03.html',
    url: 'https://www.upwork.com/jobs/~022037632358032505171?referrer_url_path=%2Fbest-matches%2Fdetails%2F~022037632358032505171',
    kind: 'job',
    ciphertext: '~022037632358032505171',
    paymentVerified: true,
    otherJobs: [],
    design: '2025',
    connects: [20, 246, null],
    activity: { proposals: '50+', lastViewed: '16 hours ago', interviewing: 0, invitesSent: 0, unansweredInvites: 0 },
  },
  {
    file: 'job-2025-12-top-only.html',
    url: 'https://www.upwork.com/jobs/Talented-hands-next-supabase-developer-needed_~021999060037801980319/?referrer_url_path=find_work_home',
    kind: 'job',
    ciphertext: '~021999060037801980319',
    paymentVerified: null,
    otherJobs: [],
    design: 'unknown',
    connects: [21, 25, null],
    activity: NO_ACTIVITY,
  },
  {
    file: 'slide-over-2025-12.html',
    url: 'https://www.upwork.com/nx/find-work/most-recent/details/~021999055296412911573',
    kind: 'slide-over',
    ciphertext: '~021999055296412911573',
    paymentVerified: true,
    otherJobs: ['~021909892850441710505', '~01fb0422c815aead49', '~0134de7cbf023c3b35'],
    design: '2025',
    connects: [14, 25, null],
    activity: { proposals: 'Less than 5', lastViewed: '4 minutes ago', interviewing: 0, invitesSent: 5, unansweredInvites: 5 },
  },
  {
    file: 'apply-2025-12.html',
    url: 'https://www.upwork.com/nx/proposals/job/~021998744339961847531/apply/',
    kind: 'apply',
    ciphertext: '~021998744339961847531',
    paymentVerified: null,
    otherJobs: [],
    design: 'unknown',
    connects: [10, null, 15],
    activity: NO_ACTIVITY,
  },
];

export interface RealList {
  file: string;
  url: string;
  kind: 'search' | 'feed';
  tiles: number;
  unverified: number;
}

export const LISTS: RealList[] = [
  { file: 'search-2024-08.html', url: 'https://www.upwork.com/nx/search/jobs/', kind: 'search', tiles: 20, unverified: 5 },
  { file: 'search-2024-09-fragment.html', url: 'https://www.upwork.com/nx/search/jobs/', kind: 'search', tiles: 50, unverified: 8 },
  { file: 'search-2024-10.html', url: 'https://www.upwork.com/nx/search/jobs/', kind: 'search', tiles: 20, unverified: 5 },
  { file: 'search-2024-10b.html', url: 'https://www.upwork.com/nx/search/jobs/', kind: 'search', tiles: 19, unverified: 0 },
  { file: 'search-2026-02.html', url: 'https://www.upwork.com/nx/search/jobs/', kind: 'search', tiles: 10, unverified: 0 },
  { file: 'feed-most-recent-2024-09-fragment.html', url: 'https://www.upwork.com/nx/find-work/most-recent', kind: 'feed', tiles: 2, unverified: 0 },
];
