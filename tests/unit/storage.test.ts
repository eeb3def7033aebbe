import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import {
  applySettingsItem,
  enrichSettingsItem,
  hiddenCounts,
  keysItem,
  lastProfileItem,
  readChecked,
  restrictStorageAccess,
  storageResetsKey,
  TabStateSchema,
  tabStates,
  updateStored,
} from '@/utils/storage';
import { DEFAULT_TEMPLATES } from '@/utils/apply/application';

beforeEach(() => fakeBrowser.reset());

describe('who may read the stored keys', () => {
  it('restricts every area the browser lets it restrict to the extension itself (Chrome), leaves the others (Firefox), and never throws', async () => {
    const asked: string[] = [];
    const chromeArea = { setAccessLevel: async ({ accessLevel }: { accessLevel: string }) => void asked.push(accessLevel) };
    const refusing = { setAccessLevel: () => Promise.reject(new Error('Access level is not supported for this area')) };
    const throwing = {
      setAccessLevel: () => {
        throw new TypeError('Invalid accessLevel');
      },
    };
    expect(
      await restrictStorageAccess({ local: chromeArea, sync: chromeArea, session: refusing, other: throwing, firefoxLocal: {}, absent: undefined }),
    ).toEqual(['local', 'sync']);
    expect(asked).toEqual(['TRUSTED_CONTEXTS', 'TRUSTED_CONTEXTS']);
  });
});

describe('stored values', () => {
  it('changes landing together are applied one after another, none lost', async () => {
    const counter = z.object({ count: z.number() });
    await Promise.all(Array.from({ length: 20 }, () => updateStored('local:counter', counter, (seen) => ({ count: (seen?.count ?? 0) + 1 }))));
    expect(await storage.getItem('local:counter')).toEqual({ count: 20 });
  });

  it('a corrupted tab state reads as missing and is removed, leaving the rest alone', async () => {
    await storage.setItem(tabStates.key(1), { status: 'ready', url: 42 });
    await storage.setItem(tabStates.key(2), { status: 'ready', url: 43 });
    await keysItem.setValue({ uphunt: 'sk_uphunt_x', mindcase: '' });
    expect(await readChecked(tabStates.key(1), TabStateSchema)).toBeNull();
    expect(await storage.getItem(tabStates.key(1))).toBeNull();
    // Read as one of its family, the same: dropped, and counted.
    expect(await tabStates.get(2)).toBeNull();
    expect(await storage.getItem(tabStates.key(2))).toBeNull();
    expect(await storage.getItem(storageResetsKey)).toMatchObject({ count: 2 });
    expect(await keysItem.getValue()).toEqual({ uphunt: 'sk_uphunt_x', mindcase: '' });
  });

  it("a family's values are kept apart by id, and changes to one land one after another", async () => {
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        hiddenCounts.update(i % 2, (seen) => ({ url: 'https://www.upwork.com/nx/find-work/', byJob: { ...seen?.byJob, [`~02${i}`]: 'payment not verified' } })),
      ),
    );
    expect(Object.keys((await hiddenCounts.get(0))!.byJob)).toEqual(['~020', '~022', '~024', '~026', '~028']);
    expect(Object.keys((await hiddenCounts.get(1))!.byJob)).toHaveLength(5);
    await hiddenCounts.remove(0);
    expect(await hiddenCounts.get(0)).toBeNull();
  });

  it('keys default to empty strings before the user saves any', async () => {
    expect(await keysItem.getValue()).toEqual({ uphunt: '', mindcase: '' });
  });
});

describe('migrations', () => {
  const v1 = { undoSeconds: 5, recentClientDays: 14, lastProfileId: '1700000000000000002', templates: DEFAULT_TEMPLATES, defaultTemplateId: 'default' };

  it('apply settings v1 → v2: the last freelancer used moves to its own item, every setting is kept', async () => {
    await fakeBrowser.storage.local.set({ 'apply-settings': v1, 'apply-settings$': { v: 1 } });
    await applySettingsItem.migrate();
    expect(await applySettingsItem.getValue()).toEqual({ undoSeconds: 5, recentClientDays: 14, templates: DEFAULT_TEMPLATES, defaultTemplateId: 'default' });
    expect(await lastProfileItem.getValue()).toBe('1700000000000000002');
    expect(await fakeBrowser.storage.local.get('apply-settings$')).toEqual({ 'apply-settings$': { v: 2 } });
    expect(await storage.getItem(storageResetsKey)).toBeNull();
  });

  it('apply settings v1 → v2 for a user who never applied: nothing to move', async () => {
    await fakeBrowser.storage.local.set({ 'apply-settings': { ...v1, lastProfileId: null }, 'apply-settings$': { v: 1 } });
    await applySettingsItem.migrate();
    expect((await applySettingsItem.getValue()).undoSeconds).toBe(5);
    expect(await lastProfileItem.getValue()).toBeNull();
  });
});

describe('a corrupted settings value', () => {
  it('keeps each field that fits, takes the default for the others, writes the repair back and counts it', async () => {
    await storage.setItem('local:keys', { uphunt: 'sk_uphunt_kept', mindcase: 42 });
    await enrichSettingsItem.setValue({ autoEnrich: true, monthlyCapUsd: 12 });
    expect(await keysItem.getValue()).toEqual({ uphunt: 'sk_uphunt_kept', mindcase: '' });
    expect(await storage.getItem('local:keys')).toEqual({ uphunt: 'sk_uphunt_kept', mindcase: '' });
    expect(await storage.getItem(storageResetsKey)).toMatchObject({ count: 1, last: 'local:keys' });
    // The rest is left alone.
    expect(await enrichSettingsItem.getValue()).toEqual({ autoEnrich: true, monthlyCapUsd: 12 });
  });

  it('a wrong type never reads as "on": auto-enrich, which spends money, falls back to off', async () => {
    await storage.setItem('local:enrich-settings', { autoEnrich: 'yes', monthlyCapUsd: 7 });
    expect(await enrichSettingsItem.getValue()).toEqual({ autoEnrich: false, monthlyCapUsd: 7 });
  });

  it('a value that is not even an object reads as the defaults', async () => {
    await storage.setItem('local:apply-settings', 'garbage');
    expect(await applySettingsItem.getValue()).toEqual(applySettingsItem.fallback);
  });
});
