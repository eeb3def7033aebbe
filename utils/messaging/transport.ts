/**
 * The one message transport between the extension's contexts (the messages in messages.ts): `{ id, type, data,
 * timestamp }` answered by `{ res }` or `{ err: { message } }`. Written here rather than taken from a library,
 * because the content script runs in every Upwork tab within 12 KB; every context uses this same file.
 */
import { browser } from 'wxt/browser';
import type { AnswerOf, DataOf, MessageType as Type, SentOf } from './messages';
import type { Sender } from './sender';

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

/**
 * A message lost because the worker stopped while answering it (Chrome starts a new one for the next message), or
 * before its listeners were back: sent once more. Every message the background answers may come twice (the
 * handlers are idempotent: an application per job, a block per id, a look-up per tab).
 */
const LOST = /No response|closed before|Receiving end|establish connection/;

/** To the background (from the content script or an extension page). */
export async function sendMessage<K extends Type>(type: K, data: SentOf<K>): Promise<AnswerOf<K>> {
  // The send below then fails as the browser words it ("Extension context invalidated").
  if (!browser.runtime?.id) life.abort();
  const send = async () => answer<K>(await browser.runtime.sendMessage(envelope(type, data)));
  return send().catch((error: unknown) => (LOST.test(String(error)) ? send() : Promise.reject(error)));
}

/** From the background to a tab's content script. */
export async function sendToTab<K extends Type>(tabId: number, type: K, data: SentOf<K>): Promise<AnswerOf<K>> {
  return answer<K>(await browser.tabs.sendMessage(tabId, envelope(type, data)));
}

const envelope = (type: Type, data: unknown) => ({ id: nextId++, type, data, timestamp: Date.now() });

function answer<K extends Type>(reply: Reply | undefined): AnswerOf<K> {
  if (!reply) throw new Error('No response');
  // Both ends are this file: an error's message is always a string.
  if (reply.err != null) throw new Error(String(reply.err.message));
  return reply.res as AnswerOf<K>;
}

export type MessageSender = Sender & { tab?: { id?: number; url?: string; windowId?: number } };
type Handler = (message: { data: unknown; sender: MessageSender }) => unknown;
const handlers = new Map<string, Handler>();

/** Answers one type of message in this context; anything not of the protocol, or of another type, is left alone. */
export function onMessage<K extends Type>(type: K, handler: (message: { data: DataOf<K>; sender: MessageSender }) => AnswerOf<K> | Promise<AnswerOf<K>>): void {
  if (handlers.size === 0) {
    browser.runtime.onMessage.addListener((message: unknown, sender: unknown, sendResponse: (reply: Reply) => void) => {
      const { type: name, timestamp, data } = (message ?? {}) as { type?: unknown; timestamp?: unknown; data?: unknown };
      const handle = typeof name === 'string' && typeof timestamp === 'number' ? handlers.get(name) : undefined;
      if (!handle) return false;
      Promise.resolve()
        .then(() => handle({ data, sender: sender as MessageSender }))
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
