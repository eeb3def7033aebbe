/** The background's apply services over real storage, alarms and notifications. The entrypoint only wires them. */
import { browser } from 'wxt/browser';
import type { WakeUps } from '../wake-ups';
import { statusText } from './status';
import { createApplyQueue } from './queue';
import { retryAtOf, toProblem } from '../http';
import type { Problem } from '../problem';
import { createUpHuntApi } from '../uphunt/api';
import { keyProblem } from '../client/lookup';
import {
  appliedRemote,
  applications,
  applyPageConnects,
  applySettingsItem,
  freelancerList,
  outcomeLookups,
  outcomesItem,
  type FreelancersEntry,
} from './stored';
import type { PageSeen } from '../upwork/nuxt';
import type { LookupDeps } from '../client/lookup';
import { applicationsLog } from './log';
import { recordHistory, track, type TrackDeps } from './tracking';
import type { ClientJobs } from '../uphunt/schemas';
import { keysItem } from '../keys';
import { createOnce, createTtlCache, type CacheEntry } from '../cache';
import type { AppliedJob } from '../uphunt/apply-schemas';
import type { Freelancers } from '../uphunt/schemas';
import type { Handlers } from '../messaging/table';

export const APPLY_ALARM = 'apply-poll';

const uphunt = async () => createUpHuntApi((await keysItem.getValue()).uphunt);

export function createBackgroundApplyQueue(panelOpen: () => Promise<boolean>, wake: WakeUps) {
  const queue = createApplyQueue({
    uphunt,
    read: async () => (await applications.getValue()) ?? [],
    write: (apps) => applications.setValue(apps),
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
    wakeAt: (time) => wake.timer(APPLY_ALARM, time),
    // The timer dies with the worker; the alarm brings a new one back while a send or a check is due.
    keepAwake: (on) => wake.repeat(APPLY_ALARM, on),
    notify: async (app) => {
      if (await panelOpen()) return;
      const text = statusText(app);
      await browser.notifications.create(`application-${app.id}`, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: `${text.title}: ${app.jobTitle ?? 'your application'}`,
        message: text.next,
      });
    },
    undoMs: async () => (await applySettingsItem.getValue()).undoSeconds * 1000,
  });
  wake.on(APPLY_ALARM, () => void queue.tick());
  return queue;
}

/** One stored value as the cache's entries (it has one id). */
const single = <T>(item: { getValue(): Promise<CacheEntry<T> | null>; setValue(entry: CacheEntry<T>): Promise<void> }) => ({
  get: () => item.getValue(),
  set: (_id: string, entry: CacheEntry<T>) => item.setValue(entry),
});
const keepUpHuntProblems = <T>(empty: T) => ({ problemOf: (error: unknown) => toProblem(error, 'UpHunt'), empty });

/** The agency's freelancers: 5 minutes fresh; a failure is kept beside the last good list, so a blip does not empty the form. */
export const freelancersCache = createTtlCache<Freelancers | null>({
  entries: single(freelancerList),
  ttlMs: 5 * 60 * 1000,
  now: () => Date.now(),
  keepProblems: keepUpHuntProblems(null),
});

/**
 * UpHunt's list of applied jobs: a minute fresh. The local log still guards; UpHunt's list only adds applications
 * made elsewhere, so a failure keeps the last good list and is asked again after the minute (or the Retry-After).
 */
export const appliedJobsCache = createTtlCache<AppliedJob[]>({
  entries: single(appliedRemote),
  ttlMs: 60 * 1000,
  now: () => Date.now(),
  keepProblems: keepUpHuntProblems([]),
});

/** The agency's freelancers, from the cache unless stale or forced (within a Retry-After, not even then: limiter.ts). */
export async function loadFreelancers(force: boolean): Promise<FreelancersEntry> {
  return (await freelancersCache.load('freelancers', async () => (await uphunt()).freelancers(), { force })).entry;
}

export const FREELANCERS_WAKE = 'freelancers';

/** The agency's freelancers (loadFreelancers), asked again by the background itself when a 429's Retry-After ends. */
export function createFreelancerList(wake: WakeUps) {
  const load = async (force: boolean) => {
    const entry = await loadFreelancers(force);
    wake.timer(FREELANCERS_WAKE, retryAtOf(entry.problem));
    return entry;
  };
  wake.on(FREELANCERS_WAKE, () => void load(false));
  // A key fixed in Options clears every message the old one caused, and asks again.
  keysItem.onChange(() => void forgetKeyProblems());
  return load;
}

export async function loadAppliedJobs(): Promise<void> {
  await appliedJobsCache.load('applied-jobs', async () => (await (await uphunt()).appliedJobs(100)).items);
}

/**
 * A new key was saved: what the old key caused (a rejected key, an inactive subscription) is forgotten and asked
 * again at once, so no message of the old key stays on screen while every later call succeeds.
 */
export async function forgetKeyProblems(): Promise<void> {
  if (keyProblem((await freelancerList.getValue())?.problem)) await freelancersCache.expire('freelancers');
  if (keyProblem((await appliedRemote.getValue())?.problem)) await appliedJobsCache.expire('applied-jobs');
  if ((await keysItem.getValue()).uphunt) await Promise.all([loadFreelancers(false), loadAppliedJobs()]);
}

export function applyHandlers(
  applications: ReturnType<typeof createBackgroundApplyQueue>,
  freelancers: ReturnType<typeof createFreelancerList>,
): Handlers<'loadFreelancers' | 'loadAppliedJobs' | 'generateProposal' | 'submitApplication' | 'undoApplication' | 'checkApplication'> {
  // Two panels opening together ask the same: one call answers both.
  const once = createOnce();
  return {
    loadFreelancers: async ({ force }) => void (await once(`freelancers:${force}`, () => freelancers(force))),
    loadAppliedJobs: () => once('applied-jobs', loadAppliedJobs),
    generateProposal: ({ ciphertext, profileId }) => generateProposal(ciphertext, profileId),
    submitApplication: (request) => applications.submit(request),
    undoApplication: ({ id }) => applications.undo(id),
    checkApplication: ({ id }) => applications.checkNow(id),
  };
}

export async function generateProposal(ciphertext: string, profileId: string | null): Promise<{ coverLetter: string | null; problem: Problem | null }> {
  try {
    return { coverLetter: await (await uphunt()).generateProposal(ciphertext, profileId), problem: null };
  } catch (error) {
    return { coverLetter: null, problem: toProblem(error, 'UpHunt') };
  }
}

/**
 * Follows the pages the user applies on by hand: the Connects each job's apply page asks for, then the proposal
 * page confirming it was sent, which records the application (with those Connects) so its outcome is followed.
 * It only reads pages; it never acts in the user's Upwork session.
 */
export function followHandSent(queue: ReturnType<typeof createBackgroundApplyQueue>) {
  return async (page: PageSeen) => {
    const ciphertext = page.ciphertext;
    if (!ciphertext) return;
    const required = page.facts?.connects.required ?? null;
    if (page.kind === 'apply' && required !== null) await applyPageConnects.set(ciphertext, required);
    if (page.proposalSent)
      await queue.recordSentOnUpwork({ ciphertext, connects: required ?? (await applyPageConnects.get(ciphertext)), companyId: page.companyIdHint });
  };
}

export const OUTCOMES_WAKE = 'outcomes';

/**
 * What each application brought (tracking.ts), over the look-ups' cache and UpHunt: a pass when the worker starts,
 * when an application is applied or UpHunt lists a new one, and when the last pass said; every history the cache
 * stores is recorded at once (`recordHistory`, handed to the look-ups).
 */
export function createOutcomeTracker(lookups: LookupDeps, wake: WakeUps, pagesBusy: () => Promise<boolean>) {
  const deps: TrackDeps = {
    now: () => Date.now(),
    entries: async () => applicationsLog((await applications.getValue()) ?? [], (await appliedRemote.getValue())?.value ?? []),
    outcomes: outcomesItem,
    lookups: outcomeLookups,
    companyOf: lookups.companyOf,
    clientJobs: lookups.clientJobs,
    uphunt: lookups.uphunt,
    agency: async () => ((await freelancerList.getValue())?.value?.freelancers ?? []).map((f) => f.name),
    pagesBusy,
  };
  const once = createOnce();
  const run = () =>
    once(OUTCOMES_WAKE, async () => {
      const at = await track(deps);
      wake.timer(OUTCOMES_WAKE, at);
      await wake.alarm(OUTCOMES_WAKE, at);
    }).catch(() => undefined);
  wake.on(OUTCOMES_WAKE, () => void run());
  // A new application applied (here or elsewhere) starts being followed at once. Applications change at every
  // step of a send: the pass runs only when the number applied changed, counted from the value that changed.
  let applied = { here: -1, uphunt: -1 };
  const onApplied = (source: keyof typeof applied, count: number) => {
    if (count !== applied[source]) void run();
    applied = { ...applied, [source]: count };
  };
  applications.onChange((apps) => onApplied('here', (apps ?? []).filter((app) => app.status === 'applied').length));
  appliedRemote.onChange((remote) => onApplied('uphunt', (remote?.value ?? []).filter((item) => item.applicationStatus === 'applied').length));
  return { run, recordHistory: (companyId: string, history: ClientJobs) => recordHistory(deps, companyId, history) };
}

interface ChromeRuntimeContexts {
  getContexts?: (filter: { contextTypes: string[] }) => Promise<Array<{ documentUrl?: string }>>;
}

/** Is a side panel (or a panel popped out into a tab) open to show the outcome itself? */
export async function panelOpen(): Promise<boolean> {
  const runtime = browser.runtime as unknown as ChromeRuntimeContexts;
  if (runtime.getContexts) {
    const contexts = await runtime.getContexts({ contextTypes: ['SIDE_PANEL', 'TAB', 'POPUP'] });
    return contexts.some((c) => /\/(sidepanel|popup)\.html/.test(c.documentUrl ?? ''));
  }
  const extension = browser.extension as unknown as { getViews?: () => Window[] };
  return (extension.getViews?.() ?? []).some((view) => /\/(sidepanel|popup)\.html/.test(view.location.pathname));
}
