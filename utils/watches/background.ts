/** The watcher over real storage, the alarm and notifications. The entrypoint only wires it. */
import { browser } from 'wxt/browser';
import type { PendingRun, SearchRun } from '../enrichment/stored';
import type { Problem } from '../problem';
import type { JobRow } from '../mindcase/schemas';
import type { LookupDeps } from '../client/lookup';
import { lookUpClient } from '../client/background';
import { blocksItem, listRulesItem } from '../lists/stored';
import { newJobs, watchesItem, watchSeen, watchStatuses } from './stored';
import { deliveredJobs, destinationsItem, destinationStatuses, outboxItem } from './delivery-stored';
import * as z from 'zod/mini';
import { createOnce } from '../cache';
import { requestJson } from '../http';
import { deliveryRequest, jobsMessage, originOf, type DeliveryRequest } from './destinations';
import { createOutbox, failureText } from './outbox';
import type { ConnectionResult } from '../diagnostics/background';
import { jobUrl } from '../upwork/page';
import { openPanel } from '../panel';
import { MAX_NEW_JOBS, MAX_SEEN } from './watch';
import { createWatcher } from './watcher';
import type { WakeUps } from '../wake-ups';
import type { Handlers } from '../messaging/table';

export const WATCH_ALARM = 'watched-searches';
const NOTICE_PREFIX = 'watch:';
const CAP_NOTICE = 'watches-cap';

export const OUTBOX_WAKE = 'outbox';

/** A message to a destination, through the one http layer (its timeout, the limiter by host, the Activity log by host only). */
const sendDelivery = async ({ url, body }: DeliveryRequest) =>
  void (await requestJson({ service: 'Destination', url, method: 'POST', headers: {}, body, schema: z.unknown(), anyAnswer: true }));

/** The outbox over real storage, the browser's permissions and the wake-ups; sends what is due when the worker starts. */
export function createBackgroundOutbox(wake: WakeUps) {
  const outbox = createOutbox({
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
    destinations: async () => (await destinationsItem.getValue()) ?? [],
    outbox: outboxItem,
    statuses: destinationStatuses,
    delivered: deliveredJobs,
    allowed: (destination) => browser.permissions.contains({ origins: [originOf(destination)] }),
    send: sendDelivery,
    wakeAt: async (at) => {
      wake.timer(OUTBOX_WAKE, at);
      await wake.alarm(OUTBOX_WAKE, at);
    },
  });
  // An alarm, a timer and a new check landing together send each message once.
  const once = createOnce();
  const flush = () => once(OUTBOX_WAKE, () => outbox.flush()).catch(() => undefined);
  wake.on(OUTBOX_WAKE, () => void flush());
  return { enqueue: outbox.enqueue, flush };
}

/** Send test: one sample job to the destination, now, said in words. Nothing enters the outbox. */
export async function testDestination(id: string): Promise<ConnectionResult> {
  const destination = ((await destinationsItem.getValue()) ?? []).find((d) => d.id === id);
  if (!destination) return { ok: false, message: 'This destination no longer exists.' };
  const host = new URL(destination.url).host;
  if (!(await browser.permissions.contains({ origins: [originOf(destination)] })))
    return { ok: false, message: `The browser does not allow ${host}: remove the destination and add it again to allow it.` };
  const sample = {
    ciphertext: '~022000000000000000001',
    title: 'Test from UpHunt Overlay: this is how new jobs will look',
    budget: '$500 fixed',
    postedAt: new Date().toISOString(),
    proposals: '5 to 10',
    country: 'United States',
    paymentVerified: true,
    score: 82,
    watches: ['Test'],
    foundAt: Date.now(),
  };
  try {
    await sendDelivery(deliveryRequest(destination, jobsMessage([sample], ['Test'], ['test']), `test-${crypto.randomUUID()}`));
    return { ok: true, message: `Sent: ${host} accepted the test message.` };
  } catch (error) {
    return { ok: false, message: `Not sent: ${failureText(error)}.` };
  }
}

export function createBackgroundWatcher(
  startSearch: (search: SearchRun & { inputs: string[] }) => Promise<Problem | null>,
  lookups: LookupDeps,
  wake: WakeUps,
) {
  const outbox = createBackgroundOutbox(wake);
  void outbox.flush();
  const watcher = createWatcher({
    watches: async () => (await watchesItem.getValue()).list,
    statuses: async () => (await watchStatuses.getValue()) ?? {},
    updateStatuses: (change) =>
      watchStatuses.update((stored) => {
        const statuses = { ...(stored ?? {}) };
        change(statuses);
        return statuses;
      }),
    seen: async () => new Set((await watchSeen.getValue()) ?? []),
    markSeen: (ciphertexts) =>
      watchSeen.update((seen) => {
        const known = new Set(seen ?? []);
        const fresh = [...new Set(ciphertexts)].filter((c) => !known.has(c));
        return [...(seen ?? []), ...fresh].slice(-MAX_SEEN);
      }),
    addNewJobs: (jobs) =>
      newJobs.update((list) => {
        const known = new Set(jobs.map((job) => job.ciphertext));
        return [...jobs, ...(list ?? []).filter((job) => !known.has(job.ciphertext))].slice(0, MAX_NEW_JOBS);
      }),
    judge: async () => ({ rules: await listRulesItem.getValue(), blocks: await blocksItem.getValue() }),
    clientOf: (ciphertext) => lookUpClient(lookups, ciphertext),
    startSearch,
    notify: async (text, ciphertexts) => {
      await browser.notifications
        .create(`${NOTICE_PREFIX}${ciphertexts[0]}`, {
          type: 'basic',
          iconUrl: browser.runtime.getURL('/icon/128.png'),
          title: text,
          message: 'Click to open the newest one; the side panel and the popup list them all.',
        })
        .catch((error: unknown) => console.warn('notification', error));
    },
    deliver: (jobs, watches) => outbox.enqueue(jobs, watches),
    notifyCap: async (text) => {
      await browser.notifications
        .create(CAP_NOTICE, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title: 'Watched searches stopped', message: text })
        .catch((error: unknown) => console.warn('notification', error));
    },
    wakeAt: (at) => wake.alarm(WATCH_ALARM, at),
    now: () => Date.now(),
  });
  wake.on(WATCH_ALARM, () => void watcher.check());
  // A watch added, changed or paused in Options moves the alarm to its next check.
  watchesItem.onChange(() => void watcher.reschedule());
  openJobsFromNotifications();
  return watcher;
}

export type BackgroundWatcher = ReturnType<typeof createBackgroundWatcher>;

export const watchHandlers = (watcher: BackgroundWatcher): Handlers<'checkWatch' | 'testDestination'> => ({
  checkWatch: ({ id }) => watcher.check(id),
  testDestination: ({ id }) => testDestination(id),
});

/** The enricher's hooks for watched searches. */
export function watchHooks(watcher: BackgroundWatcher) {
  return {
    searched: (run: PendingRun, rows: JobRow[]) => watcher.found(run, rows),
    searchFailed: (run: PendingRun, problem: Problem) => watcher.failed(run, problem),
  };
}

/** A click on a new-jobs notification opens the newest job, and the panel beside it; on the cap's, Options. */
export function openJobsFromNotifications(): void {
  browser.notifications.onClicked.addListener((id) => {
    if (id === CAP_NOTICE) void browser.runtime.openOptionsPage();
    if (!id.startsWith(NOTICE_PREFIX)) return;
    const ciphertext = id.slice(NOTICE_PREFIX.length);
    // Both browsers open a panel only within the click's gesture: asked for before anything is awaited.
    openPanel(null).catch(() => undefined);
    void browser.tabs.create({ url: jobUrl(ciphertext) });
    void browser.notifications.clear(id);
  });
}
