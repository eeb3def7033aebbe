import type { PageSeen } from '@/utils/messaging';
/**
 * The content script's small messaging client against @webext-core/messaging itself, which the background
 * uses, over a stand-in runtime that behaves as Chrome's does (an answer given later needs `return true`).
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProtocolMap } from '@/utils/messaging';

type Listener = (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => unknown;

const runtime = vi.hoisted(() => {
  const sides = { background: [] as Listener[], content: [] as Listener[] };
  const deliver = (to: Listener[], message: unknown) =>
    new Promise<unknown>((resolve) => {
      let waiting = false;
      for (const listener of to) {
        const kept = listener(structuredClone(message), { id: 'ext', tab: { id: 7 }, frameId: 0, url: 'https://www.upwork.com/' }, resolve);
        if (kept === true) waiting = true;
      }
      if (!waiting) resolve(undefined);
    });
  return { sides, deliver };
});

// The content script's `browser` (promise-based, as both browsers' native APIs are).
vi.mock('wxt/browser', () => ({
  browser: {
    runtime: {
      id: 'ext' as string | undefined,
      sendMessage: (message: unknown) => runtime.deliver(runtime.sides.background, message),
      onMessage: { addListener: (listener: Listener) => runtime.sides.content.push(listener) },
    },
  },
}));

beforeEach(() => {
  // The library's `chrome` (callback-based), on the background's side.
  vi.stubGlobal('chrome', {
    runtime: {
      lastError: undefined,
      sendMessage: (message: unknown, callback: (reply: unknown) => void) => void runtime.deliver(runtime.sides.content, message).then(callback),
      onMessage: {
        addListener: (listener: Listener) => runtime.sides.background.push(listener),
        removeListener: (listener: Listener) => runtime.sides.background.splice(runtime.sides.background.indexOf(listener), 1),
      },
    },
    tabs: {
      sendMessage: (_tabId: number, message: unknown, _options: unknown, callback: (reply: unknown) => void) =>
        void runtime.deliver(runtime.sides.content, message).then(callback),
    },
  });
});

describe('content script messaging speaks the background library', async () => {
  const content = await import('@/utils/content-messaging');
  const background = defineExtensionMessaging<ProtocolMap>();

  it('sends to the background and gets its answer, or its error', async () => {
    const view = { word: 'Good', tone: 'good', detail: 'score 80', clientKnown: true, hidden: null } as const;
    background.onMessage('tiles', ({ data }) => ({ show: true, views: Object.fromEntries(data.tiles.map((t) => [t.ciphertext, view])) }));
    const tile = { ciphertext: '~022052895097657407455', title: 'Job', paymentVerified: true, totalSpent: null, rating: null, country: null, proposals: null };
    await expect(content.sendToBackground('tiles', { tiles: [tile], kind: 'search', missing: {} })).resolves.toEqual({
      show: true,
      views: { '~022052895097657407455': view },
    });
    background.onMessage('openJob', () => {
      throw new Error('No tab to show it in');
    });
    await expect(content.sendToBackground('openJob', { ciphertext: '~022052895097657407455' })).rejects.toThrow('No tab to show it in');
  });

  it('answers what the background asks, and ignores messages that are not of the protocol', async () => {
    const page: PageSeen = {
      url: 'https://www.upwork.com/nx/find-work/',
      kind: 'feed',
      ciphertext: null,
      companyIdHint: null,
      nuxt: null,
      paymentVerified: null,
      signedIn: true,
      account: null,
      strategy: null,
      client: null,
      otherJobs: [],
    };
    content.onBackgroundMessage('readPage', () => page);
    await expect(background.sendMessage('readPage', undefined, 7)).resolves.toEqual(page);
    await expect(runtime.deliver(runtime.sides.content, { type: 'readPage' })).resolves.toBeUndefined();
    await expect(runtime.deliver(runtime.sides.content, { type: 'somethingElse', timestamp: 1 })).resolves.toBeUndefined();
  });

  it("ends the script's lifetime once the extension is gone (reloaded, updated or removed), so its observers stop", async () => {
    const { browser } = await import('wxt/browser');
    expect(content.contentLife.aborted).toBe(false);
    Object.assign(browser.runtime, { id: undefined });
    await content.sendToBackground('openJob', { ciphertext: '~022052895097657407455' }).catch(() => undefined);
    expect(content.contentLife.aborted).toBe(true);
  });
});
