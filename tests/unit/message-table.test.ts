import { describe, expect, it } from 'vitest';
import { RefusedMessage, serveMessages, type Handlers, type MessageEnv } from '@/utils/messaging/table';

const ID = 'ext-id';
const ORIGIN = 'chrome-extension://ext-id/';
const fromPanel = { id: ID, url: `${ORIGIN}sidepanel.html` };
const fromUpwork = {
  id: ID,
  url: 'https://www.upwork.com/jobs/~022051005096520707758',
  frameId: 0,
  tab: { id: 7, url: 'https://www.upwork.com/jobs/~022051005096520707758', windowId: 3 },
};

function serve(table: Partial<Handlers>) {
  const handlers = new Map<string, (m: { data: unknown; sender: object }) => Promise<unknown>>();
  const refused: string[] = [];
  const env: MessageEnv = {
    extensionId: ID,
    extensionOrigin: ORIGIN,
    listen: (type, handler) => void handlers.set(type, handler as never),
    refused: (type, reason) => void refused.push(`${type} ${reason}`),
  };
  serveMessages(table as Handlers, env);
  return { send: (type: string, data: unknown, sender: object) => handlers.get(type)!({ data, sender }), refused };
}

describe('the message table', () => {
  it("lets in what the message's definition allows, with the tab it came from, and refuses and counts everything else the same way", async () => {
    const seen: unknown[] = [];
    const { send, refused } = serve({
      openJob: async (data, origin) => void seen.push([data, origin]),
      undoApplication: async () => true,
    });
    await send('openJob', { ciphertext: '~022051005096520707758' }, fromUpwork);
    expect(seen).toEqual([[{ ciphertext: '~022051005096520707758' }, { tabId: 7, windowId: 3, url: 'https://www.upwork.com/jobs/~022051005096520707758' }]]);
    await expect(send('undoApplication', { id: 'a' }, fromPanel)).resolves.toBe(true);

    // A page of another site, a subframe, our own page posing as a tab, a message of the wrong shape.
    await expect(
      send('openJob', { ciphertext: 'x' }, { ...fromUpwork, url: 'https://evil.example/', tab: { id: 7, url: 'https://evil.example/' } }),
    ).rejects.toBeInstanceOf(RefusedMessage);
    await expect(send('openJob', { ciphertext: 'x' }, { ...fromUpwork, frameId: 3 })).rejects.toThrow('Refused: not sent by this extension.');
    await expect(send('undoApplication', { id: 'a' }, fromUpwork)).rejects.toThrow('Refused: not sent by this extension.');
    await expect(send('undoApplication', { id: 42 }, fromPanel)).rejects.toThrow('Refused: the message did not have the expected shape.');
    expect(refused).toEqual(['openJob sender', 'openJob sender', 'undoApplication sender', 'undoApplication shape']);
    expect(seen).toHaveLength(1);
  });
});
