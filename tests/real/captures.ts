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

export interface RealList {
  file: string;
  url: string;
  kind: 'search' | 'feed';
  tiles: number;
  unverified: number;
}

/** What a person sees on each capture (its README), as data: one entry a page. */
const expected = JSON.parse(readFileSync(resolve('tests/real/captures.json'), 'utf8')) as { jobPages: RealJobPage[]; lists: RealList[] };
export const JOB_PAGES: RealJobPage[] = expected.jobPages;
export const LISTS: RealList[] = expected.lists;
