import { describe, expect, it } from 'vitest';
import { serialUpdates } from '@/utils/serial';

/** A stored value whose reads and writes take a turn of the event loop, as storage's do. */
function slowStore<V>(initial: V) {
  let stored = initial;
  const writes: V[] = [];
  return {
    read: () => new Promise<V>((resolve) => setTimeout(() => resolve(structuredClone(stored)), 0)),
    write: (value: V) =>
      new Promise<void>((resolve) =>
        setTimeout(() => {
          stored = value;
          writes.push(value);
          resolve();
        }, 0),
      ),
    get: () => stored,
    writes,
  };
}

describe('serialUpdates: one change at a time to a stored value', () => {
  it('loses none of many changes landing together', async () => {
    const store = slowStore({ count: 0 });
    const update = serialUpdates(store.read, store.write);
    await Promise.all(Array.from({ length: 20 }, () => update((v) => void (v.count += 1))));
    expect(store.get().count).toBe(20);
  });

  it('rejects a failing change to its own caller, writes nothing of it, and goes on with the next', async () => {
    const store = slowStore({ items: ['a'] });
    const update = serialUpdates(store.read, store.write);
    const failing = update((v) => {
      v.items.push('half');
      throw new Error('broken answer');
    });
    const next = update((v) => {
      v.items.push('b');
      return v.items.length;
    });
    await expect(failing).rejects.toThrow('broken answer');
    await expect(next).resolves.toBe(2);
    expect(store.get().items).toEqual(['a', 'b']);
    expect(store.writes).toHaveLength(1);
  });
});
