/**
 * The messages between contexts. Types only, so the content script stays small;
 * the zod schemas that check them where they are received live in message-schemas.ts.
 */
import type { Application } from './apply/stored';
import type { Draft } from './apply/queue';
import type { Problem, Service } from './problem';
import type { PageKind } from './upwork/page';
import type { Design, PageFacts } from './upwork/page-facts';
import type { Strategy } from './upwork/extract';
import type { PageClientSeen } from './upwork/schemas';
import type { BadgeView, TileFact } from './upwork/tiles';

/**
 * What the content script reads of a page (the pageSeen message, the readPage answer), as found: the background
 * makes sense of it (digestPage) into a PageSeen.
 */
export interface PageRead {
  url: string;
  /** The job as the content script found it: in the URL's path, an id attribute, or the job's own link. */
  ciphertext: string | null;
  strategy: Strategy | null;
  /** The page state's JSON (`__NUXT_DATA__`). */
  nuxt: string | null;
  /** The navigation's user state as the page embeds it. */
  viewerState: string | null;
  /** What the page says about the client; null where it shows no client. */
  client: PageClientSeen | null;
  /** The client's other jobs the page links (its other open jobs, its history), in page order. */
  otherJobs: string[];
  /** Which of otherJobs the page lists as open ("Other open jobs by this Client"). */
  openJobs: string[];
  /** The words of the job's area, for what the page shows for free. */
  text: string | null;
  /** What tells Upwork's designs apart: the client box's name, the page's theme and classes. */
  design: string | null;
}

/** A page as the background understands it (digestPage), and as a tab's look-up starts from. */
export interface PageSeen {
  url: string;
  kind: PageKind;
  ciphertext: string | null;
  /** How the job was found: its URL, an id attribute, or its own link (Options → Diagnostics). */
  strategy: Strategy | null;
  companyIdHint: string | null;
  /** What the page's client box (or state) says of the payment method; null where the page does not say. */
  paymentVerified: boolean | null;
  /** Who is looking: signed in or not, and as which kind of account (null when the page does not say). */
  signedIn: boolean | null;
  account: 'agency' | 'freelancer' | 'client' | null;
  /** What the page says about the client; null where it shows no client. */
  client: PageClientSeen | null;
  /** The client's other jobs the page names (open ones, its history, the state's), in page order: ways to find the client. */
  otherJobs: string[];
  /** Which of otherJobs are open: asked about first. */
  openJobs: string[];
  /** Which of Upwork's designs the page is (Options → Diagnostics). */
  design: Design | null;
  /** What the page shows for free: Connects, the client's activity on the job, the bid range. */
  facts: PageFacts | null;
}

export interface LookupTab {
  tabId: number;
  /** Skip the cache (the user pressed Refresh). */
  force: boolean;
  /** Ask UpHunt about more of the client's jobs at once (the user pressed Find the client). */
  findMore?: boolean;
}

export interface TestConnection {
  service: Service;
}

/** A tile's badge, and why the list rules or a block fold the tile away (null: it stays). */
export interface TileView extends Omit<BadgeView, 'word'> {
  /** The badge's word; "✓" added when the user applied to the job. */
  word: string;
  /** The client is known, so it can be hidden as a client (not only this job). */
  clientKnown: boolean;
  hidden: string | null;
}

/** What a tile shows, sent for the background to judge (see utils/lists/rules.ts). */
export interface TileSeenMessage {
  ciphertext: string;
  title: string;
  paymentVerified: boolean | null;
  totalSpent: string | null;
  rating: number | null;
  country: string | null;
  proposals: string | null;
}

export interface ConnectionResult {
  ok: boolean;
  message: string;
}

export interface ProtocolMap {
  /** Content script → background: this tab now shows this page. */
  pageSeen(data: PageRead): void;
  /** UI → background: (re)load the client of this tab. */
  lookupTab(data: LookupTab): void;
  /** UI → background: show the job of a pasted URL for this tab; answers a reason when the URL names no job. */
  lookupUrl(data: { tabId: number; url: string }): string | null;
  /** Options → background: does the service accept the saved key? */
  testConnection(data: TestConnection): ConnectionResult;
  /** UI → background: fetch (and pay for) this job's Mindcase row. */
  enrichJob(data: { ciphertext: string }): void;
  /** UI → background: cancel the run fetching this job. */
  cancelEnrich(data: { ciphertext: string }): void;
  /** UI → background: Mindcase credits left (a free call). */
  mindcaseCredits(): { credits: number | null; problem: Problem | null };
  /** UI → background: refresh the agency's freelancers (5-minute cache unless forced). */
  loadFreelancers(data: { force: boolean }): void;
  /** UI → background: refresh UpHunt's list of applied jobs (for the guard). */
  loadAppliedJobs(): void;
  /** UI → background: UpHunt writes a cover letter. */
  generateProposal(data: { ciphertext: string; profileId: string | null }): { coverLetter: string | null; problem: Problem | null };
  /** UI → background: apply (idempotent per job: a second call returns the first application). */
  submitApplication(data: Draft): Application;
  /** UI → background: take back an application still in its undo moment. */
  undoApplication(data: { id: string }): boolean;
  /** UI → background: ask UpHunt for the status now. */
  checkApplication(data: { id: string }): void;
  /** Content script → background: what tiles show; answers each tile's badge (if badges are on) and why it is folded (if it is). */
  tiles(data: { tiles: TileSeenMessage[]; missing: Partial<Record<TileFact, number>> }): {
    show: boolean;
    views: Record<string, TileView>;
  };
  /** Content script → background: the user hid this job, or its client, from its badge; answers what to undo, and why. */
  block(data: { ciphertext: string; what: 'job' | 'client'; title: string }): { id: string; reason: string; ciphertexts: string[] };
  /** Content script → background: Undo of a block. */
  unblock(data: { id: string }): void;
  /** Content script → background: the user clicked a tile's badge: show that job in the panel. */
  openJob(data: { ciphertext: string }): void;
  /** Background → content script: a listed job's client was looked up; its badge can show the score. */
  tileKnown(data: { ciphertext: string }): void;
  /** Options → background: check this watched search now; answers why it did not, or null. */
  checkWatch(data: { id: string }): string | null;
  /** Background → content script: what does this tab show right now? */
  readPage(): PageRead;
}
