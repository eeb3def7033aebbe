/** What the background answers, message by message: who may ask, what the message must hold, what is done. */
import type { createApplyQueue } from './apply-queue';
import { generateProposal, loadAppliedJobs, loadFreelancers } from './apply-services';
import { knownClients, mindcaseCredits, recordPageRead, recordTileFacts, testConnection } from './background-services';
import { openPanelFor, readTabPage } from './background-tabs';
import type { createInFlight } from './cache';
import type { createEnricher } from './enrich';
import { lookupPage, pageOfUrl, type LookupDeps } from './lookup';
import {
  CiphertextMessageSchema,
  DraftMessageSchema,
  ForceSchema,
  GenerateSchema,
  IdMessageSchema,
  LookupTabSchema,
  LookupUrlSchema,
  PageSeenSchema,
  TestConnectionSchema,
  TilesSchema,
} from './message-schemas';
import type { MessageTable } from './message-table';
import { enrichSettingsItem, listSettingsItem } from './storage';
import { digestPage } from './upwork/nuxt';
import { jobUrl, parseUpworkUrl } from './upwork/page';

export interface BackgroundServices {
  lookups: LookupDeps;
  enricher: ReturnType<typeof createEnricher>;
  applications: ReturnType<typeof createApplyQueue>;
  /** Looks up the clients of listed jobs (when the user allowed it). */
  lookUpListed: (tabId: number, ciphertexts: string[]) => void;
  /** Two panels opening together ask the same things: one call answers both. */
  once: ReturnType<typeof createInFlight>;
}

export function messageRoutes(s: BackgroundServices): MessageTable {
  return {
    pageSeen: {
      from: 'upwork-tab',
      schema: PageSeenSchema,
      handle: async (seen, { tabId }) => {
        const page = digestPage(seen);
        void recordPageRead(page);
        // The lookup goes first: the panel waits on it, the Mindcase request does not.
        const lookup = lookupPage(s.lookups, tabId!, page);
        if (page.ciphertext && (await enrichSettingsItem.getValue()).autoEnrich) void s.enricher.request([page.ciphertext]);
        await lookup;
      },
    },
    tiles: {
      from: 'upwork-tab',
      schema: TilesSchema,
      handle: async ({ ciphertexts, kind, missing }, { tabId }) => {
        if (kind) void recordTileFacts(kind, ciphertexts.length, missing);
        const { showBadges, lookupListed } = await listSettingsItem.getValue();
        if (!showBadges) return { show: false, known: {} };
        const known = await knownClients(ciphertexts, s.lookups);
        if (lookupListed)
          s.lookUpListed(
            tabId!,
            ciphertexts.filter((c) => !known[c]),
          );
        return { show: true, known };
      },
    },
    openJob: {
      from: 'upwork-tab',
      schema: CiphertextMessageSchema,
      handle: async ({ ciphertext }, { tabId, windowId }) => {
        const opened = openPanelFor(tabId!, windowId);
        await lookupPage(s.lookups, tabId!, pageOfUrl(jobUrl(ciphertext), 'job', ciphertext), { pasted: true });
        await opened;
      },
    },
    lookupTab: {
      from: 'extension',
      schema: LookupTabSchema,
      handle: async ({ tabId, force }) => {
        const page = await readTabPage(tabId);
        if (page) await lookupPage(s.lookups, tabId, page, { force });
      },
    },
    lookupUrl: {
      from: 'extension',
      schema: LookupUrlSchema,
      handle: async ({ tabId, url }) => {
        const { ciphertext } = parseUpworkUrl(url.trim());
        if (!ciphertext) return 'That is not the URL of an Upwork job (it should contain ~02… or ~01…).';
        await lookupPage(s.lookups, tabId, pageOfUrl(jobUrl(ciphertext), 'job', ciphertext), { pasted: true });
        return null;
      },
    },
    testConnection: { from: 'extension', schema: TestConnectionSchema, handle: ({ service }) => testConnection(service) },
    enrichJob: { from: 'extension', schema: CiphertextMessageSchema, handle: ({ ciphertext }) => s.enricher.request([ciphertext]) },
    cancelEnrich: { from: 'extension', schema: CiphertextMessageSchema, handle: ({ ciphertext }) => s.enricher.cancel(ciphertext) },
    mindcaseCredits: { from: 'extension', handle: () => s.once('credits', mindcaseCredits) },
    loadFreelancers: {
      from: 'extension',
      schema: ForceSchema,
      handle: async ({ force }) => void (await s.once(`freelancers:${force}`, () => loadFreelancers(force))),
    },
    loadAppliedJobs: { from: 'extension', handle: () => s.once('applied-jobs', loadAppliedJobs) },
    generateProposal: { from: 'extension', schema: GenerateSchema, handle: ({ ciphertext, profileId }) => generateProposal(ciphertext, profileId) },
    submitApplication: { from: 'extension', schema: DraftMessageSchema, handle: (draft) => s.applications.submit(draft) },
    undoApplication: { from: 'extension', schema: IdMessageSchema, handle: ({ id }) => s.applications.undo(id) },
    checkApplication: { from: 'extension', schema: IdMessageSchema, handle: ({ id }) => s.applications.checkNow(id) },
  };
}
