/** Enrichment's background part: the enricher on the browser's storage, and Mindcase's credits. */
import type { WakeUps } from '../wake-ups';
import { createEnricher, ROW_TTL_MS, type EnrichDeps } from './enrich';
import { toProblem } from '../http';
import type { Problem } from '../problem';
import { createMindcaseApi } from '../mindcase/api';
import { EMPTY_ENRICHMENT, enrichment, enrichSettingsItem, mindcaseRows } from './stored';
import { keysItem } from '../keys';
import { recordActivity } from '../diagnostics/background';
import { createOnce, createTtlCache } from '../cache';
import type { Handlers } from '../messaging/table';
import type { PageSeen } from '../upwork/nuxt';

export const MINDCASE_ALARM = 'mindcase-poll';

export function createBackgroundEnricher(hooks: Pick<EnrichDeps, 'searched' | 'searchFailed'>, wake: WakeUps) {
  const enricher = createEnricher({
    ...hooks,
    mindcase: async () => createMindcaseApi((await keysItem.getValue()).mindcase),
    readState: async () => (await enrichment.getValue()) ?? structuredClone(EMPTY_ENRICHMENT),
    writeState: (state) => enrichment.setValue(state),
    rows: createTtlCache({ entries: mindcaseRows, ttlMs: ROW_TTL_MS, now: () => Date.now() }),
    settings: () => enrichSettingsItem.getValue(),
    now: () => Date.now(),
    // The one wake-up scheduler's timers, by name (MINDCASE_ALARM's alarm covers a worker that dies meanwhile).
    schedule: (name, fn, ms) => {
      wake.on(`mindcase-${name}-timer`, fn);
      wake.timer(`mindcase-${name}-timer`, Date.now() + ms);
    },
    // Chrome stops an idle worker after 30 s; the alarm wakes it to poll a run that is still going.
    keepPolling: (on) => wake.repeat(MINDCASE_ALARM, on),
    note: (text) =>
      void recordActivity({
        at: Date.now(),
        service: 'Mindcase',
        method: 'CHECK',
        path: 'run results',
        status: null,
        outcome: 'flagged',
        cost: null,
        note: text,
      }),
  });
  wake.on(MINDCASE_ALARM, () => void enricher.resume());
  return enricher;
}

export async function mindcaseCredits(): Promise<{ credits: number | null; problem: Problem | null }> {
  try {
    return { credits: await createMindcaseApi((await keysItem.getValue()).mindcase).credits(), problem: null };
  } catch (error) {
    return { credits: null, problem: toProblem(error, 'Mindcase') };
  }
}

export type BackgroundEnricher = ReturnType<typeof createBackgroundEnricher>;

export function enrichmentHandlers(enricher: BackgroundEnricher): Handlers<'enrichJob' | 'cancelEnrich' | 'mindcaseCredits'> {
  // Two panels opening together ask the same: one call answers both.
  const once = createOnce();
  return {
    enrichJob: ({ ciphertext }) => enricher.request([ciphertext]),
    cancelEnrich: ({ ciphertext }) => enricher.cancel(ciphertext),
    mindcaseCredits: () => once('credits', mindcaseCredits),
  };
}

/** "Enrich jobs I open": a job page seen buys its row (within the cap; never a row still fresh). */
export async function enrichOpened(enricher: BackgroundEnricher, page: PageSeen): Promise<void> {
  if (page.ciphertext && (await enrichSettingsItem.getValue()).autoEnrich) await enricher.request([page.ciphertext]);
}
