import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { ClientPanel } from '@/components/ClientPanel';
import { JobEnrichment } from '@/components/JobEnrichment';
import { enrichStatus, spending } from '@/utils/enrich';
import { CLIENT_JOBS_TTL_MS } from '@/utils/lookup';
import { isUpworkUrl, parseUpworkUrl } from '@/utils/upwork/page';
import { cancelEnrich, enrich, lookup, refreshCredits, usePanel } from './store';

export function App() {
  const { tabId, tabUrl, state, entry, enrichment, row, settings, hasMindcaseKey, credits } = usePanel();
  const now = useNow(state?.problem?.kind === 'rate_limited' ? 1000 : 30_000);
  const retryAt = state?.status === 'error' && state.problem?.kind === 'rate_limited' ? state.problem.retryAt : null;

  // Honour Retry-After: ask again once the service said we may, not before.
  useEffect(() => {
    if (retryAt === null) return;
    const timer = setTimeout(() => void lookup(false), Math.max(0, retryAt - Date.now()) + 250);
    return () => clearTimeout(timer);
  }, [retryAt]);

  // A run that just finished spent credits: show the new balance.
  const rowTime = row?.storedAt;
  useEffect(() => {
    if (rowTime !== undefined && hasMindcaseKey) void refreshCredits();
  }, [rowTime, hasMindcaseKey]);

  const onUpwork = tabUrl !== null && isUpworkUrl(tabUrl);
  // Until the page reports the job now shown, the stored state may describe the previous one.
  const current = state && tabUrl && state.ciphertext === parseUpworkUrl(tabUrl).ciphertext ? state : null;
  return (
    <main>
      <ClientPanel
        tabUrl={tabUrl}
        onUpwork={tabId === null || onUpwork}
        state={current}
        entry={entry}
        stale={entry !== null && now - entry.storedAt > CLIENT_JOBS_TTL_MS}
        now={now}
        onRefresh={() => void lookup(true)}
        onRetry={() => void lookup(false)}
        onOpenOptions={() => void browser.runtime.openOptionsPage()}
        jobSection={
          current?.ciphertext ? (
            <JobEnrichment
              status={enrichStatus(current.ciphertext, enrichment, row)}
              hasKey={hasMindcaseKey}
              credits={credits}
              spentUsd={spending(enrichment, now).spentUsd}
              capUsd={settings.monthlyCapUsd}
              now={now}
              onEnrich={() => void enrich()}
              onCancel={() => void cancelEnrich()}
              onOpenOptions={() => void browser.runtime.openOptionsPage()}
            />
          ) : null
        }
      />
      {tabId !== null && onUpwork && !new URLSearchParams(location.search).has('tabId') && (
        <p className="muted">
          <a href={browser.runtime.getURL(`/sidepanel.html?tabId=${tabId}`)} target="_blank" rel="noreferrer">
            Open in a tab
          </a>
        </p>
      )}
    </main>
  );
}

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
