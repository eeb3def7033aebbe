/**
 * One change at a time to a value kept elsewhere (in storage): each change reads what the one before wrote, so
 * changes landing together (requests finishing at once, two messages) never overwrite each other. A change
 * that throws rejects its own caller and writes nothing; the changes after it go on.
 */
export function serialUpdates<V>(read: () => Promise<V>, write: (value: V) => Promise<void>) {
  let chain: Promise<unknown> = Promise.resolve();
  return <T>(change: (value: V) => T | Promise<T>): Promise<T> => {
    const next = chain.then(async () => {
      // A copy: a change that throws half-way leaves nothing half-changed for the next reader.
      const value = structuredClone(await read());
      const result = await change(value);
      await write(value);
      return result;
    });
    chain = next.catch(() => undefined);
    return next;
  };
}
