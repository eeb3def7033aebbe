import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { rateLimitNote, recordActivity, redactedPath } from '@/utils/activity';
import { createBackgroundApplyQueue, forgetKeyProblems, panelOpen } from '@/utils/apply-services';
import { messageRoutes } from '@/utils/background-routes';
import { createBackgroundEnricher, createListedLookups, createLookupDeps, recordDroppedMessage, storedTabStates } from '@/utils/background-services';
import { setUpShortcut } from '@/utils/background-tabs';
import { createInFlight } from '@/utils/cache';
import { defaultHttpDeps } from '@/utils/http';
import { resumeLookups, retryKeyProblems } from '@/utils/lookup';
import { serveMessages } from '@/utils/message-table';
import { onMessage, sendMessage } from '@/utils/messaging';
import { followTimingScale } from '@/utils/timing';
import { backgroundErrorsKey, keysItem, recordIncident, tabStateKey, watchesItem } from '@/utils/storage';
import { createBackgroundWatcher, openJobsFromNotifications, watchHooks } from '@/utils/watches/background';
import { createWakeUps } from '@/utils/wake-ups';

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

  const lookups = createLookupDeps();
  const wake = createWakeUps(browser.alarms);
  // Each needs the other: a watch's run is the enricher's, and the enricher hands its rows back to the watch.
  const watcher = createBackgroundWatcher((search) => enricher.startSearch(search), lookups, wake);
  const enricher = createBackgroundEnricher(watchHooks(watcher), wake);
  const applications = createBackgroundApplyQueue(panelOpen, wake);
  const lookUpListed = createListedLookups(lookups, (tabId, ciphertext) => sendMessage('tileKnown', { ciphertext }, tabId).catch(() => undefined));
  serveMessages(messageRoutes({ lookups, enricher, applications, lookUpListed, watcher, once: createInFlight() }), {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    listen: (type, handler) => onMessage(type, handler),
    refused: (type, reason) => void recordDroppedMessage(type, reason),
  });

  // A worker that starts again picks up the runs, applications and look-ups the last one left, on its schedule.
  void followTimingScale().then(async () => {
    await Promise.all([enricher.resume(), applications.tick(), storedTabStates().then((tabs) => resumeLookups(lookups, tabs))]);
    // A slot missed while the browser was closed is checked now (once); then the alarm waits for the next.
    await watcher.check();
  });
  // A key fixed in Options clears every message the old one caused, and asks again.
  keysItem.watch(() => {
    void forgetKeyProblems();
    void storedTabStates().then((tabs) => retryKeyProblems(lookups, tabs));
  });

  // A watch added, changed or paused in Options moves the alarm to its next check.
  watchesItem.watch(() => void watcher.reschedule());
  openJobsFromNotifications();

  browser.tabs.onRemoved.addListener((tabId) => void storage.removeItem(tabStateKey(tabId)));
  // Onboarding: the keys are pasted in Options, so open it once on first install.
  browser.runtime.onInstalled.addListener(({ reason }) => reason === 'install' && void browser.runtime.openOptionsPage());
  setUpShortcut();
});
