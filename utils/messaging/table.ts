/**
 * The background's one message table: each message the background answers is let in by its definition
 * (messages.ts: who may send it, the schema its data must fit) and answered by the handler its feature
 * registered. One refusal shape for all: the message is dropped, counted (Options → Diagnostics), and the sender
 * gets an error that says why.
 */
import { MESSAGES, type AnswerOf, type BackgroundType, type DataOf } from './messages';
import { fromExtensionPage, fromUpworkTab, type Sender } from './sender';

/** Who sent a message that was let in. */
export interface Origin {
  /** The Upwork tab whose content script sent it (null for extension pages). */
  tabId: number | null;
  windowId: number | null;
  /** The page the sender is on (the Upwork page, for a content script): the background names its kind from it. */
  url: string | null;
}

export type Handler<K extends BackgroundType> = (data: DataOf<K>, origin: Origin) => Promise<AnswerOf<K>> | AnswerOf<K>;
/** A feature's handlers (its background.ts); the entrypoint serves them all together, none missing. */
export type Handlers<K extends BackgroundType = BackgroundType> = { [P in K]: Handler<P> };

type Message = { data: unknown; sender: Sender & { tab?: { windowId?: number } } };

export interface MessageEnv {
  extensionId: string;
  extensionOrigin: string;
  listen: (type: BackgroundType, handler: (message: Message) => Promise<unknown>) => void;
  /** Counts a refused message (Options → Diagnostics). */
  refused: (type: string, reason: 'sender' | 'shape') => void;
}

export class RefusedMessage extends Error {
  constructor(readonly reason: 'sender' | 'shape') {
    super(reason === 'sender' ? 'Refused: not sent by this extension.' : 'Refused: the message did not have the expected shape.');
    this.name = 'RefusedMessage';
  }
}

/** Checks a message against its definition: who sent it and what it holds. */
export function admit(
  type: BackgroundType,
  message: Message,
  env: Pick<MessageEnv, 'extensionId' | 'extensionOrigin'>,
): { data: unknown; origin: Origin } | RefusedMessage {
  const { from, schema } = MESSAGES[type];
  const { sender } = message;
  let tabId: number | null = null;
  if (from === 'upwork-tab') {
    tabId = fromUpworkTab(sender, env.extensionId);
    if (tabId === null) return new RefusedMessage('sender');
  } else if (!fromExtensionPage(sender, env.extensionId, env.extensionOrigin)) return new RefusedMessage('sender');
  let data = message.data;
  if (schema) {
    const parsed = schema.safeParse(message.data);
    if (!parsed.success) return new RefusedMessage('shape');
    data = parsed.data;
  }
  return { data, origin: { tabId, windowId: sender.tab?.windowId ?? null, url: sender.url ?? sender.tab?.url ?? null } };
}

export function serveMessages(handlers: Handlers, env: MessageEnv): void {
  for (const type of Object.keys(handlers) as BackgroundType[]) {
    const handle = handlers[type] as (data: unknown, origin: Origin) => unknown;
    env.listen(type, async (message) => {
      const admitted = admit(type, message, env);
      if (admitted instanceof RefusedMessage) {
        env.refused(type, admitted.reason);
        throw admitted;
      }
      return handle(admitted.data, admitted.origin);
    });
  }
}
