import { mountPage } from '@/components/mount';
import { browser } from 'wxt/browser';
import { App } from './App';
import { followTab, refreshTabUrl, watchShared } from '@/utils/ui/panel-store';
import { followTimingScale } from '@/utils/timing';

async function start() {
  // The panel asks again once a look-up outlived every timeout: the same timeouts as the worker's.
  void followTimingScale();
  watchShared();
  // Listening before the first read of the tab: a slide-over opened while the panel starts must not be missed.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url || change.status) void refreshTabUrl(tabId);
  });
  const fixed = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fixed) && fixed > 0) {
    // Popped out (or opened by a test) for one tab: stay on it.
    await followTab(fixed);
  } else {
    // The side panel / sidebar follows the active tab of its own window.
    const { id: windowId } = await browser.windows.getCurrent();
    const [active] = await browser.tabs.query({ active: true, windowId });
    if (active?.id !== undefined) await followTab(active.id);
    browser.tabs.onActivated.addListener((info) => {
      if (info.windowId === windowId) void followTab(info.tabId);
    });
  }
}

mountPage(<App />);
void start();
