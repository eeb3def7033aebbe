import { mountPage } from '@/components/mount';
import { browser } from 'wxt/browser';
import { QuickApply } from '@/components/QuickApply';
import { followTab, watchShared } from '@/components/store';

interface ChromeSidePanel {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
}

/** Chrome's side panel, or Firefox's sidebar: both must be opened from the user's click. */
function openSidePanel(tabId: number | null) {
  const sidePanel = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
  const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  const opening = sidePanel && tabId !== null ? sidePanel.open({ tabId }) : sidebar?.open();
  void opening?.then(() => window.close());
}

async function start() {
  watchShared();
  // ?tabId= names the tab when the popup is opened as a page (tests); otherwise it is the active tab.
  const fixed = Number(new URLSearchParams(location.search).get('tabId'));
  const [active] = Number.isInteger(fixed) && fixed > 0 ? [] : await browser.tabs.query({ active: true, currentWindow: true });
  const tabId = Number.isInteger(fixed) && fixed > 0 ? fixed : (active?.id ?? null);
  if (tabId !== null) await followTab(tabId);
  mountPage(<QuickApply onOpenPanel={() => openSidePanel(tabId)} onOpenOptions={() => void browser.runtime.openOptionsPage()} />);
}

void start();
