/** The client look-up's background part: its storage-backed deps, its follow-ups, and the look-ups of listed jobs. */
import { browser } from 'wxt/browser';
import type { WakeUps } from '../wake-ups';
import { NAIVE } from '../bench';
import { createOnce, createTtlCache, type CacheEntry } from '../cache';
import type { ClientJobs } from '../uphunt/schemas';
import { knownClient, type KnownClient } from '../lists/tiles-answer';
import { defaultHttpDeps } from '../http';
import { ARCHIVE_CALLS_PER_CLICK, CLIENT_JOBS_TTL_MS, followUpAt, followUpLookups, lookupPage, retryKeyProblems, type LookupDeps } from './lookup';
import { pageOfUrl } from './tab-pages';
import { createUpHuntApi } from '../uphunt/api';
import { clientJobsEntries, companyOf, notArchived, tabStates, type TabState } from './stored';
import { keysItem } from '../keys';
import type { Handlers } from '../messaging/table';
import { sendToTab } from '../messaging/transport';
import { openPanelFor } from '../panel';
import { digestPage, type PageSeen } from '../upwork/nuxt';
import { isUpworkUrl, jobUrl, parseUpworkUrl } from '../upwork/page';
import { PageReadSchema } from '../upwork/schemas';

/** Told each client history the cache stores (what an application brought follows from it: apply/tracking.ts). */
export type HistoryListener = (companyId: string, history: ClientJobs) => Promise<void>;

export function createLookupDeps(onHistory?: HistoryListener): LookupDeps {
  const entries = {
    get: clientJobsEntries.get,
    set: async (id: string, entry: CacheEntry<ClientJobs>) => {
      await clientJobsEntries.set(id, entry);
      await onHistory?.(id, entry.value).catch(() => undefined);
    },
  };
  return {
    uphunt: async () => createUpHuntApi((await keysItem.getValue()).uphunt, defaultHttpDeps),
    readTab: tabStates.get,
    writeTab: tabStates.set,
    companyOf: { get: async (ciphertext) => (NAIVE ? null : companyOf.get(ciphertext)), set: companyOf.set },
    notArchived,
    clientJobs: createTtlCache({ entries, ttlMs: CLIENT_JOBS_TTL_MS, now: () => Date.now() }),
    once: createOnce(),
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
  };
}

/**
 * The look-ups' background part: the storage-backed deps with their follow-ups (withFollowUps); a closed tab's
 * state is dropped; a key fixed in Options looks up again the tabs its predecessor failed.
 */
export function createBackgroundLookups(wake: WakeUps, onHistory?: HistoryListener): LookupDeps {
  const lookups = withFollowUps(createLookupDeps(onHistory), wake);
  browser.tabs.onRemoved.addListener((tabId) => void tabStates.remove(tabId));
  keysItem.onChange(() => void storedTabStates().then((tabs) => retryKeyProblems(lookups, tabs)));
  return lookups;
}

export const LOOKUPS_WAKE = 'lookups';

/**
 * The look-ups with their follow-ups scheduled by the background (see followUpAt): a state written that will
 * need it again moves the wake-up to the earliest such moment of any tab, by a timer and by an alarm should the
 * worker die first.
 */
export function withFollowUps(lookups: LookupDeps, wake: WakeUps): LookupDeps {
  const schedule = async () => {
    const due = (await storedTabStates()).map(({ state }) => followUpAt(state)).filter((at): at is number => at !== null);
    const at = due.length > 0 ? Math.min(...due) : null;
    wake.timer(LOOKUPS_WAKE, at);
    await wake.alarm(LOOKUPS_WAKE, at);
  };
  const followed: LookupDeps = {
    ...lookups,
    writeTab: async (tabId, state) => {
      await lookups.writeTab(tabId, state);
      if (followUpAt(state) !== null) await schedule();
    },
  };
  // The timer and the alarm firing together share one pass, which ends by scheduling from the states it left.
  const once = createOnce();
  wake.on(LOOKUPS_WAKE, () => {
    void once(LOOKUPS_WAKE, async () => followUpLookups(followed, await storedTabStates()).then(schedule)).catch(() => undefined);
  });
  return followed;
}

/** A page's look-up is under way in some tab (background work that can wait lets it go first). */
export async function pagesLookingUp(): Promise<boolean> {
  return (await storedTabStates()).some(({ state }) => state.status === 'resolving' || state.status === 'loading');
}

/** Every tab's stored state, for a worker that starts again (see resumeLookups). */
export async function storedTabStates(): Promise<Array<{ tabId: number; state: TabState }>> {
  return (await tabStates.all()).flatMap(({ id, value }) => (/^\d+$/.test(id) ? [{ tabId: Number(id), state: value }] : []));
}

/** A job's client through UpHunt (by-ciphertext, then the client's history), through the shared cache. */
export async function lookUpClient(deps: LookupDeps, ciphertext: string): Promise<KnownClient | null> {
  let companyId = await deps.companyOf.get(ciphertext);
  if (!companyId) {
    companyId = await deps.once(`company-of:${ciphertext}`, async () => (await deps.uphunt()).companyIdForCiphertext(ciphertext));
    if (companyId) await deps.companyOf.set(ciphertext, companyId);
  }
  if (!companyId) return null;
  const id = companyId;
  await deps.clientJobs.load(id, async () => (await deps.uphunt()).clientJobs(id));
  return knownClient(ciphertext, deps);
}

/**
 * Looks up the clients of listed jobs, two at a time, through the same cache and de-duplication as opened
 * jobs. Only when the user turned on "look up clients of listed jobs".
 */
export function createListedLookups(deps: LookupDeps, tell: (tabId: number, ciphertext: string) => Promise<void>) {
  const queue: Array<{ tabId: number; ciphertext: string }> = [];
  const queued = new Set<string>();
  let running = 0;
  const next = async (): Promise<void> => {
    const job = queue.shift();
    if (!job) return;
    running += 1;
    try {
      if (await lookUpClient(deps, job.ciphertext)) await tell(job.tabId, job.ciphertext);
    } catch {
      // A listed job UpHunt does not know, or a failed call, leaves its badge as the page made it.
    } finally {
      running -= 1;
      queued.delete(job.ciphertext);
      void next();
    }
  };
  return (tabId: number, ciphertexts: string[]) => {
    for (const ciphertext of ciphertexts) {
      if (queued.has(ciphertext)) continue;
      queued.add(ciphertext);
      queue.push({ tabId, ciphertext });
    }
    while (running < 2 && queue.length) void next();
  };
}

/** Asks the tab's content script what it shows; falls back to the URL when no script answers (e.g. a tab opened before install). */
export async function readTabPage(tabId: number): Promise<PageSeen | null> {
  const fromScript = await sendToTab(tabId, 'readPage', undefined).catch(() => null);
  const checked = PageReadSchema.safeParse(fromScript);
  if (checked.success) return digestPage(checked.data);
  const tab = await browser.tabs.get(tabId).catch(() => null);
  if (!tab?.url || !isUpworkUrl(tab.url)) return null;
  const { kind, ciphertext } = parseUpworkUrl(tab.url);
  return pageOfUrl(tab.url, kind, ciphertext);
}

/**
 * The messages that find a tab's client. A page seen is digested here, then told to the features that follow
 * pages (Diagnostics counts it, the lists mark it seen, enrichment may buy its row) after its look-up started:
 * the panel waits on the look-up, nothing waits on them.
 */
export function clientHandlers(
  lookups: LookupDeps,
  followers: Array<(page: PageSeen) => unknown>,
): Handlers<'pageSeen' | 'openJob' | 'lookupTab' | 'lookupUrl'> {
  const lookUpPasted = (tabId: number, ciphertext: string) => lookupPage(lookups, tabId, pageOfUrl(jobUrl(ciphertext), 'job', ciphertext), { pasted: true });
  return {
    pageSeen: async (read, { tabId }) => {
      const page = digestPage(read);
      const lookup = lookupPage(lookups, tabId!, page);
      for (const follow of followers) void follow(page);
      await lookup;
    },
    openJob: async ({ ciphertext }, { tabId, windowId }) => {
      const opened = openPanelFor(tabId!, windowId);
      await lookUpPasted(tabId!, ciphertext);
      await opened;
    },
    lookupTab: async ({ tabId, force, findMore }) => {
      const page = await readTabPage(tabId);
      if (page) await lookupPage(lookups, tabId, page, { force, calls: findMore ? ARCHIVE_CALLS_PER_CLICK : undefined });
    },
    lookupUrl: async ({ tabId, url }) => {
      const { ciphertext } = parseUpworkUrl(url.trim());
      if (!ciphertext) return 'That is not the URL of an Upwork job (it should contain ~02… or ~01…).';
      await lookUpPasted(tabId, ciphertext);
      return null;
    },
  };
}
