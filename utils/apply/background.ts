/** The background's apply services over real storage, alarms and notifications. The entrypoint only wires them. */
import { browser } from 'wxt/browser';
import type { WakeUps } from '../wake-ups';
import { statusText } from './status';
import { createApplyQueue } from './queue';
import { retryAtOf, toProblem } from '../http';
import type { Problem } from '../problem';
import { createUpHuntClient } from '../uphunt/client';
import { keyProblem } from '../client/lookup';
import { appliedRemote, applications, applySettingsItem, freelancerList, type AppliedRemote, type FreelancersEntry } from './stored';
import { keysItem } from '../keys';
import { createInFlight } from '../cache';
import type { Handlers } from '../messaging/table';

export const APPLY_ALARM = 'apply-poll';
const FREELANCERS_TTL_MS = 5 * 60 * 1000;
const APPLIED_TTL_MS = 60 * 1000;

const uphunt = async () => createUpHuntClient((await keysItem.getValue()).uphunt);

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

/** The agency's freelancers from the 5-minute cache, or from UpHunt when stale or forced. */
export async function loadFreelancers(force: boolean): Promise<FreelancersEntry> {
  const cached = await freelancerList.getValue();
  if (!force && cached?.value && !cached.problem && Date.now() - cached.storedAt < FREELANCERS_TTL_MS) return cached;
  // Within a 429's Retry-After not even Refresh calls: the background asks again when it ends (createFreelancerList).
  if (pausedBy(cached?.problem)) return cached!;
  let entry: FreelancersEntry;
  try {
    entry = { storedAt: Date.now(), value: await (await uphunt()).freelancers(), problem: null };
  } catch (error) {
    // Keep the last good list beside the problem, so a blip does not empty the form.
    entry = { storedAt: cached?.storedAt ?? 0, value: cached?.value ?? null, problem: toProblem(error, 'UpHunt') };
  }
  await freelancerList.setValue(entry);
  return entry;
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
  keysItem.watch(() => void forgetKeyProblems());
  return load;
}

export async function loadAppliedJobs(): Promise<void> {
  const cached = await appliedRemote.getValue();
  if (cached && (Date.now() - cached.storedAt < APPLIED_TTL_MS || pausedBy(cached.problem))) return;
  let entry: AppliedRemote;
  try {
    entry = { storedAt: Date.now(), items: (await (await uphunt()).appliedJobs(100)).items, problem: null };
  } catch (error) {
    // The local log still guards; UpHunt's list only adds applications made elsewhere. A failure is asked
    // again after the usual minute (or the Retry-After), with the last good list kept.
    entry = { storedAt: Date.now(), items: cached?.items ?? [], problem: toProblem(error, 'UpHunt') };
  }
  await appliedRemote.setValue(entry);
}

/**
 * A new key was saved: what the old key caused (a rejected key, an inactive subscription) is forgotten and asked
 * again at once, so no message of the old key stays on screen while every later call succeeds.
 */
export async function forgetKeyProblems(): Promise<void> {
  const freelancers = await freelancerList.getValue();
  if (keyProblem(freelancers?.problem)) await freelancerList.setValue({ ...freelancers!, problem: null, storedAt: 0 });
  const applied = await appliedRemote.getValue();
  if (keyProblem(applied?.problem)) await appliedRemote.setValue({ ...applied!, problem: null, storedAt: 0 });
  if ((await keysItem.getValue()).uphunt) await Promise.all([loadFreelancers(false), loadAppliedJobs()]);
}

export function applyHandlers(
  applications: ReturnType<typeof createBackgroundApplyQueue>,
  freelancers: ReturnType<typeof createFreelancerList>,
): Handlers<'loadFreelancers' | 'loadAppliedJobs' | 'generateProposal' | 'submitApplication' | 'undoApplication' | 'checkApplication'> {
  // Two panels opening together ask the same: one call answers both.
  const once = createInFlight();
  return {
    loadFreelancers: async ({ force }) => void (await once(`freelancers:${force}`, () => freelancers(force))),
    loadAppliedJobs: () => once('applied-jobs', loadAppliedJobs),
    generateProposal: ({ ciphertext, profileId }) => generateProposal(ciphertext, profileId),
    submitApplication: (request) => applications.submit(request),
    undoApplication: ({ id }) => applications.undo(id),
    checkApplication: ({ id }) => applications.checkNow(id),
  };
}

/** Did this problem ask for a pause (429 Retry-After) that has not ended yet? */
function pausedBy(problem: Problem | null | undefined): boolean {
  return (retryAtOf(problem) ?? 0) > Date.now();
}

export async function generateProposal(ciphertext: string, profileId: string | null): Promise<{ coverLetter: string | null; problem: Problem | null }> {
  try {
    return { coverLetter: await (await uphunt()).generateProposal(ciphertext, profileId), problem: null };
  } catch (error) {
    return { coverLetter: null, problem: toProblem(error, 'UpHunt') };
  }
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
