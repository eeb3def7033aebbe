/** The panel's view of one tab, fed by storage watches. The panel writes nothing here but what it reads. */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { create } from 'zustand';
import type { CacheEntry } from '@/utils/cache';
import { sendMessage } from '@/utils/messaging';
import { clientJobsKey, keysItem, TabStateSchema, tabStateKey, type TabState } from '@/utils/storage';
import { ClientJobsSchema, type ClientJobs } from '@/utils/uphunt/schemas';
import { isUpworkUrl, parseUpworkUrl } from '@/utils/upwork/page';

interface PanelState {
  tabId: number | null;
  tabUrl: string | null;
  state: TabState | null;
  entry: CacheEntry<ClientJobs> | null;
}

export const usePanel = create<PanelState>(() => ({ tabId: null, tabUrl: null, state: null, entry: null }));

let stopTab: (() => void) | null = null;
let stopEntry: (() => void) | null = null;
let watchedCompany: string | null = null;

function parseEntry(raw: unknown): CacheEntry<ClientJobs> | null {
  if (!raw || typeof raw !== 'object') return null;
  const { storedAt, value } = raw as { storedAt?: unknown; value?: unknown };
  const parsed = ClientJobsSchema.safeParse(value);
  return typeof storedAt === 'number' && parsed.success ? { storedAt, value: parsed.data } : null;
}

function watchCompany(companyId: string | null) {
  if (companyId === watchedCompany) return;
  stopEntry?.();
  stopEntry = null;
  watchedCompany = companyId;
  usePanel.setState({ entry: null });
  if (!companyId) return;
  const key = clientJobsKey(companyId);
  const apply = (raw: unknown) => {
    if (watchedCompany === companyId) usePanel.setState({ entry: parseEntry(raw) });
  };
  stopEntry = storage.watch<unknown>(key, apply);
  void storage.getItem<unknown>(key).then(apply);
}

function applyTabState(tabId: number, raw: unknown) {
  if (usePanel.getState().tabId !== tabId) return;
  const parsed = TabStateSchema.safeParse(raw);
  const state = parsed.success ? parsed.data : null;
  usePanel.setState({ state });
  watchCompany(state?.companyId ?? null);
}

/** Shows `tabId` from now on; asks the background to look it up when nothing current is stored for it. */
export async function followTab(tabId: number) {
  stopTab?.();
  const tab = await browser.tabs.get(tabId).catch(() => null);
  const tabUrl = tab?.url ?? null;
  usePanel.setState({ tabId, tabUrl, state: null });
  watchCompany(null);
  const key = tabStateKey(tabId);
  stopTab = storage.watch<unknown>(key, (raw) => applyTabState(tabId, raw));
  applyTabState(tabId, await storage.getItem<unknown>(key));
  const { state } = usePanel.getState();
  if (tabUrl && isUpworkUrl(tabUrl) && (!state || state.ciphertext !== parseUpworkUrl(tabUrl).ciphertext)) {
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

/** After the user fixes a key in Options, a panel showing a key problem tries again by itself. */
export function retryOnNewKeys(): () => void {
  return keysItem.watch(() => {
    const kind = usePanel.getState().state?.problem?.kind;
    if (kind === 'missing_key' || kind === 'unauthorized' || kind === 'forbidden') void lookup(false);
  });
}

export async function lookup(force: boolean) {
  const { tabId } = usePanel.getState();
  if (tabId !== null) await sendMessage('lookupTab', { tabId, force });
}
