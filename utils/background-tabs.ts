/** The background's dealings with tabs and the side panel: what a tab shows, and opening the panel for it. */
import { browser } from 'wxt/browser';
import { pageOfUrl } from './client/lookup';
import { PageReadSchema } from './message-schemas';
import type { PageSeen } from './messaging';
import { sendToTab } from './protocol';
import { digestPage } from './upwork/nuxt';
import { hasChromeSidePanel, openPanel } from './panel';
import { isUpworkUrl, parseUpworkUrl } from './upwork/page';

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
 * Opens the panel for a tab from a click in the page. Browsers allow it only close to the user's gesture;
 * where they refuse, the panel opens in a tab of its own for that tab.
 */
export async function openPanelFor(tabId: number, windowId: number | null): Promise<void> {
  await openPanel(tabId).catch(() => browser.tabs.create({ url: browser.runtime.getURL(`/sidepanel.html?tabId=${tabId}`), windowId: windowId ?? undefined }));
}

/** Chrome: the keyboard shortcut opens the side panel (Firefox does it itself with _execute_sidebar_action). */
export function setUpShortcut() {
  if (!hasChromeSidePanel()) return;
  browser.commands.onCommand.addListener((command) => {
    if (command === 'open-side-panel') openPanel(null).catch((error: unknown) => console.warn('side panel', error));
  });
}
