/**
 * The background's one message table: each message the background answers declares who may send it, the zod
 * schema its data must fit, and its handler. One refusal shape for all: the message is dropped, counted
 * (Options → Diagnostics), and the sender gets an error that says why.
 */
import type * as z from 'zod/mini';
import type { ProtocolMap } from './messaging';
import { fromExtensionPage, fromUpworkTab, type Sender } from './sender';

type Type = keyof ProtocolMap;
type DataOf<K extends Type> = Parameters<ProtocolMap[K]>[0];
type ReturnOf<K extends Type> = Awaited<ReturnType<ProtocolMap[K]>>;

/** Who sent a message that was let in. */
export interface Origin {
  /** The Upwork tab whose content script sent it (null for extension pages). */
  tabId: number | null;
  windowId: number | null;
  /** The page the sender is on (the Upwork page, for a content script): the background names its kind from it. */
  url: string | null;
}

export interface Route<K extends Type> {
  /** `extension`: our own pages (panel, popup, Options); `upwork-tab`: our content script in an Upwork tab's top frame. */
  from: 'extension' | 'upwork-tab';
  /** Absent for messages without data. */
  schema?: z.ZodMiniType<DataOf<K>>;
  handle: (data: DataOf<K>, origin: Origin) => Promise<ReturnOf<K>>;
}

/** Only the messages the background answers (readPage and tileKnown go the other way). */
export type MessageTable = { [K in Exclude<Type, 'readPage' | 'tileKnown'>]: Route<K> };

export interface MessageEnv {
  extensionId: string;
  extensionOrigin: string;
  listen: <K extends Type>(type: K, handler: (message: { data: DataOf<K>; sender: Sender & { tab?: { windowId?: number } } }) => Promise<ReturnOf<K>>) => void;
  /** Counts a refused message (Options → Diagnostics). */
  refused: (type: string, reason: 'sender' | 'shape') => void;
}

export class RefusedMessage extends Error {
  constructor(readonly reason: 'sender' | 'shape') {
    super(reason === 'sender' ? 'Refused: not sent by this extension.' : 'Refused: the message did not have the expected shape.');
    this.name = 'RefusedMessage';
  }
}

/** Checks a message against its route: who sent it and what it holds. */
export function admit<K extends Type>(
  type: K,
  route: Route<K>,
  message: { data: unknown; sender: Sender & { tab?: { windowId?: number } } },
  env: Pick<MessageEnv, 'extensionId' | 'extensionOrigin'>,
): { data: DataOf<K>; origin: Origin } | RefusedMessage {
  const { sender } = message;
  let tabId: number | null = null;
  if (route.from === 'upwork-tab') {
    tabId = fromUpworkTab(sender, env.extensionId);
    if (tabId === null) return new RefusedMessage('sender');
  } else if (!fromExtensionPage(sender, env.extensionId, env.extensionOrigin)) return new RefusedMessage('sender');
  let data = message.data as DataOf<K>;
  if (route.schema) {
    const parsed = route.schema.safeParse(message.data);
    if (!parsed.success) return new RefusedMessage('shape');
    data = parsed.data;
  }
  return { data, origin: { tabId, windowId: sender.tab?.windowId ?? null, url: sender.url ?? sender.tab?.url ?? null } };
}

export function serveMessages(table: MessageTable, env: MessageEnv): void {
  for (const type of Object.keys(table) as Array<keyof MessageTable>) {
    const route = table[type] as Route<typeof type>;
    env.listen(type, async (message) => {
      const admitted = admit(type, route, message, env);
      if (admitted instanceof RefusedMessage) {
        env.refused(type, admitted.reason);
        throw admitted;
      }
      return route.handle(admitted.data, admitted.origin);
    });
  }
}
