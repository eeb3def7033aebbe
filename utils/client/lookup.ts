/**
 * Finds the client of the job a tab shows and loads its UpHunt history into the cache, writing each step
 * into the tab's state so any panel can show it. Takes everything it touches as parameters.
 */
import { ApiError, retryAtOf, toProblem } from '../http';
import type { Problem } from '../problem';
import { waitMs } from '../timing';
import type { Once, TtlCache } from '../cache';
import type { UpHuntApi } from '../uphunt/api';
import type { ClientJobs } from '../uphunt/schemas';
import type { TabState, TabStatus } from './stored';
import type { PageSeen } from '../upwork/nuxt';
import { JOB_PAGE_KINDS } from '../upwork/page';
import { clientJobsNamed } from './page-client';
import { pageOfState } from './tab-pages';

export const CLIENT_JOBS_TTL_MS = 6 * 60 * 60 * 1000;
/** A look-up still under way this long after its last step outlived any request's timeout: its worker died. */
export const lookupStuckMs = () => waitMs('request') + 5_000;
/**
 * At most this many `by-ciphertext` calls per job viewed: this job, then the client's other jobs the page
 * names (askingOrder). Every answer is kept, so a client's next job usually costs none, and a client not found
 * is tried further down its list on the next view of any of its jobs.
 */
export const ARCHIVE_CALLS_PER_VIEW = 3;
/** Find the client (a click in the panel) asks about this many more of the client's jobs at once. */
export const ARCHIVE_CALLS_PER_CLICK = 10;
/** A job UpHunt had not archived is asked about again after this long (or at once on Retry). */
export const NOT_ARCHIVED_TTL_MS = 60 * 60 * 1000;

export interface LookupDeps {
  uphunt: () => Promise<Pick<UpHuntApi, 'clientJobs' | 'companyIdForCiphertext'>>;
  readTab: (tabId: number) => Promise<TabState | null>;
  writeTab: (tabId: number, state: TabState) => Promise<void>;
  companyOf: { get(ciphertext: string): Promise<string | null>; set(ciphertext: string, companyId: string): Promise<void> };
  /** When UpHunt last said it had not archived a job (a 404 is an answer too: it is not asked again at once). */
  notArchived: { get(ciphertext: string): Promise<number | null>; set(ciphertext: string, at: number): Promise<void> };
  clientJobs: TtlCache<ClientJobs>;
  /** De-duplicates by-ciphertext calls in flight, as the cache does for client-jobs. */
  once: Once;
  now: () => number;
  newId: () => string;
}

export async function lookupPage(
  deps: LookupDeps,
  tabId: number,
  page: PageSeen,
  options: { force?: boolean; pasted?: boolean; calls?: number } = {},
): Promise<TabState> {
  const lookupId = deps.newId();
  const base = {
    url: page.url,
    kind: page.kind,
    ciphertext: page.ciphertext,
    paymentVerified: page.paymentVerified,
    signedIn: page.signedIn,
    account: page.account,
    strategy: page.strategy,
    client: page.client,
    otherJobs: page.otherJobs,
    openJobs: page.openJobs,
    design: page.design,
    facts: page.facts,
    pasted: options.pasted ?? false,
    lookupId,
  };
  let current: TabState = { ...base, companyId: null, status: 'resolving', problem: null, asked: null, updatedAt: deps.now() };

  // Each step writes only while this lookup is still the tab's newest: a page left behind stays left behind.
  const write = async (status: TabStatus, patch: Partial<TabState> = {}): Promise<boolean> => {
    const stored = await deps.readTab(tabId);
    if (stored?.lookupId !== lookupId) return false;
    current = { ...current, ...patch, status, updatedAt: deps.now() };
    await deps.writeTab(tabId, current);
    return true;
  };

  if (!page.ciphertext) {
    const unreadable = JOB_PAGE_KINDS.has(page.kind);
    current = { ...current, status: unreadable ? 'unreadable' : 'no-job' };
    await deps.writeTab(tabId, current);
    return current;
  }
  await deps.writeTab(tabId, current);

  try {
    const ciphertext = page.ciphertext;
    const jobs = askingOrder(ciphertext, clientJobsNamed(page), page.openJobs);
    const found = page.companyIdHint
      ? { companyId: page.companyIdHint, asked: null }
      : await findClient(deps, jobs, { force: options.force ?? false, calls: options.calls ?? ARCHIVE_CALLS_PER_VIEW });
    const companyId = found.companyId;
    if (!companyId) {
      await write('unknown-job', { asked: found.asked });
      return current;
    }
    const id = companyId;
    if (page.companyIdHint) await deps.companyOf.set(ciphertext, id);

    const cached = options.force ? null : await deps.clientJobs.peek(id);
    if (cached && deps.clientJobs.isFresh(cached)) {
      await write('ready', { companyId: id });
      return current;
    }
    if (!(await write('loading', { companyId: id }))) return current;
    const loaded = await deps.clientJobs
      .load(id, async () => (await deps.uphunt()).clientJobs(id), { force: options.force ?? false })
      .then(() => true)
      .catch(notFoundAs(false));
    await write(loaded ? 'ready' : 'no-history', { companyId: id });
  } catch (error) {
    await write('error', { problem: toProblem(error, 'UpHunt') });
  }
  return current;
}

/**
 * Look-ups a dead worker left half-way ('resolving' or 'loading' in a tab's state): only one worker lives at a
 * time, so a new one finds them orphaned and runs them again, rather than leave a panel spinning.
 */
export function resumeLookups(deps: LookupDeps, tabs: Array<{ tabId: number; state: TabState }>): Promise<void> {
  return lookAgain(
    deps,
    tabs.filter(({ state }) => state.status === 'resolving' || state.status === 'loading'),
  );
}

/**
 * When a tab's look-up needs the background again, whether or not a panel is open: when a 429's Retry-After
 * ends, or when a step outlived every request's timeout (its worker died). Null: it needs nothing.
 */
export function followUpAt(state: TabState): number | null {
  if (state.status === 'error') return retryAtOf(state.problem);
  if (state.status === 'resolving' || state.status === 'loading') return state.updatedAt + lookupStuckMs();
  return null;
}

/** Looks up again the tabs whose follow-up (followUpAt) is due. */
export function followUpLookups(deps: LookupDeps, tabs: Array<{ tabId: number; state: TabState }>): Promise<void> {
  const now = deps.now();
  return lookAgain(
    deps,
    tabs.filter(({ state }) => (followUpAt(state) ?? Infinity) <= now),
  );
}

/** After a new key is saved: the tabs whose look-up that key's predecessor failed are looked up again. */
export function retryKeyProblems(deps: LookupDeps, tabs: Array<{ tabId: number; state: TabState }>): Promise<void> {
  return lookAgain(
    deps,
    tabs.filter(({ state }) => state.status === 'error' && keyProblem(state.problem)),
  );
}

async function lookAgain(deps: LookupDeps, tabs: Array<{ tabId: number; state: TabState }>): Promise<void> {
  await Promise.all(
    tabs.map(async ({ tabId, state }) => {
      // Unless the tab started a newer one meanwhile: lookupPage issues its first write before any await of its own.
      if ((await deps.readTab(tabId))?.lookupId !== state.lookupId) return;
      await lookupPage(deps, tabId, pageOfState(state), { pasted: state.pasted });
    }),
  );
}

/**
 * The order in which to ask UpHunt about a client's jobs, most likely archived first: this job, then the client's
 * open jobs, then the rest newest first. UpHunt archives jobs it saw posted, and a `~02` id's number grows with
 * time; legacy `~01` ids (before late 2024) are the oldest, last, in page order (which lists newest first).
 */
export function askingOrder(ciphertext: string, named: string[], open: string[]): string[] {
  const openSet = new Set(open);
  const newestFirst = (list: string[]) =>
    list
      .map((job, index) => ({ job, index, id: job.startsWith('~02') ? job.slice(3) : null }))
      .sort((a, b) => {
        if (a.id !== null && b.id !== null) return b.id.length - a.id.length || (b.id > a.id ? 1 : b.id < a.id ? -1 : 0) || a.index - b.index;
        return a.id !== null ? -1 : b.id !== null ? 1 : a.index - b.index;
      })
      .map(({ job }) => job);
  const others = [...new Set(named)].filter((job) => job !== ciphertext);
  return [ciphertext, ...newestFirst(others.filter((job) => openSet.has(job))), ...newestFirst(others.filter((job) => !openSet.has(job)))];
}

/**
 * The client's companyId through any of its jobs UpHunt archived (`jobs` in askingOrder): what is already known
 * of any of them first (no call), then each job not asked about within the hour, at most `calls` of them. Once
 * found, every job the page names as the client's is remembered as theirs. When not found, how many of the jobs
 * UpHunt has now been asked about within the hour, of how many.
 */
async function findClient(
  deps: LookupDeps,
  jobs: string[],
  options: { force: boolean; calls: number },
): Promise<{ companyId: string | null; asked: { asked: number; of: number } | null }> {
  // This job's client already known: nothing to ask, nothing new to remember.
  const own = await deps.companyOf.get(jobs[0]!);
  if (own) return { companyId: own, asked: null };
  let companyId: string | null = null;
  for (const job of jobs.slice(1)) if (!companyId) companyId = await deps.companyOf.get(job);
  const askedRecently = async (job: string) => {
    const at = await deps.notArchived.get(job);
    return at !== null && deps.now() - at < NOT_ARCHIVED_TTL_MS;
  };
  let calls = 0;
  for (const job of jobs) {
    if (companyId || calls >= options.calls) break;
    if (!options.force && (await askedRecently(job))) continue;
    calls += 1;
    companyId = await deps.once(`company-of:${job}`, async () => (await deps.uphunt()).companyIdForCiphertext(job).catch(notFoundAs(null)));
    if (!companyId) await deps.notArchived.set(job, deps.now());
  }
  if (companyId) {
    const id = companyId;
    await Promise.all(jobs.map((job) => deps.companyOf.set(job, id)));
    return { companyId, asked: null };
  }
  const asked = (await Promise.all(jobs.map(askedRecently))).filter(Boolean).length;
  return { companyId: null, asked: { asked, of: jobs.length } };
}

/** Problems a new key can cure. */
export function keyProblem(problem: Problem | null | undefined): boolean {
  return !!problem && ['missing_key', 'retired_key', 'unauthorized', 'forbidden'].includes(problem.kind);
}

export function notFoundAs<T>(value: T) {
  return (error: unknown): T => {
    if (error instanceof ApiError && error.problem.kind === 'not_found') return value;
    throw error;
  };
}
