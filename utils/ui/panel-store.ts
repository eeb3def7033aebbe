/** UI state shared by the side panel and the popup. */
/** The panel's view of one tab, fed by storage watches. The panel writes nothing here but what it reads. */
import { browser } from 'wxt/browser';
import { useMemo } from 'react';
import { create } from 'zustand';
import type { CacheEntry } from '@/utils/cache';
import { sendMessage } from '@/utils/messaging/transport';
import type { JobRow } from '@/utils/mindcase/schemas';
import type { Application, Outcome } from '@/utils/apply/stored';
import type { Problem } from '@/utils/problem';
import type { RemoteItem } from '@/utils/apply/log';
import type { ApplyRequest } from '@/utils/apply/request';
import {
  appliedRemote,
  outcomesItem,
  applications,
  applySettingsItem,
  drafts,
  freelancerList,
  lastProfile,
  type Draft,
  type ApplySettings,
  type FreelancersEntry,
} from '@/utils/apply/stored';
import { newJobs } from '@/utils/watches/stored';
import { clientJobsEntries, tabStates, type TabState } from '@/utils/client/stored';
import { EMPTY_ENRICHMENT, enrichment, enrichSettingsItem, mindcaseRows, type EnrichmentState, type EnrichSettings } from '@/utils/enrichment/stored';
import { keysItem } from '@/utils/keys';
import { hiddenCounts } from '@/utils/lists/stored';
import { follow, type Family } from '@/utils/storage/stored';
import type { ClientJobs } from '@/utils/uphunt/schemas';
import { stateMatchesTab } from '@/utils/client/tab-pages';
import { isUpworkUrl } from '@/utils/upwork/page';
import type { NewJob } from '@/utils/watches/watch';
import { jobView, type JobView } from './job-view';

interface PanelState {
  tabId: number | null;
  tabUrl: string | null;
  state: TabState | null;
  entry: CacheEntry<ClientJobs> | null;
  enrichment: EnrichmentState;
  row: CacheEntry<JobRow> | null;
  settings: EnrichSettings;
  hasMindcaseKey: boolean;
  hasUpHuntKey: boolean;
  credits: number | null;
  /** The freelancer the user last applied as. */
  lastProfileId: string | null;
  /** Why the credits could not be read. */
  creditsProblem: Problem | null;
  /** Why UpHunt's list of applied jobs could not be refreshed. */
  appliedProblem: Problem | null;
  applications: Application[];
  freelancers: FreelancersEntry | null;
  appliedRemotely: string[];
  appliedRemoteItems: RemoteItem[];
  /** What each application brought, by job. */
  outcomes: Record<string, Outcome>;
  applySettings: ApplySettings;
  /** undefined until read from storage, so the form starts from what the user typed. */
  draft: Draft | null | undefined;
  /** Why the list rules folded tiles of the tab's page, one reason a tile. */
  hiddenReasons: string[];
  /** Jobs the watched searches found, newest first. */
  newJobs: NewJob[];
}

/** The viewed job, as the panel and the popup both derive it (jobView), again only when what it reads changes. */
export function useJobView(): JobView {
  const { state, tabUrl, entry, row } = usePanel();
  return useMemo(() => jobView({ state, tabUrl, entry, row }), [state, tabUrl, entry, row]);
}

export const usePanel = create<PanelState>(() => ({
  hiddenReasons: [],
  newJobs: [],
  tabId: null,
  tabUrl: null,
  state: null,
  entry: null,
  enrichment: EMPTY_ENRICHMENT,
  row: null,
  settings: { autoEnrich: false, monthlyCapUsd: 5 },
  hasMindcaseKey: false,
  hasUpHuntKey: false,
  credits: null,
  lastProfileId: null,
  creditsProblem: null,
  appliedProblem: null,
  applications: [],
  freelancers: null,
  appliedRemotely: [],
  appliedRemoteItems: [],
  outcomes: {},
  applySettings: applySettingsItem.fallback,
  draft: null,
}));

let stopTab: (() => void) | null = null;

/**
 * A stored value whose key depends on the tab's job or client: switching the id stops the old watch, clears
 * the value (so nothing of the last job shows under the new one) and follows the new key.
 */
function followById<T>(family: Family<T>, put: (value: T | null | undefined) => void, remember = 0) {
  let current: string | null = null;
  let stop: (() => void) | null = null;
  // The last few values shown: flipping back to one shows it at once, and the storage read that follows updates it.
  const recent = new Map<string, T>();
  const keep = (id: string, value: T | null) => {
    recent.delete(id);
    if (value === null || remember === 0) return;
    recent.set(id, value);
    if (recent.size > remember) recent.delete(recent.keys().next().value!);
  };
  const show = (id: string | null) => {
    if (id === current) return;
    stop?.();
    stop = null;
    current = id;
    put(id ? recent.get(id) : null);
    if (id)
      stop = follow(family.item(id), (value) => {
        keep(id, value);
        if (current === id) put(value);
      });
  };
  /** Reads a value into the recent ones, so that showing it next needs no wait. */
  const preload = async (id: string) => {
    if (remember === 0 || recent.has(id)) return;
    keep(id, await family.get(id));
  };
  return Object.assign(show, { preload });
}

const watchCompany = followById(clientJobsEntries, (entry) => usePanel.setState({ entry: entry ?? null }), 6);
const watchRow = followById(mindcaseRows, (row) => usePanel.setState({ row: row ?? null }));
// The draft stays undefined until read, so the form starts from what the user typed, not from a blank.
const watchDraft = followById(drafts, (draft) => usePanel.setState({ draft }));

let applying = 0;
async function applyTabState(tabId: number, state: TabState | null) {
  const turn = ++applying;
  if (usePanel.getState().tabId !== tabId) return;
  // A client already stored shows together with its job, in one render, rather than after a blank one.
  if (state?.status === 'ready' && state.companyId && state.companyId !== usePanel.getState().entry?.value.companyId) {
    await watchCompany.preload(state.companyId);
    // A newer state arrived while this one waited: it wins.
    if (turn !== applying) return;
  }
  usePanel.setState({ state });
  // A state for another page than the URL known here: the tab moved on (a slide-over) and the URL read is stale.
  const { tabUrl } = usePanel.getState();
  if (state && tabUrl && !stateMatchesTab(state, tabUrl)) void refreshTabUrl(tabId);
  watchCompany(state?.companyId ?? null);
  watchRow(state?.ciphertext ?? null);
  watchDraft(state?.ciphertext ?? null);
}

/** Things that do not depend on the tab: Mindcase runs, settings, whether a Mindcase key is saved. */
export function watchShared() {
  follow(enrichment, (value) => usePanel.setState({ enrichment: value ?? EMPTY_ENRICHMENT }));
  follow(enrichSettingsItem, (settings) => usePanel.setState({ settings }));
  follow(applications, (value) => usePanel.setState({ applications: value ?? [] }));
  follow(newJobs, (value) => usePanel.setState({ newJobs: value ?? [] }));
  // A Retry-After that ends is asked again by the background (createFreelancerList): the panel shows what it stores.
  follow(freelancerList, (freelancers) => usePanel.setState({ freelancers }));
  follow(appliedRemote, (remote) =>
    usePanel.setState({
      appliedRemotely: remote?.value.map((item) => item.jobId) ?? [],
      appliedRemoteItems: remote?.value ?? [],
      appliedProblem: remote?.problem ?? null,
    }),
  );
  follow(outcomesItem, (outcomes) => usePanel.setState({ outcomes: outcomes ?? {} }));
  follow(applySettingsItem, (applySettings) => usePanel.setState({ applySettings }));
  follow(lastProfile, (lastProfileId) => usePanel.setState({ lastProfileId }));
  const applyKeys = (keys: { mindcase: string; uphunt: string }) => {
    const hasMindcaseKey = keys.mindcase.trim() !== '';
    const hasUpHuntKey = keys.uphunt.trim() !== '';
    usePanel.setState({ hasMindcaseKey, hasUpHuntKey });
    if (hasUpHuntKey) {
      void sendMessage('loadFreelancers', { force: false }).catch(() => undefined);
      void sendMessage('loadAppliedJobs', undefined).catch(() => undefined);
    }
    if (hasMindcaseKey) void refreshCredits();
  };
  follow(keysItem, applyKeys);
}

export async function refreshCredits() {
  const { credits, problem } = await sendMessage('mindcaseCredits', undefined).catch((error: unknown): { credits: null; problem: Problem } => ({
    credits: null,
    problem: { service: 'Mindcase', kind: 'network', status: null, detail: `the extension's worker did not answer (${String(error)})`, retryAt: null },
  }));
  usePanel.setState({ credits, creditsProblem: problem });
}

export async function enrich() {
  const ciphertext = usePanel.getState().state?.ciphertext;
  if (ciphertext) await sendMessage('enrichJob', { ciphertext });
}

export async function cancelEnrich() {
  const ciphertext = usePanel.getState().state?.ciphertext;
  if (ciphertext) await sendMessage('cancelEnrich', { ciphertext });
}

/** Shows `tabId` from now on; asks the background to look it up when nothing current is stored for it. */
export async function followTab(tabId: number) {
  stopTab?.();
  const tab = await browser.tabs.get(tabId).catch(() => null);
  const tabUrl = tab?.url ?? null;
  usePanel.setState({ tabId, tabUrl, state: null });
  watchCompany(null);
  const stateItem = tabStates.item(tabId);
  const stopState = stateItem.onChange((state) => void applyTabState(tabId, state));
  const hidden = hiddenCounts.item(tabId);
  const applyHidden = (value: { url: string; byJob: Record<string, string> } | null) =>
    usePanel.setState({ hiddenReasons: value && value.url === usePanel.getState().tabUrl ? Object.values(value.byJob) : [] });
  const stopHidden = hidden.onChange(applyHidden);
  applyHidden(await hidden.getValue());
  stopTab = () => {
    stopState();
    stopHidden();
  };
  await applyTabState(tabId, await stateItem.getValue());
  const { state } = usePanel.getState();
  if (tabUrl && isUpworkUrl(tabUrl) && (!state || !stateMatchesTab(state, tabUrl))) {
    await lookup(false);
  }
}

/**
 * Re-reads the followed tab's URL. Without the "tabs" permission a URL outside Upwork reads as undefined,
 * which is exactly what the panel needs to know: the tab left Upwork.
 */
export async function refreshTabUrl(tabId: number) {
  if (usePanel.getState().tabId !== tabId) return;
  const tab = await browser.tabs.get(tabId).catch(() => null);
  if (usePanel.getState().tabId === tabId) usePanel.setState({ tabUrl: tab?.url ?? null });
}

/** Shows the job of a pasted URL in this tab's panel, for a page the extension could not read. */
export async function lookupUrl(url: string): Promise<string | null> {
  const { tabId } = usePanel.getState();
  if (tabId === null) return null;
  return sendMessage('lookupUrl', { tabId, url });
}

export async function lookup(force: boolean, findMore = false) {
  const { tabId } = usePanel.getState();
  if (tabId !== null) await sendMessage('lookupTab', { tabId, force, findMore });
}

export const applyActions = {
  refreshFreelancers: () => void sendMessage('loadFreelancers', { force: true }),
  generate: (ciphertext: string, profileId: string | null) => sendMessage('generateProposal', { ciphertext, profileId }),
  saveDraft: (ciphertext: string, draft: Draft) => void drafts.set(ciphertext, draft),
  apply: async (draft: ApplyRequest) => {
    const app = await sendMessage('submitApplication', draft);
    if (draft.profileId) await lastProfile.setValue(draft.profileId);
    return app;
  },
  undo: (id: string) => void sendMessage('undoApplication', { id }),
  checkNow: (id: string) => void sendMessage('checkApplication', { id }),
};
