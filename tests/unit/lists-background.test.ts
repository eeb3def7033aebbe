/** The lists feature's messages on WXT's fake browser: hides and their Undo, as the content script sends them. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { LookupDeps } from '@/utils/client/lookup';
import { listHandlers } from '@/utils/lists/background';
import type { Origin } from '@/utils/messaging/table';
import { blocksItem } from '@/utils/lists/stored';

beforeEach(() => fakeBrowser.reset());

const TAB: Origin = { tabId: 3, windowId: 1, url: 'https://www.upwork.com/nx/find-work/' };
// Hiding a job (not a client) needs none of the background's services.
const routes = listHandlers({} as LookupDeps, () => undefined);
const JOBS = ['~022052895097657407455', '~022051005096520707758', '~022049912345678901234'];

describe('hiding jobs from their badges', () => {
  it('three hides clicked in quick succession all stay hidden, and an Undo landing with another hide takes back only its own', async () => {
    await Promise.all(JOBS.map((ciphertext) => routes.block({ ciphertext, what: 'job', title: `Job ${ciphertext.slice(-3)}` }, TAB)));
    expect((await blocksItem.getValue()).jobs.map((job) => job.ciphertext).sort()).toEqual([...JOBS].sort());
    const later = '~022048811122233344455';
    await Promise.all([routes.unblock({ id: JOBS[0]! }, TAB), routes.block({ ciphertext: later, what: 'job', title: 'Later' }, TAB)]);
    expect((await blocksItem.getValue()).jobs.map((job) => job.ciphertext).sort()).toEqual([JOBS[1], JOBS[2], later].sort());
  });
});
