import { mountPage } from '@/components/mount';
import { browser } from 'wxt/browser';
import { QuickApply } from '@/components/QuickApply';
import { followTab, watchShared } from '@/utils/ui/panel-store';
import { openOptionsAt, openPanel } from '@/utils/panel';

/** The panel opens from the user's click (both browsers require it); the popup then gets out of the way. */
function openSidePanel(tabId: number | null) {
  openPanel(tabId).then(
    () => window.close(),
    () => undefined,
  );
}

async function start() {
  watchShared();
  // ?tabId= names the tab when the popup is opened as a page (tests); otherwise it is the active tab.
  const fixed = Number(new URLSearchParams(location.search).get('tabId'));
  const [active] = Number.isInteger(fixed) && fixed > 0 ? [] : await browser.tabs.query({ active: true, currentWindow: true });
  const tabId = Number.isInteger(fixed) && fixed > 0 ? fixed : (active?.id ?? null);
  if (tabId !== null) await followTab(tabId);
  mountPage(
    <QuickApply onOpenPanel={() => openSidePanel(tabId)} onOpenWatches={() => openOptionsAt('watches')} onOpenResults={() => openOptionsAt('results')} />,
  );
}

void start();
