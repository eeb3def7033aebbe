import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { keysItem, readChecked, TabStateSchema, tabStateKey } from '@/utils/storage';

beforeEach(() => fakeBrowser.reset());

describe('stored values', () => {
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
