import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { applyHandlers, createBackgroundApplyQueue, createFreelancerList, createOutcomeTracker, followHandSent, panelOpen } from '@/utils/apply/background';
import { clientHandlers, createBackgroundLookups, createListedLookups, pagesLookingUp, storedTabStates } from '@/utils/client/background';
import { resumeLookups } from '@/utils/client/lookup';
import { diagnosticsHandlers, recordDroppedMessage, recordPageRead, recordRequestsAndErrors } from '@/utils/diagnostics/background';
import { createBackgroundEnricher, enrichmentHandlers, enrichOpened } from '@/utils/enrichment/background';
import { listHandlers, rememberSeen } from '@/utils/lists/background';
import { serveMessages } from '@/utils/messaging/table';
import { onMessage, sendToTab } from '@/utils/messaging/transport';
import { setUpShortcut } from '@/utils/panel';
import { restrictStorageAccess, type AccessArea } from '@/utils/storage/access';
import { followTimingScale } from '@/utils/timing';
import { createBackgroundWatcher, watchHandlers, watchHooks } from '@/utils/watches/background';
import type { PageSeen } from '@/utils/upwork/nuxt';
import { createWakeUps } from '@/utils/wake-ups';

export default defineBackground(() => {
  // MV3's CSP forbids the eval zod would otherwise use to speed up parsing.
  z.config({ jitless: true });
  recordRequestsAndErrors(self);
  // Every listener is added now, synchronously: the event that started this worker is delivered to them.
  const wake = createWakeUps(browser.alarms);
  // Each history the look-ups store tells the outcomes of that client's applications.
  const lookups = createBackgroundLookups(wake, (companyId, history) => outcomes.recordHistory(companyId, history));
  const outcomes = createOutcomeTracker(lookups, wake, pagesLookingUp);
  // Each needs the other: a watch's run is the enricher's, and the enricher hands its rows back to the watch.
  const watcher = createBackgroundWatcher((search) => enricher.startSearch(search), lookups, wake);
  const enricher = createBackgroundEnricher(watchHooks(watcher), wake);
  const applications = createBackgroundApplyQueue(panelOpen, wake);
  const lookUpListed = createListedLookups(lookups, (tabId, ciphertext) => sendToTab(tabId, 'tileKnown', { ciphertext }).catch(() => undefined));
  const freelancers = createFreelancerList(wake);
  // Each feature answers its own messages; a page seen is followed by Diagnostics, the lists, enrichment and applying.
  const pageFollowers = [recordPageRead, rememberSeen, (page: PageSeen) => enrichOpened(enricher, page), followHandSent(applications)];
  serveMessages(
    {
      ...clientHandlers(lookups, pageFollowers),
      ...listHandlers(lookups, lookUpListed),
      ...enrichmentHandlers(enricher),
      ...applyHandlers(applications, freelancers),
      ...watchHandlers(watcher),
      ...diagnosticsHandlers(),
    },
    {
      extensionId: browser.runtime.id,
      extensionOrigin: browser.runtime.getURL('/'),
      // The table checked each message against its definition: the answer is of its type.
      listen: (type, handler) => onMessage(type, handler as never),
      refused: (type, reason) => void recordDroppedMessage(type, reason),
    },
  );
  setUpShortcut();
  // The keys and blocks out of content scripts' reach where the browser allows it (Chrome's own API, not the polyfill's).
  const areas = (globalThis as { chrome?: { storage?: { local?: AccessArea; sync?: AccessArea } } }).chrome?.storage;
  void restrictStorageAccess({ local: areas?.local, sync: areas?.sync });
  // Onboarding: the keys are pasted in Options, so open it once on first install.
  browser.runtime.onInstalled.addListener(({ reason }) => reason === 'install' && void browser.runtime.openOptionsPage());

  // A worker that starts again picks up the runs, applications and look-ups the last one left, on its schedule;
  // then a watch's slot missed while the browser was closed is checked (once), and the alarm waits for the next.
  void followTimingScale().then(async () => {
    await Promise.all([enricher.resume(), applications.tick(), storedTabStates().then((tabs) => resumeLookups(lookups, tabs)), outcomes.run()]);
    await watcher.check();
  });
});
