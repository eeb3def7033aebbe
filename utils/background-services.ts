/** Builds the background's services from the real browser storage. Kept out of the entrypoint so it only wires. */
import { storage } from 'wxt/utils/storage';
import { browser } from 'wxt/browser';
import type { WakeUps } from './wake-ups';
import { NAIVE } from './bench';
import { createInFlight, createTtlCache } from './cache';
import { createEnricher, EMPTY_ENRICHMENT, type EnrichDeps } from './enrich';
import { knownClient, type KnownClient } from './lists/tiles-answer';
import { ApiError, defaultHttpDeps, toProblem, type Problem, type Service } from './http';
import { CLIENT_JOBS_TTL_MS, followUpAt, followUpLookups, retryKeyProblems, type LookupDeps } from './lookup';
import { createMindcaseClient } from './mindcase/client';
import { createUpHuntClient } from './uphunt/client';
import { ClientJobsSchema } from './uphunt/schemas';
import {
  clientJobsEntries,
  companyOf,
  notArchived,
  DiagnosticsSchema,
  diagnosticsKey,
  DroppedMessagesSchema,
  droppedMessagesKey,
  EnrichmentStateSchema,
  enrichmentKey,
  enrichSettingsItem,
  keysItem,
  mindcaseRows,
  readChecked,
  updateStored,
  TabStateSchema,
  tabStates,
  type TabState,
  uphuntPausedUntilItem,
  backgroundErrorsKey,
  recordIncident,
} from './storage';
import type { ConnectionResult, PageSeen } from './messaging';
import { problemText } from './problem-text';
import { rateLimitNote, recordActivity, redactedPath } from './activity';
import { recordPage, recordTiles } from './diagnostics';
import { JOB_PAGE_KINDS, type PageKind } from './upwork/page';

type StorageKey = `local:${string}` | `session:${string}`;

export function createLookupDeps(): LookupDeps {
  return {
    uphunt: async () => createUpHuntClient((await keysItem.getValue()).uphunt, defaultHttpDeps),
    readTab: tabStates.get,
    writeTab: tabStates.set,
    companyOf: { get: async (ciphertext) => (NAIVE ? null : companyOf.get(ciphertext)), set: companyOf.set },
    notArchived,
    clientJobs: createTtlCache({
      store: {
        get: (key) => storage.getItem<unknown>(key as StorageKey),
        set: (key, value) => storage.setItem(key as StorageKey, value),
      },
      keyOf: clientJobsEntries.key,
      schema: ClientJobsSchema,
      ttlMs: CLIENT_JOBS_TTL_MS,
      now: () => Date.now(),
    }),
    pausedUntil: { get: () => uphuntPausedUntilItem.getValue(), set: (until) => uphuntPausedUntilItem.setValue(until) },
    shared: createInFlight(),
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
  };
}

/**
 * The look-ups' background part: the storage-backed deps with their follow-ups (withFollowUps); a closed tab's
 * state is dropped; a key fixed in Options looks up again the tabs its predecessor failed.
 */
export function createBackgroundLookups(wake: WakeUps): LookupDeps {
  const lookups = withFollowUps(createLookupDeps(), wake);
  browser.tabs.onRemoved.addListener((tabId) => void tabStates.remove(tabId));
  keysItem.watch(() => void storedTabStates().then((tabs) => retryKeyProblems(lookups, tabs)));
  return lookups;
}

/** Every request the extension sends goes into Options → Activity (without keys or query values), and every error nothing caught is counted. */
export function recordRequestsAndErrors(scope: Pick<typeof globalThis, 'addEventListener'>): void {
  defaultHttpDeps.record = ({ url, rateLimit, ...entry }) => void recordActivity({ ...entry, path: redactedPath(url), note: rateLimitNote(rateLimit) });
  // Logged and counted (Options → Diagnostics), so that it is seen, not lost.
  const uncaught = (reason: unknown) => {
    const message = reason instanceof Error ? reason.message : String(reason);
    console.error('Unexpected error in the background:', message);
    void recordIncident(backgroundErrorsKey, message.slice(0, 200));
  };
  scope.addEventListener('unhandledrejection', (event) => uncaught((event as PromiseRejectionEvent).reason));
  scope.addEventListener('error', (event) => uncaught((event as ErrorEvent).error ?? (event as ErrorEvent).message));
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
  const once = createInFlight();
  wake.on(LOOKUPS_WAKE, () => {
    void once(LOOKUPS_WAKE, async () => followUpLookups(followed, await storedTabStates()).then(schedule)).catch(() => undefined);
  });
  return followed;
}

/** Every tab's stored state, for a worker that starts again (see resumeLookups). */
export async function storedTabStates(): Promise<Array<{ tabId: number; state: TabState }>> {
  const all = await browser.storage.session.get(null);
  return Object.entries(all).flatMap(([key, value]) => {
    const tabId = /^tab:(\d+)$/.exec(key)?.[1];
    const state = TabStateSchema.safeParse(value);
    return tabId && state.success ? [{ tabId: Number(tabId), state: state.data }] : [];
  });
}

/** Asks the service something free that needs a valid key, and says in words what came back. */
export async function testConnection(service: Service): Promise<ConnectionResult> {
  const keys = await keysItem.getValue();
  try {
    if (service === 'UpHunt') {
      const freelancers = await createUpHuntClient(keys.uphunt)
        .freelancers()
        .then((answer) => answer.freelancers.length)
        .catch((error: unknown) => {
          // Any 2xx means the key works, whatever the list looks like (its shape is not published).
          if (error instanceof ApiError && error.problem.kind === 'malformed' && error.problem.status !== null) return null;
          throw error;
        });
      const count =
        freelancers === null
          ? 'its list of freelancers came in a shape this extension does not know'
          : `${freelancers} freelancer${freelancers === 1 ? '' : 's'} in your agency`;
      return { ok: true, message: `UpHunt accepted the key (${count}).` };
    }
    const credits = await createMindcaseClient(keys.mindcase).credits();
    return { ok: true, message: `Mindcase accepted the key (${credits.toLocaleString('en-US')} credits left).` };
  } catch (error) {
    const problem: Problem = toProblem(error, service);
    const text = problemText(problem, Date.now());
    return { ok: false, message: `${text.title}. ${text.body}` };
  }
}

/** Counts a message the background refused; Options shows the count under diagnostics. */
export function recordDroppedMessage(type: string, reason: 'sender' | 'shape'): Promise<void> {
  return updateStored(droppedMessagesKey, DroppedMessagesSchema, (seen) => ({
    count: (seen?.count ?? 0) + 1,
    lastAt: Date.now(),
    lastType: type,
    lastReason: reason,
  }));
}

/** Counts a page seen, by how its job was found; a page that should show a job but gave none is a failure. */
export function recordPageRead(page: PageSeen): Promise<void> {
  const failed = !page.ciphertext && JOB_PAGE_KINDS.has(page.kind);
  return updateStored(diagnosticsKey, DiagnosticsSchema, (d) =>
    recordPage(d, page.kind, page.strategy, failed ? new URL(page.url).pathname : null, Date.now()),
  );
}

/** Counts tiles read on a list page and the facts they lacked. */
export function recordTileFacts(kind: PageKind, tiles: number, missing: Record<string, number>): Promise<void> {
  return updateStored(diagnosticsKey, DiagnosticsSchema, (d) => recordTiles(d, kind, tiles, missing, Date.now()));
}

export const MINDCASE_ALARM = 'mindcase-poll';

export function createBackgroundEnricher(hooks: Pick<EnrichDeps, 'searched' | 'searchFailed'>, wake: WakeUps) {
  const enricher = createEnricher({
    ...hooks,
    mindcase: async () => createMindcaseClient((await keysItem.getValue()).mindcase),
    readState: async () => (await readChecked(enrichmentKey, EnrichmentStateSchema)) ?? structuredClone(EMPTY_ENRICHMENT),
    writeState: (state) => storage.setItem(enrichmentKey, state),
    rows: mindcaseRows,
    settings: () => enrichSettingsItem.getValue(),
    now: () => Date.now(),
    schedule: (fn, ms) => void setTimeout(fn, ms),
    // Chrome stops an idle worker after 30 s; the alarm wakes it to poll a run that is still going.
    keepPolling: (on) => wake.repeat(MINDCASE_ALARM, on),
    note: (text) =>
      void recordActivity({
        at: Date.now(),
        service: 'Mindcase',
        method: 'CHECK',
        path: 'run results',
        status: null,
        outcome: 'flagged',
        cost: null,
        note: text,
      }),
  });
  wake.on(MINDCASE_ALARM, () => void enricher.resume());
  return enricher;
}

export async function mindcaseCredits(): Promise<{ credits: number | null; problem: Problem | null }> {
  try {
    return { credits: await createMindcaseClient((await keysItem.getValue()).mindcase).credits(), problem: null };
  } catch (error) {
    return { credits: null, problem: toProblem(error, 'Mindcase') };
  }
}

/** A job's client through UpHunt (by-ciphertext, then the client's history), through the shared cache. */
export async function lookUpClient(deps: LookupDeps, ciphertext: string): Promise<KnownClient | null> {
  let companyId = await deps.companyOf.get(ciphertext);
  if (!companyId) {
    companyId = await deps.shared(`company-of:${ciphertext}`, async () => (await deps.uphunt()).companyIdForCiphertext(ciphertext));
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
