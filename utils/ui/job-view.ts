/**
 * What the side panel and the popup both derive from the stored state of one tab: a pure selector, so that the
 * two show the same job, the same client judgement, and start an application from the same draft.
 */
import { startingProposal } from '@/utils/apply/proposal';
import type { CacheEntry } from '@/utils/cache';
import { clientMetrics } from '@/utils/client/judgement';
import { clientScore } from '@/utils/client/score';
import { stateMatchesTab } from '@/utils/client/tab-pages';
import type { JobRow } from '@/utils/mindcase/schemas';
import type { Draft, ApplySettings, FreelancersEntry } from '@/utils/apply/stored';
import type { TabState } from '@/utils/client/stored';
import type { ClientJobs } from '@/utils/uphunt/schemas';

export interface JobViewSource {
  state: TabState | null;
  tabUrl: string | null;
  entry: CacheEntry<ClientJobs> | null;
  row: CacheEntry<JobRow> | null;
}

export function jobView({ state, tabUrl, entry, row }: JobViewSource) {
  // Until the page reports the job now shown, the stored state may describe the previous one.
  const current = state && tabUrl && stateMatchesTab(state, tabUrl) ? state : null;
  const data = entry && current?.companyId === entry.value.companyId ? entry.value : null;
  const metrics = data && entry ? clientMetrics(data, entry.storedAt) : null;
  const job = row?.value ?? null;
  const ciphertext = current?.ciphertext ?? null;
  const openJob = data?.openJobs.find((j) => j.ciphertext?.toLowerCase() === ciphertext) ?? null;
  const type = openJob?.type ?? job?.openingInfo?.type ?? null;
  const jobType = type === 'HOURLY' ? ('HOURLY' as const) : type === 'FIXED' ? ('FIXED' as const) : null;
  return {
    current,
    ciphertext,
    data,
    metrics,
    score: metrics ? clientScore(metrics) : null,
    job,
    jobTitle: openJob?.title ?? job?.jobTitle ?? null,
    jobType,
    // Read as the page showed them when it was opened: Connects prices change while a job is live.
    connects: current?.facts?.connects.required ?? null,
    // Bids are hourly rates only on an hourly job (on a fixed-price one they are whole budgets).
    bidRange: jobType === 'HOURLY' ? (current?.facts?.bidRange ?? null) : null,
    jobSkills: (job?.sandsData?.ontologySkills ?? []).map((s) => s.prefLabel).filter((s): s is string => !!s),
    clientName: data?.buyer?.company?.name ?? null,
    history: data?.workHistory ?? [],
  };
}

export type JobView = ReturnType<typeof jobView>;

/** The application both start from for the viewed job (see startingProposal), with what the user typed so far. */
export function proposalFor(
  view: JobView & { ciphertext: string },
  from: { freelancers: FreelancersEntry | null; applySettings: ApplySettings; lastProfileId: string | null },
  typed: Partial<Draft> | null,
) {
  return startingProposal({
    ...view,
    companyId: view.current?.companyId ?? null,
    freelancers: from.freelancers?.value ?? null,
    settings: from.applySettings,
    lastProfileId: from.lastProfileId,
    draft: typed,
  });
}
