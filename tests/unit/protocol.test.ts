/**
 * The one message protocol, both ends, over a stand-in runtime that behaves as Chrome's does: an answer given
 * later needs `return true`, a listener that returns false leaves the message to others, and no listener at all
 * answers undefined.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageRead } from '@/utils/upwork/schemas';

type Listener = (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => unknown;

const runtime = vi.hoisted(() => {
  const listeners: Listener[] = [];
  const sent: Array<{ tabId: number | null; message: unknown }> = [];
  const deliver = (message: unknown, sender: unknown) =>
    new Promise<unknown>((resolve) => {
      let waiting = false;
      for (const listener of listeners) if (listener(structuredClone(message), sender, resolve) === true) waiting = true;
      if (!waiting) resolve(undefined);
    });
  // Messages the next sends lose, as Chrome does when the worker stops while answering.
  const lost = { count: 0 };
  return { listeners, sent, deliver, lost };
});

const TAB = { id: 7, url: 'https://www.upwork.com/jobs/~022052895097657407455', windowId: 3 };

vi.mock('wxt/browser', () => ({
  browser: {
    runtime: {
      id: 'ext' as string | undefined,
      // As from a content script in tab 7: the sender names the tab and the frame.
      sendMessage: (message: unknown) => {
        runtime.sent.push({ tabId: null, message });
        if (runtime.lost.count-- > 0)
          return Promise.reject(
            new Error('A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received'),
          );
        return runtime.deliver(message, { id: 'ext', frameId: 0, url: TAB.url, tab: TAB });
      },
      onMessage: { addListener: (listener: Listener) => runtime.listeners.push(listener) },
    },
    tabs: {
      sendMessage: (tabId: number, message: unknown) => {
        runtime.sent.push({ tabId, message });
        return runtime.deliver(message, { id: 'ext' });
      },
    },
  },
}));

beforeEach(() => void runtime.sent.splice(0));

describe('the message protocol', async () => {
  const protocol = await import('@/utils/messaging/transport');

  it("answers with the handler's value or its error, and tells the handler who sent it", async () => {
    const view = { word: 'Good', tone: 'good', detail: 'score 80', clientKnown: true, hidden: null } as const;
    const senders: unknown[] = [];
    protocol.onMessage('tiles', ({ data, sender }) => {
      senders.push(sender.tab);
      return { show: true, views: Object.fromEntries(data.tiles.map((t) => [t.ciphertext, view])) };
    });
    const tile = { ciphertext: '~022052895097657407455', title: 'Job', paymentVerified: true, totalSpent: null, rating: null, country: null, proposals: null };
    await expect(protocol.sendMessage('tiles', { tiles: [tile], missing: {} })).resolves.toEqual({
      show: true,
      views: { '~022052895097657407455': view },
    });
    expect(senders).toEqual([TAB]);
    protocol.onMessage('openJob', async () => {
      throw new Error('No tab to show it in');
    });
    await expect(protocol.sendMessage('openJob', { ciphertext: '~022052895097657407455' })).rejects.toThrow('No tab to show it in');
  });

  it('sends to a tab when given its id, and ignores messages that are not of the protocol or of no handled type', async () => {
    const page: PageRead = {
      url: 'https://www.upwork.com/nx/find-work/',
      ciphertext: null,
      strategy: null,
      nuxt: null,
      viewerState: null,
      client: null,
      otherJobs: [],
      openJobs: [],
      text: null,
      design: null,
    };
    protocol.onMessage('readPage', () => page);
    await expect(protocol.sendToTab(7, 'readPage', undefined)).resolves.toEqual(page);
    expect(runtime.sent.at(-1)).toMatchObject({ tabId: 7, message: { type: 'readPage' } });
    await expect(runtime.deliver({ type: 'readPage' }, {})).resolves.toBeUndefined();
    await expect(runtime.deliver({ type: 'somethingElse', timestamp: 1 }, {})).resolves.toBeUndefined();
    await expect(protocol.sendMessage('unblock', { id: 'x' })).rejects.toThrow('No response');
  });

  it('a message lost while the worker restarts is sent once more: the tiles get their badges; a second loss is said', async () => {
    protocol.onMessage('tiles', () => ({ show: true, views: {} }));
    runtime.lost.count = 1;
    await expect(protocol.sendMessage('tiles', { tiles: [], missing: {} })).resolves.toEqual({ show: true, views: {} });
    expect(runtime.sent.filter((s) => (s.message as { type: string }).type === 'tiles')).toHaveLength(2);
    runtime.lost.count = 2;
    await expect(protocol.sendMessage('tiles', { tiles: [], missing: {} })).rejects.toThrow('message channel closed');
    runtime.lost.count = 0;
  });

  it("ends the script's lifetime once the extension is gone (reloaded, updated or removed), so its observers stop", async () => {
    const { browser } = await import('wxt/browser');
    expect(protocol.contentLife.aborted).toBe(false);
    Object.assign(browser.runtime, { id: undefined });
    await protocol.sendMessage('openJob', { ciphertext: '~022052895097657407455' }).catch(() => undefined);
    expect(protocol.contentLife.aborted).toBe(true);
  });
});
