import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { applySettingsItem, lastProfile } from '@/utils/apply/stored';
import { enrichSettingsItem } from '@/utils/enrichment/stored';
import { hiddenCounts } from '@/utils/lists/stored';
import { keysItem } from '@/utils/keys';
import { restrictStorageAccess } from '@/utils/storage/access';
import { defineStored, follow, storageResets } from '@/utils/storage/stored';
import { tabStates } from '@/utils/client/stored';
import { DEFAULT_TEMPLATES } from '@/utils/apply/proposal';

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
    const counter = defineStored('local:counter', z.object({ count: z.number() }));
    // Two items declared for one key (as a family's are, made on demand) share its one serialized update.
    const again = defineStored('local:counter', z.object({ count: z.number() }));
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? counter : again).update((seen) => ({ count: (seen?.count ?? 0) + 1 }))));
    expect(await storage.getItem('local:counter')).toEqual({ count: 20 });
  });

  it('a corrupted tab state reads as missing and is removed, leaving the rest alone', async () => {
    await storage.setItem(tabStates.key(1), { status: 'ready', url: 42 });
    await storage.setItem(tabStates.key(2), { status: 'ready', url: 43 });
    await keysItem.setValue({ uphunt: 'sk_uphunt_x', mindcase: '' });
    expect(await tabStates.get(1)).toBeNull();
    expect(await storage.getItem(tabStates.key(1))).toBeNull();
    // Read as one of its family, the same: dropped, and counted.
    expect(await tabStates.get(2)).toBeNull();
    expect(await storage.getItem(tabStates.key(2))).toBeNull();
    expect(await storageResets.getValue()).toMatchObject({ count: 2 });
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
    // A worker starting again finds every tab's value, and only those that fit (not another family's, not a broken one).
    await storage.setItem('session:hidden-extra', { url: 'x', byJob: {} });
    await storage.setItem('session:hidden:7', { url: 42 });
    expect((await hiddenCounts.all()).map(({ id }) => id)).toEqual(['1']);
  });

  it('a followed value is read once, then each change is told, and a value that does not fit is told as missing', async () => {
    const seen: Array<number | null> = [];
    const scale = defineStored('local:timing-scale-test', z.number());
    await scale.setValue(1);
    const stop = follow(scale, (value) => seen.push(value));
    await vi.waitFor(() => expect(seen).toEqual([1]));
    await scale.setValue(0.5);
    await storage.setItem('local:timing-scale-test', 'fast');
    await vi.waitFor(() => expect(seen).toEqual([1, 0.5, null]));
    stop();
    await scale.setValue(2);
    expect(seen).toEqual([1, 0.5, null]);
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
    expect(await lastProfile.getValue()).toBe('1700000000000000002');
    expect(await fakeBrowser.storage.local.get('apply-settings$')).toEqual({ 'apply-settings$': { v: 2 } });
    expect(await storageResets.getValue()).toBeNull();
  });

  it('apply settings v1 → v2 for a user who never applied: nothing to move', async () => {
    await fakeBrowser.storage.local.set({ 'apply-settings': { ...v1, lastProfileId: null }, 'apply-settings$': { v: 1 } });
    await applySettingsItem.migrate();
    expect((await applySettingsItem.getValue()).undoSeconds).toBe(5);
    expect(await lastProfile.getValue()).toBeNull();
  });
});

describe('a corrupted settings value', () => {
  it('keeps each field that fits, takes the default for the others, writes the repair back and counts it', async () => {
    await storage.setItem('local:keys', { uphunt: 'sk_uphunt_kept', mindcase: 42 });
    await enrichSettingsItem.setValue({ autoEnrich: true, monthlyCapUsd: 12 });
    expect(await keysItem.getValue()).toEqual({ uphunt: 'sk_uphunt_kept', mindcase: '' });
    expect(await storage.getItem('local:keys')).toEqual({ uphunt: 'sk_uphunt_kept', mindcase: '' });
    expect(await storageResets.getValue()).toMatchObject({ count: 1, last: 'local:keys' });
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
