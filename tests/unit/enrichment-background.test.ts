/** Enrichment's background part on WXT's fake browser: its timers are the wake-up scheduler's, by name. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackgroundEnricher, MINDCASE_ALARM } from '@/utils/enrichment/background';
import { fakeWakeUps } from './fake-wake-ups';

beforeEach(() => fakeBrowser.reset());

describe("enrichment's timers", () => {
  it('go through the one wake-up scheduler, by name, and never take over the alarm that resumes a stopped worker', async () => {
    const { wake, handlers, timers } = fakeWakeUps();
    const enricher = createBackgroundEnricher({ searched: async () => undefined, searchFailed: async () => undefined }, wake);
    const resume = handlers.get(MINDCASE_ALARM);
    await enricher.request(['~022052895097657407455']);
    expect(timers.map(([name]) => name)).toEqual(['mindcase-flush-timer']);
    expect(timers[0]![1]).toBeGreaterThan(Date.now() - 1_000);
    expect(handlers.get(MINDCASE_ALARM)).toBe(resume);
    expect(handlers.has('mindcase-flush-timer')).toBe(true);
  });
});
