/** Enrichment's background part: the enricher on the browser's storage, and Mindcase's credits. */
import { storage } from 'wxt/utils/storage';
import type { WakeUps } from '../wake-ups';
import { createEnricher, EMPTY_ENRICHMENT, type EnrichDeps } from './enrich';
import { toProblem, type Problem } from '../http';
import { createMindcaseClient } from '../mindcase/client';
import { EnrichmentStateSchema, enrichmentKey, enrichSettingsItem, keysItem, mindcaseRows, readChecked } from '../storage';
import { recordActivity } from '../diagnostics/activity';

export const MINDCASE_ALARM = 'mindcase-poll';

export function createBackgroundEnricher(hooks: Pick<EnrichDeps, 'searched' | 'searchFailed'>, wake: WakeUps) {
  const enricher = createEnricher({
    ...hooks,
    mindcase: async () => createMindcaseClient((await keysItem.getValue()).mindcase),
    readState: async () => (await readChecked(enrichmentKey, EnrichmentStateSchema)) ?? structuredClone(EMPTY_ENRICHMENT),
    writeState: (state) => storage.setItem(enrichmentKey, state),
    rows: mindcaseRows,
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
    return { credits: await createMindcaseClient((await keysItem.getValue()).mindcase).credits(), problem: null };
  } catch (error) {
    return { credits: null, problem: toProblem(error, 'Mindcase') };
  }
}
