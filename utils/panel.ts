/** Opening the extension's panel: Chrome's side panel or Firefox's sidebar, from any extension context. */
import { browser } from 'wxt/browser';

interface ChromePanelApis {
  sidePanel?: { open(options: { tabId?: number; windowId?: number }): Promise<void> };
  windows?: { WINDOW_ID_CURRENT: number };
}

/** Chrome's side panel API; Firefox has a sidebar instead (and opens it itself on the shortcut). */
export const hasChromeSidePanel = (): boolean => !!(globalThis as { chrome?: ChromePanelApis }).chrome?.sidePanel;

/**
 * Opens the panel for a tab (or, with none, the current window's): Chrome's side panel, else Firefox's sidebar.
 * Both browsers allow it only within the user's gesture, so call it before awaiting anything; it rejects where
 * the browser refuses or has neither, and the caller decides what to do instead.
 */
export function openPanel(tabId: number | null): Promise<void> {
  const chrome = (globalThis as { chrome?: ChromePanelApis }).chrome;
  const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  try {
    if (chrome?.sidePanel) return chrome.sidePanel.open(tabId !== null ? { tabId } : { windowId: chrome.windows?.WINDOW_ID_CURRENT ?? -2 });
    if (sidebar) return sidebar.open();
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  return Promise.reject(new Error('This browser has no side panel or sidebar for extensions.'));
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

/** Options' sections, in page order, each with the words of its link. */
export const OPTIONS_SECTIONS = {
  keys: 'Keys',
  applying: 'Applying',
  lists: 'Lists',
  watches: 'Watched searches',
  results: 'Results',
  diagnostics: 'Diagnostics',
} as const;
export type OptionsSection = keyof typeof OPTIONS_SECTIONS;

/** Opens Options at the section a link means, in a tab of its own (Options' own page cannot be told where to go). */
export function openOptionsAt(section: OptionsSection): void {
  void browser.tabs.create({ url: browser.runtime.getURL(`/options.html#${section}`) });
}
