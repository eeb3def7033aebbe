/**
 * The storage idioms: one stored value (defineStored) and a family of them, one per id (defineFamily). Every
 * value read back is checked by its schema (a corrupt one reads as missing, is dropped and counted), and every
 * change goes through the one serialized update. Features declare their own values in their folders.
 */
import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { serialUpdates } from '../serial';

export type StoredKey = `local:${string}` | `session:${string}`;

/** A value the UI can follow: read it, then be told of each change. */
export interface Followable<T> {
  getValue(): Promise<T>;
  /** Tells each change (not the value now: see follow); answers the way to stop. */
  onChange(callback: (value: T) => void): () => void;
}

export interface Stored<T> extends Followable<T | null> {
  key: StoredKey;
  schema: z.ZodMiniType<T>;
  setValue(value: T): Promise<void>;
  /** One change at a time (serialUpdates): changes landing together (requests finishing at once) all stay. */
  update(change: (current: T | null) => T): Promise<void>;
  removeValue(): Promise<void>;
}

/** Reads the value now, then follows it; answers the way to stop. */
export function follow<T>(item: Followable<T>, callback: (value: T) => void): () => void {
  let stopped = false;
  void item.getValue().then((value) => !stopped && callback(value));
  const stop = item.onChange(callback);
  return () => {
    stopped = true;
    stop();
  };
}

const updaters = new Map<string, ReturnType<typeof serialUpdates<{ value: unknown }>>>();

export function defineStored<S extends z.ZodMiniType>(key: StoredKey, schema: S): Stored<z.output<S>> {
  type T = z.output<S>;
  const fit = (raw: unknown): T | null => {
    const parsed = schema.safeParse(raw);
    return parsed.success ? parsed.data : null;
  };
  const getValue = async (): Promise<T | null> => {
    const raw = await storage.getItem<unknown>(key);
    if (raw === null || raw === undefined) return null;
    const value = fit(raw);
    if (value !== null) return value;
    // A value from an older version or a corrupted write: drop it rather than let it break every reader.
    console.warn(`Dropped a stored value that no longer fits its schema: ${key}`);
    await storage.removeItem(key);
    await countIncident(storageResets, key);
    return null;
  };
  return {
    key,
    schema: schema as z.ZodMiniType<T>,
    getValue,
    setValue: (value) => storage.setItem(key, value),
    removeValue: () => storage.removeItem(key),
    // The UI reads; a value that does not fit shows as missing (the next background read drops it).
    onChange: (callback) => storage.watch<unknown>(key, (raw) => callback(fit(raw))),
    update: (change) => {
      // One updater per key, shared by every item declared for it (a family's items are made on demand).
      let update = updaters.get(key);
      if (!update) {
        update = serialUpdates(
          async () => ({ value: await getValue() }),
          (box) => storage.setItem(key, box.value),
        );
        updaters.set(key, update);
      }
      return update((box) => {
        box.value = change(box.value as T | null);
      }).catch(() => undefined);
    },
  };
}

/** A family of stored values, one per id (a tab, a job, a client), each read through the family's schema. */
export interface Family<T> {
  key(id: string | number): StoredKey;
  item(id: string | number): Stored<T>;
  get(id: string | number): Promise<T | null>;
  set(id: string | number, value: T): Promise<void>;
  remove(id: string | number): Promise<void>;
  update(id: string | number, change: (current: T | null) => T): Promise<void>;
  /** Every value of the family that fits its schema, by id (a worker starting again picks up each tab's). */
  all(): Promise<Array<{ id: string; value: T }>>;
}

export function defineFamily<S extends z.ZodMiniType>(prefix: StoredKey, schema: S): Family<z.output<S>> {
  const key = (id: string | number) => `${prefix}:${id}` as const;
  const item = (id: string | number) => defineStored(key(id), schema);
  return {
    key,
    item,
    get: (id) => item(id).getValue(),
    set: (id, value) => item(id).setValue(value),
    remove: (id) => item(id).removeValue(),
    update: (id, change) => item(id).update(change),
    all: async () => {
      const [area, name] = prefix.split(':') as ['local' | 'session', string];
      const stored = await storage.snapshot(area);
      return Object.entries(stored).flatMap(([key, raw]) => {
        const parsed = key.startsWith(`${name}:`) ? schema.safeParse(raw) : null;
        return parsed?.success ? [{ id: key.slice(name.length + 1), value: parsed.data as z.output<S> }] : [];
      });
    },
  };
}

/** Stored values found unreadable and reset, and errors the background did not expect: Options → Diagnostics. */
export const IncidentSchema = z.object({ count: z.number(), lastAt: z.number(), last: z.string() });
export type Incident = z.output<typeof IncidentSchema>;
export const storageResets = defineStored('local:storage-resets', IncidentSchema);

export function countIncident(item: Stored<Incident>, last: string): Promise<void> {
  return item.update((seen) => ({ count: (seen?.count ?? 0) + 1, lastAt: Date.now(), last }));
}
