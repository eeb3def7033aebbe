import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import {
  createBackgroundEnricher,
  createListedLookups,
  createLookupDeps,
  knownClients,
  MINDCASE_ALARM,
  mindcaseCredits,
  recordDroppedMessage,
  recordPageRead,
  recordTileFacts,
  storedTabStates,
  testConnection,
} from '@/utils/background-services';
import { rateLimitNote, recordActivity, redactedPath } from '@/utils/activity';
import { createInFlight } from '@/utils/cache';
import { defaultHttpDeps } from '@/utils/http';
import { lookupPage, pageOfUrl, resumeLookups, retryKeyProblems } from '@/utils/lookup';
import {
  APPLY_ALARM,
  createBackgroundApplyQueue,
  forgetKeyProblems,
  generateProposal,
  loadAppliedJobs,
  loadFreelancers,
  panelOpen,
} from '@/utils/apply-services';
import {
  CiphertextMessageSchema,
  DraftMessageSchema,
  ForceSchema,
  GenerateSchema,
  IdMessageSchema,
  LookupTabSchema,
  LookupUrlSchema,
  PageSeenSchema,
  TestConnectionSchema,
  TilesSchema,
} from '@/utils/message-schemas';
import { onMessage, sendMessage, type PageSeen } from '@/utils/messaging';
import { backgroundErrorsKey, enrichSettingsItem, keysItem, listSettingsItem, recordIncident, tabStateKey } from '@/utils/storage';
import { isUpworkUrl, jobUrl, parseUpworkUrl } from '@/utils/upwork/page';
import { digestPage } from '@/utils/upwork/nuxt';
import { fromExtensionPage, fromUpworkTab } from '@/utils/sender';

export default defineBackground(() => {
  // MV3's CSP forbids the eval zod would otherwise use to speed up parsing.
  z.config({ jitless: true });
  // An error nothing caught is logged and counted (Options → Diagnostics), so that it is seen, not lost.
  const uncaught = (reason: unknown) => {
    const message = reason instanceof Error ? reason.message : String(reason);
    console.error('Unexpected error in the background:', message);
    void recordIncident(backgroundErrorsKey, message.slice(0, 200));
  };
  self.addEventListener('unhandledrejection', (event) => uncaught(event.reason));
  self.addEventListener('error', (event) => uncaught(event.error ?? event.message));
  // Every request the extension sends goes into Options → Activity, without keys or query values.
  defaultHttpDeps.record = ({ url, rateLimit, ...entry }) => void recordActivity({ ...entry, path: redactedPath(url), note: rateLimitNote(rateLimit) });
  const deps = createLookupDeps();
  const enricher = createBackgroundEnricher();
  const lookUpListed = createListedLookups(deps, async (tabId, ciphertext, known) => {
    await sendMessage('tileKnown', { ciphertext, known }, tabId).catch(() => undefined);
  });
  const extensionOrigin = browser.runtime.getURL('/');
  // A message from anyone else, or of the wrong shape, is dropped and counted (Options → Diagnostics).
  const fromUi = (sender: Parameters<typeof fromExtensionPage>[0], type = 'a UI message') => {
    const ok = fromExtensionPage(sender, browser.runtime.id, extensionOrigin);
    if (!ok) void recordDroppedMessage(type, 'sender');
    return ok;
  };
  const fromTab = (sender: Parameters<typeof fromUpworkTab>[0], type: string) => {
    const tabId = fromUpworkTab(sender, browser.runtime.id);
    if (tabId === null) void recordDroppedMessage(type, 'sender');
    return tabId;
  };
  const checked = <T>(type: string, parsed: { success: true; data: T } | { success: false }): parsed is { success: true; data: T } => {
    if (!parsed.success) void recordDroppedMessage(type, 'shape');
    return parsed.success;
  };

  onMessage('pageSeen', async ({ data, sender }) => {
    const tabId = fromTab(sender, 'pageSeen');
    const parsed = PageSeenSchema.safeParse(data);
    if (tabId === null || !checked('pageSeen', parsed)) return;
    const page = { data: digestPage(parsed.data) };
    const ciphertext = page.data.ciphertext;
    void recordPageRead(page.data);
    // The lookup goes first: the panel waits on it, the Mindcase request does not.
    const lookup = lookupPage(deps, tabId, page.data);
    if (ciphertext && (await enrichSettingsItem.getValue()).autoEnrich) void enricher.request([ciphertext]);
    await lookup;
  });

  onMessage('tiles', async ({ data, sender }) => {
    const request = TilesSchema.safeParse(data);
    if (fromTab(sender, 'tiles') === null || !checked('tiles', request)) return { show: false, known: {} };
    const { showBadges, lookupListed } = await listSettingsItem.getValue();
    const { kind, missing } = request.data;
    if (kind) void recordTileFacts(kind, request.data.ciphertexts.length, missing);
    if (!showBadges) return { show: false, known: {} };
    const known = await knownClients(request.data.ciphertexts, deps);
    if (lookupListed)
      lookUpListed(
        sender.tab!.id!,
        request.data.ciphertexts.filter((c) => !known[c]),
      );
    return { show: true, known };
  });

  onMessage('openJob', async ({ data, sender }) => {
    const tabId = fromTab(sender, 'openJob');
    const request = CiphertextMessageSchema.safeParse(data);
    if (tabId === null || !checked('openJob', request)) return;
    const { ciphertext } = request.data;
    const opened = openPanelFor(tabId, sender.tab?.windowId);
    await lookupPage(deps, tabId, pageOfUrl(jobUrl(ciphertext), 'job', ciphertext), { pasted: true });
    await opened;
  });

  onMessage('enrichJob', async ({ data, sender }) => {
    const request = CiphertextMessageSchema.safeParse(data);
    if (fromUi(sender) && request.success) await enricher.request([request.data.ciphertext]);
  });

  onMessage('cancelEnrich', async ({ data, sender }) => {
    const request = CiphertextMessageSchema.safeParse(data);
    if (fromUi(sender) && request.success) await enricher.cancel(request.data.ciphertext);
  });

  // Two panels opening together ask the same things: one call answers both.
  const once = createInFlight();
  onMessage('mindcaseCredits', async ({ sender }) => (fromUi(sender) ? once('credits', mindcaseCredits) : { credits: null, problem: null }));

  const applications = createBackgroundApplyQueue(panelOpen);

  onMessage('loadFreelancers', async ({ data, sender }) => {
    const request = ForceSchema.safeParse(data);
    if (fromUi(sender) && request.success) await once(`freelancers:${request.data.force}`, () => loadFreelancers(request.data.force));
  });

  onMessage('loadAppliedJobs', async ({ sender }) => {
    if (fromUi(sender)) await once('applied-jobs', loadAppliedJobs);
  });

  onMessage('generateProposal', async ({ data, sender }) => {
    const request = GenerateSchema.safeParse(data);
    if (!fromUi(sender, 'generateProposal') || !checked('generateProposal', request)) return { coverLetter: null, problem: null };
    return generateProposal(request.data.ciphertext, request.data.profileId);
  });

  onMessage('submitApplication', async ({ data, sender }) => {
    if (!fromUi(sender, 'submitApplication')) throw new Error('Refused: not sent by this extension.');
    const draft = DraftMessageSchema.safeParse(data);
    if (!checked('submitApplication', draft)) throw new Error('Refused: the application was not complete.');
    return applications.submit(draft.data);
  });

  onMessage('undoApplication', async ({ data, sender }) => {
    const request = IdMessageSchema.safeParse(data);
    return fromUi(sender) && request.success ? applications.undo(request.data.id) : false;
  });

  onMessage('checkApplication', async ({ data, sender }) => {
    const request = IdMessageSchema.safeParse(data);
    if (fromUi(sender) && request.success) await applications.checkNow(request.data.id);
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === MINDCASE_ALARM) void enricher.resume();
    if (alarm.name === APPLY_ALARM) void applications.tick();
  });
  // A worker that starts again picks up the runs, applications and look-ups the last one left.
  void enricher.resume();
  void applications.tick();
  void storedTabStates().then((tabs) => resumeLookups(deps, tabs));

  onMessage('lookupTab', async ({ data, sender }) => {
    const request = LookupTabSchema.safeParse(data);
    if (!fromUi(sender, 'lookupTab') || !checked('lookupTab', request)) return;
    const page = await readPage(request.data.tabId);
    if (page) await lookupPage(deps, request.data.tabId, page, { force: request.data.force });
  });

  onMessage('lookupUrl', async ({ data, sender }) => {
    const request = LookupUrlSchema.safeParse(data);
    if (!fromUi(sender, 'lookupUrl') || !checked('lookupUrl', request)) return 'Refused.';
    const { ciphertext } = parseUpworkUrl(request.data.url.trim());
    if (!ciphertext) return 'That is not the URL of an Upwork job (it should contain ~02… or ~01…).';
    const url = jobUrl(ciphertext);
    await lookupPage(deps, request.data.tabId, pageOfUrl(url, 'job', ciphertext), { pasted: true });
    return null;
  });

  onMessage('testConnection', async ({ data, sender }) => {
    const request = TestConnectionSchema.safeParse(data);
    if (!fromUi(sender, 'testConnection') || !checked('testConnection', request)) {
      return { ok: false, message: 'Refused: not sent by this extension.' };
    }
    return testConnection(request.data.service);
  });

  // A key fixed in Options clears every message the old one caused, and asks again.
  keysItem.watch(() => {
    void forgetKeyProblems();
    void storedTabStates().then((tabs) => retryKeyProblems(deps, tabs));
  });

  browser.tabs.onRemoved.addListener((tabId) => void storage.removeItem(tabStateKey(tabId)));

  browser.runtime.onInstalled.addListener(({ reason }) => {
    // Onboarding: the keys are pasted in Options, so open it once on first install.
    if (reason === 'install') void browser.runtime.openOptionsPage();
  });

  setUpShortcut();
});

/** Asks the tab's content script what it shows; falls back to the URL when no script answers (e.g. a tab opened before install). */
async function readPage(tabId: number): Promise<PageSeen | null> {
  const fromScript = await sendMessage('readPage', undefined, tabId).catch(() => null);
  const checked = PageSeenSchema.safeParse(fromScript);
  if (checked.success) return digestPage(checked.data);
  const tab = await browser.tabs.get(tabId).catch(() => null);
  if (!tab?.url || !isUpworkUrl(tab.url)) return null;
  const { kind, ciphertext } = parseUpworkUrl(tab.url);
  return pageOfUrl(tab.url, kind, ciphertext);
}

interface ChromeSidePanel {
  open(options: { windowId?: number; tabId?: number }): Promise<void>;
}

/**
 * Opens the panel for a tab from a click in the page. Browsers allow it only close to the user's gesture;
 * where they refuse, the panel opens in a tab of its own for that tab.
 */
async function openPanelFor(tabId: number, windowId: number | undefined): Promise<void> {
  const sidePanel = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
  const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  try {
    if (sidePanel) await sidePanel.open({ tabId });
    else if (sidebar) await sidebar.open();
    else throw new Error('no side panel');
  } catch {
    await browser.tabs.create({ url: browser.runtime.getURL(`/sidepanel.html?tabId=${tabId}`), windowId, index: undefined });
  }
}

/** Chrome: the keyboard shortcut opens the side panel (Firefox does it itself with _execute_sidebar_action). */
function setUpShortcut() {
  const sidePanel = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
  if (!sidePanel) return;
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'open-side-panel' && tab?.windowId !== undefined) {
      sidePanel.open({ windowId: tab.windowId }).catch((error: unknown) => console.warn('side panel', error));
    }
  });
}
