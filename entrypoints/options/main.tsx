import { mountPage } from '@/components/mount';
import { KeysForm } from '@/components/KeysForm';
import { sendMessage } from '@/utils/protocol';
import { ApplySettingsForm } from '@/components/ApplySettingsForm';
import { DiagnosticsView, IncidentsView } from '@/components/DiagnosticsView';
import { diagnosticsReport } from '@/utils/diagnostics/page-readings';
import { browser } from 'wxt/browser';
import { ActivityView, DroppedMessagesView } from '@/components/ActivityView';
import { activityKey, ActivitySchema, type ActivityEntry } from '@/utils/diagnostics/activity';
import { storage } from 'wxt/utils/storage';
import { useEffect, useState } from 'react';
import { EnrichSettingsForm } from '@/components/EnrichSettingsForm';
import { ListSettingsForm } from '@/components/ListSettingsForm';
import { ListRulesForm } from '@/components/ListRulesForm';
import { withoutBlock } from '@/utils/lists/rules';
import { EMPTY_ENRICHMENT, spending } from '@/utils/enrichment/enrich';
import {
  applySettingsItem,
  backgroundErrorsKey,
  DiagnosticsSchema,
  IncidentSchema,
  storageResetsKey,
  diagnosticsKey,
  DroppedMessagesSchema,
  droppedMessagesKey,
  EnrichmentStateSchema,
  enrichmentKey,
  enrichSettingsItem,
  keysItem,
  listSettingsItem,
  listRulesItem,
  blocksItem,
  readChecked,
  watchesItem,
  watchStatusKey,
  WatchStatusesSchema,
} from '@/utils/storage';
import { WatchesForm } from '@/components/WatchesForm';
import type { Watch, WatchStatus } from '@/utils/watches/watch';

const loadSettings = () => enrichSettingsItem.getValue();
const loadEndings = async () => {
  const keys = await keysItem.getValue();
  return { uphunt: keys.uphunt.slice(-4), mindcase: keys.mindcase.slice(-4) };
};
// An empty field keeps the key already saved.
const saveTyped = async (typed: { uphunt: string; mindcase: string }) => {
  const saved = await keysItem.getValue();
  await keysItem.setValue({ uphunt: typed.uphunt || saved.uphunt, mindcase: typed.mindcase || saved.mindcase });
};
const loadApplySettings = () => applySettingsItem.getValue();
const loadListSettings = () => listSettingsItem.getValue();
const loadListRules = () => listRulesItem.getValue();
const loadBlocks = () => blocksItem.getValue();

/** The Activity log, kept current while Options is open. */
function Activity() {
  const [entries, setEntries] = useState<ActivityEntry[]>([]);
  useEffect(() => {
    const read = (raw: unknown) => {
      const parsed = ActivitySchema.safeParse(raw ?? []);
      setEntries(parsed.success ? parsed.data : []);
    };
    void storage.getItem<unknown>(activityKey).then(read);
    return storage.watch<unknown>(activityKey, read);
  }, []);
  return <ActivityView entries={entries} onClear={() => void storage.removeItem(activityKey)} />;
}

/** Watched searches, with each watch's last check kept current while Options is open. */
function Watches({ spentUsd, initialCapUsd }: { spentUsd: number; initialCapUsd: number }) {
  const [watches, setWatches] = useState<Watch[]>([]);
  const [statuses, setStatuses] = useState<Record<string, WatchStatus>>({});
  const [capUsd, setCapUsd] = useState(initialCapUsd);
  const [hasKey, setHasKey] = useState(true);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const readStatuses = (raw: unknown) => {
      const parsed = WatchStatusesSchema.safeParse(raw ?? {});
      setStatuses(parsed.success ? parsed.data : {});
    };
    void watchesItem.getValue().then((value) => setWatches(value.list));
    void storage.getItem<unknown>(watchStatusKey).then(readStatuses);
    void keysItem.getValue().then((keys) => setHasKey(keys.mindcase.trim() !== ''));
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    const stops = [
      watchesItem.watch((value) => setWatches(value.list)),
      storage.watch<unknown>(watchStatusKey, readStatuses),
      enrichSettingsItem.watch((settings) => setCapUsd(settings.monthlyCapUsd)),
      keysItem.watch((keys) => setHasKey(keys.mindcase.trim() !== '')),
    ];
    return () => {
      clearInterval(timer);
      for (const stop of stops) stop();
    };
  }, []);
  return (
    <WatchesForm
      watches={watches}
      statuses={statuses}
      capUsd={capUsd}
      spentUsd={spentUsd}
      hasMindcaseKey={hasKey}
      now={now}
      save={(list) => watchesItem.setValue({ list })}
      checkNow={(id) => sendMessage('checkWatch', { id })}
      newId={() => crypto.randomUUID()}
    />
  );
}

async function start() {
  // Read (and, if broken, repaired and counted) once, before any form reads it.
  const enrichSettings = await enrichSettingsItem.getValue();
  const enrichment = (await readChecked(enrichmentKey, EnrichmentStateSchema)) ?? EMPTY_ENRICHMENT;
  const diagnostics = (await readChecked(diagnosticsKey, DiagnosticsSchema)) ?? {};
  const dropped = await readChecked(droppedMessagesKey, DroppedMessagesSchema);
  const resets = await readChecked(storageResetsKey, IncidentSchema);
  const errors = await readChecked(backgroundErrorsKey, IncidentSchema);
  mountPage(
    <main>
      <h1>UpHunt Overlay</h1>
      <p className="muted">Your keys stay in this browser and are sent only to the service they belong to.</p>
      <KeysForm
        loadEndings={loadEndings}
        save={saveTyped}
        forget={() => keysItem.removeValue()}
        test={(service) => sendMessage('testConnection', { service })}
      />
      <EnrichSettingsForm
        load={loadSettings}
        save={(settings) => enrichSettingsItem.setValue(settings)}
        spentUsd={spending(enrichment, Date.now()).spentUsd}
        creditsUsed={enrichment.creditsUsedThisMonth}
      />
      <ApplySettingsForm load={loadApplySettings} save={(settings) => applySettingsItem.setValue(settings)} />
      <ListSettingsForm load={loadListSettings} save={(settings) => listSettingsItem.setValue(settings)} />
      <ListRulesForm
        load={loadListRules}
        save={(rules) => listRulesItem.setValue(rules)}
        loadBlocks={loadBlocks}
        unblock={(id) => blocksItem.update((blocks) => withoutBlock(blocks, id))}
      />
      <Watches spentUsd={spending(enrichment, Date.now()).spentUsd} initialCapUsd={enrichSettings.monthlyCapUsd} />
      <DiagnosticsView
        diagnostics={diagnostics}
        report={diagnosticsReport(diagnostics, {
          version: browser.runtime.getManifest().version,
          browser: navigator.userAgent.includes('Firefox') ? 'Firefox' : 'Chrome',
          now: Date.now(),
        })}
      />
      <DroppedMessagesView dropped={dropped} />
      <IncidentsView resets={resets} errors={errors} />
      <Activity />
    </main>,
  );
}

void start();
