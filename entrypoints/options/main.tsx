import { mountPage } from '@/components/mount';
import { KeysForm } from '@/components/KeysForm';
import { sendMessage } from '@/utils/messaging/transport';
import { ApplySettingsForm } from '@/components/ApplySettingsForm';
import { DiagnosticsView, IncidentsView } from '@/components/DiagnosticsView';
import { diagnosticsReport } from '@/utils/diagnostics/page-readings';
import { browser } from 'wxt/browser';
import { ActivityView, DroppedMessagesView } from '@/components/ActivityView';
import { useEffect, useState } from 'react';
import { EnrichSettingsForm } from '@/components/EnrichSettingsForm';
import { ListSettingsForm } from '@/components/ListSettingsForm';
import { ListRulesForm } from '@/components/ListRulesForm';
import { withoutBlock } from '@/utils/lists/rules';
import { spending } from '@/utils/enrichment/price';
import { applySettingsItem } from '@/utils/apply/stored';
import { activityLog, backgroundErrors, droppedMessages, pageReadings } from '@/utils/diagnostics/stored';
import { storageResets } from '@/utils/storage/stored';
import { useStored } from '@/utils/storage/use-stored';
import { EMPTY_ENRICHMENT, enrichment, enrichSettingsItem } from '@/utils/enrichment/stored';
import { keysItem, type Keys } from '@/utils/keys';
import { listSettingsItem, listRulesItem, blocksItem } from '@/utils/lists/stored';
import { watchesItem, watchStatuses } from '@/utils/watches/stored';
import { destinationsItem, destinationStatuses } from '@/utils/watches/delivery-stored';
import { DestinationsForm } from '@/components/DestinationsForm';
import type { Destination } from '@/utils/watches/destinations';
import { WatchesForm } from '@/components/WatchesForm';
import { ResultsView } from '@/components/ResultsView';
import { appliedRemote, applications, freelancerList, outcomesItem } from '@/utils/apply/stored';
import { applicationsLog } from '@/utils/apply/log';
import { OPTIONS_SECTIONS, type OptionsSection } from '@/utils/panel';
import type { ReactNode } from 'react';

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
  const entries = useStored(activityLog, []);
  return <ActivityView entries={entries ?? []} onClear={() => void activityLog.removeValue()} />;
}

/** Watched searches, with each watch's last check kept current while Options is open. */
function Watches({ spentUsd, initialCapUsd }: { spentUsd: number; initialCapUsd: number }) {
  const watches = useStored(watchesItem, { list: [] }).list;
  const statuses = useStored(watchStatuses, {}) ?? {};
  const capUsd = useStored(enrichSettingsItem, { autoEnrich: false, monthlyCapUsd: initialCapUsd }).monthlyCapUsd;
  const keys = useStored<Keys | null>(keysItem, null);
  const destinations = useStored(destinationsItem, null) ?? [];
  const delivery = useStored(destinationStatuses, null) ?? {};
  // Until the keys are read, no "add a Mindcase key" warning flashes.
  const hasKey = keys === null || keys.mindcase.trim() !== '';
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  // A destination removed leaves no watch pointing at it.
  const saveDestinations = async (list: Destination[]) => {
    await destinationsItem.setValue(list);
    const ids = new Set(list.map((d) => d.id));
    await watchesItem.update((stored) => ({ list: stored.list.map((w) => ({ ...w, destinations: w.destinations.filter((id) => ids.has(id)) })) }));
  };
  return (
    <>
      <WatchesForm
        destinations={destinations}
        destinationStatuses={delivery}
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
      <DestinationsForm
        destinations={destinations}
        statuses={delivery}
        now={now}
        save={saveDestinations}
        allow={(origin) => browser.permissions.request({ origins: [origin] })}
        release={async (origin) => void (await browser.permissions.remove({ origins: [origin] }))}
        test={(id) => sendMessage('testDestination', { id })}
        newId={() => crypto.randomUUID()}
      />
    </>
  );
}

/** Results, kept current while Options is open: the log of applications with what each brought. */
function Results() {
  const local = useStored(applications, null) ?? [];
  const remote = useStored(appliedRemote, null)?.value ?? [];
  const outcomes = useStored(outcomesItem, null) ?? {};
  const freelancers = useStored(freelancerList, null)?.value?.freelancers ?? [];
  const names = Object.fromEntries(freelancers.flatMap((f) => f.profiles.map((p) => [p.profileId, f.name] as const)));
  const [now] = useState(() => Date.now());
  return <ResultsView entries={applicationsLog(local, remote, outcomes, names)} now={now} />;
}

function Section({ id, children }: { id: OptionsSection; children: ReactNode }) {
  // The page is drawn after the browser looked for the link's section: go to it once it is there.
  useEffect(() => {
    if (location.hash === `#${id}`) document.getElementById(id)?.scrollIntoView();
  }, [id]);
  return (
    <section id={id} className="options-section">
      {children}
    </section>
  );
}

async function start() {
  // Read (and, if broken, repaired and counted) once, before any form reads it.
  const enrichSettings = await enrichSettingsItem.getValue();
  const spent = (await enrichment.getValue()) ?? EMPTY_ENRICHMENT;
  const diagnostics = (await pageReadings.getValue()) ?? {};
  const dropped = await droppedMessages.getValue();
  const resets = await storageResets.getValue();
  const errors = await backgroundErrors.getValue();
  mountPage(
    <main>
      <h1>UpHunt Overlay</h1>
      <nav aria-label="Sections" className="sections">
        {Object.entries(OPTIONS_SECTIONS).map(([id, label]) => (
          <a key={id} href={`#${id}`}>
            {label}
          </a>
        ))}
      </nav>
      <Section id="keys">
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
          spentUsd={spending(spent, Date.now()).spentUsd}
          creditsUsed={spent.creditsUsedThisMonth}
        />
      </Section>
      <Section id="applying">
        <ApplySettingsForm load={loadApplySettings} save={(settings) => applySettingsItem.setValue(settings)} />
      </Section>
      <Section id="lists">
        <ListSettingsForm load={loadListSettings} save={(settings) => listSettingsItem.setValue(settings)} />
        <ListRulesForm
          load={loadListRules}
          save={(rules) => listRulesItem.setValue(rules)}
          loadBlocks={loadBlocks}
          unblock={(id) => blocksItem.update((blocks) => withoutBlock(blocks, id))}
        />
      </Section>
      <Section id="watches">
        <Watches spentUsd={spending(spent, Date.now()).spentUsd} initialCapUsd={enrichSettings.monthlyCapUsd} />
      </Section>
      <Section id="results">
        <Results />
      </Section>
      <Section id="diagnostics">
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
      </Section>
    </main>,
  );
}

void start();
