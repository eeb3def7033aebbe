/**
 * The content script's end of the protocol in messaging.ts. It speaks @webext-core/messaging's wire format
 * (`{ id, type, data, timestamp }` answered by `{ res }` or `{ err }`), so the background and the extension
 * pages keep that library, but in a fraction of its size: the content script runs in every Upwork tab and
 * its budget is 15 KB (#6). tests/unit/content-messaging.test.ts checks it against the library itself.
 */
import { browser } from 'wxt/browser';
import type { ProtocolMap } from './messaging';

type Type = keyof ProtocolMap;
type DataOf<K extends Type> = Parameters<ProtocolMap[K]>[0];
type ReturnOf<K extends Type> = Awaited<ReturnType<ProtocolMap[K]>>;

interface Reply {
  res?: unknown;
  err?: { message?: unknown } | null;
}

let nextId = Math.floor(Math.random() * 10_000);

const life = new AbortController();
/**
 * The content script's lifetime: it ends when the extension that injected it is reloaded, updated or removed
 * (its runtime is gone), so that a tab left open stops observing the page for an extension that can't answer.
 */
export const contentLife: AbortSignal = life.signal;

export async function sendToBackground<K extends Type>(type: K, ...args: DataOf<K> extends undefined ? [] : [data: DataOf<K>]): Promise<ReturnOf<K>> {
  // The send below then fails as the browser words it ("Extension context invalidated").
  if (!browser.runtime?.id) life.abort();
  const reply = (await browser.runtime.sendMessage({ id: nextId++, type, data: args[0], timestamp: Date.now() })) as Reply | undefined;
  if (!reply) throw new Error('No response');
  if (reply.err != null) throw new Error(typeof reply.err.message === 'string' ? reply.err.message : 'The background failed');
  return reply.res as ReturnOf<K>;
}

type Handler = (message: { data: unknown }) => unknown;
const handlers = new Map<string, Handler>();

export function onBackgroundMessage<K extends Type>(type: K, handler: (message: { data: DataOf<K> }) => ReturnOf<K> | Promise<ReturnOf<K>>): void {
  if (handlers.size === 0) {
    browser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: (reply: Reply) => void) => {
      const { type: name, timestamp } = (message ?? {}) as { type?: unknown; timestamp?: unknown };
      const handle = typeof name === 'string' && typeof timestamp === 'number' ? handlers.get(name) : undefined;
      if (!handle) return false;
      Promise.resolve()
        .then(() => handle(message as { data: unknown }))
        .then(
          (res) => sendResponse({ res }),
          (error: unknown) => sendResponse({ err: { message: error instanceof Error ? error.message : String(error) } }),
        );
      // Chrome keeps the channel open for an answer given later only when the listener returns true.
      return true;
    });
  }
  handlers.set(type, handler as Handler);
}
