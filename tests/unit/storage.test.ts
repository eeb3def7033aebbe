import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { keysItem, readChecked, TabStateSchema, tabStateKey, updateStored } from '@/utils/storage';

beforeEach(() => fakeBrowser.reset());

describe('stored values', () => {
  it('changes landing together are applied one after another, none lost', async () => {
    const counter = z.object({ count: z.number() });
    await Promise.all(Array.from({ length: 20 }, () => updateStored('local:counter', counter, (seen) => ({ count: (seen?.count ?? 0) + 1 }))));
    expect(await storage.getItem('local:counter')).toEqual({ count: 20 });
  });

  it('a corrupted tab state reads as missing and is removed, leaving the rest alone', async () => {
    await storage.setItem(tabStateKey(1), { status: 'ready', url: 42 });
    await keysItem.setValue({ uphunt: 'sk_uphunt_x', mindcase: '' });
    expect(await readChecked(tabStateKey(1), TabStateSchema)).toBeNull();
    expect(await storage.getItem(tabStateKey(1))).toBeNull();
    expect(await keysItem.getValue()).toEqual({ uphunt: 'sk_uphunt_x', mindcase: '' });
  });

  it('keys default to empty strings before the user saves any', async () => {
    expect(await keysItem.getValue()).toEqual({ uphunt: '', mindcase: '' });
  });
});
