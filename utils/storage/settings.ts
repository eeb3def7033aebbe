/**
 * A settings item: one fixed value with a default, read through its schema, with @wxt-dev/storage's versions
 * and migrations. A stored value that does not fit keeps each field that does and takes the default for the
 * others (a broken cap does not cost the user their templates); the repair is written back and counted.
 */
import { storage } from 'wxt/utils/storage';
import type * as z from 'zod/mini';
import { serialUpdates } from '../serial';
import { countIncident, storageResets, type Followable } from './stored';

export interface SettingsItem<T> extends Followable<T> {
  key: string;
  fallback: T;
  setValue(value: T): Promise<void>;
  /** One change at a time (serialUpdates): two changes landing together both stay (two quick hides, say). */
  update(change: (value: T) => T): Promise<void>;
  removeValue(): Promise<void>;
  /** Runs the migrations again (they run by themselves when the item is defined); for tests. */
  migrate(): Promise<void>;
}

export function defineSettings<S extends z.ZodMiniObject>(
  key: `local:${string}` | `sync:${string}`,
  schema: S,
  fallback: z.output<S>,
  options: { version: number; migrations?: Record<number, (old: unknown) => unknown> },
): SettingsItem<z.output<S>> {
  type T = z.output<S>;
  const item = storage.defineItem<T>(key, { fallback, ...options });
  const repair = (raw: unknown): { value: T; broken: boolean } => {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return { value: parsed.data, broken: false };
    const stored = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
    const fields = Object.entries(schema.shape as Record<string, z.ZodMiniType>).map(([field, fieldSchema]) => {
      const kept = fieldSchema.safeParse(stored[field]);
      return [field, kept.success ? kept.data : (fallback as Record<string, unknown>)[field]];
    });
    return { value: Object.fromEntries(fields) as T, broken: true };
  };
  const getValue = async (): Promise<T> => {
    const { value, broken } = repair(await item.getValue());
    if (broken) {
      console.warn(`Repaired a stored value that did not fit its schema: ${key}`);
      await item.setValue(value);
      await countIncident(storageResets, key);
    }
    return value;
  };
  const serial = serialUpdates(
    async () => ({ value: await getValue() }),
    (box) => item.setValue(box.value),
  );
  return {
    key,
    fallback,
    getValue,
    setValue: (value) => item.setValue(value),
    update: (change) =>
      serial((box) => {
        box.value = change(box.value);
      }),
    removeValue: () => item.removeValue(),
    onChange: (callback) => item.watch((raw) => callback(repair(raw).value)),
    migrate: () => item.migrate(),
  };
}
