/** What the background answers, message by message: who may ask, what the message must hold, what is done. */
import type { createApplyQueue } from './apply/queue';
import { generateProposal, loadAppliedJobs } from './apply/background';
import { recordPageRead, recordTileFacts, testConnection } from './diagnostics/background';
import { mindcaseCredits } from './enrichment/background';
import { knownClient, tileView } from './lists/tiles-answer';
import { withBlock, withoutBlock } from './lists/rules';
import type { TileView } from './messaging';
import { openPanelFor, readTabPage } from './background-tabs';
import type { createInFlight } from './cache';
import type { createEnricher } from './enrichment/enrich';
import { ARCHIVE_CALLS_PER_CLICK, lookupPage, pageOfUrl, type LookupDeps } from './client/lookup';
import {
  BlockSchema,
  CiphertextMessageSchema,
  DraftMessageSchema,
  ForceSchema,
  GenerateSchema,
  IdMessageSchema,
  LookupTabSchema,
  LookupUrlSchema,
  PageReadSchema,
  TestConnectionSchema,
  TilesSchema,
} from './message-schemas';
import type { MessageTable } from './message-table';
import { appliedRemote, applications } from './apply/stored';
import { blocksItem, hiddenCounts, listRulesItem, listSettingsItem, seenJobs } from './lists/stored';
import { enrichSettingsItem } from './enrichment/stored';
import { browser } from 'wxt/browser';
import { digestPage } from './upwork/nuxt';
import type { BackgroundWatcher } from './watches/background';
import { JOB_PAGE_KINDS, jobUrl, parseUpworkUrl } from './upwork/page';

export interface BackgroundServices {
  lookups: LookupDeps;
  enricher: ReturnType<typeof createEnricher>;
  applications: ReturnType<typeof createApplyQueue>;
  /** Looks up the clients of listed jobs (when the user allowed it). */
  lookUpListed: (tabId: number, ciphertexts: string[]) => void;
  watcher: BackgroundWatcher;
  /** Loads the agency's freelancers (from the cache unless forced). */
  freelancers: (force: boolean) => Promise<unknown>;
  /** Two panels opening together ask the same things: one call answers both. */
  once: ReturnType<typeof createInFlight>;
}

export function messageRoutes(s: BackgroundServices): MessageTable {
  return {
    pageSeen: {
      from: 'upwork-tab',
      schema: PageReadSchema,
      handle: async (read, { tabId }) => {
        const page = digestPage(read);
        void recordPageRead(page);
        if (page.ciphertext && JOB_PAGE_KINDS.has(page.kind)) void rememberSeen(page.ciphertext);
        // The lookup goes first: the panel waits on it, the Mindcase request does not.
        const lookup = lookupPage(s.lookups, tabId!, page);
        if (page.ciphertext && (await enrichSettingsItem.getValue()).autoEnrich) void s.enricher.request([page.ciphertext]);
        await lookup;
      },
    },
    tiles: {
      from: 'upwork-tab',
      schema: TilesSchema,
      handle: async ({ tiles, missing }, { tabId, url }) => {
        if (url) void recordTileFacts(parseUpworkUrl(url).kind, tiles.length, missing);
        const [{ showBadges, lookupListed }, rules, blocks, applied, seen] = await Promise.all([
          listSettingsItem.getValue(),
          listRulesItem.getValue(),
          blocksItem.getValue(),
          appliedJobs(),
          seenJobs.getValue(),
        ]);
        const seenSet = new Set(seen ?? []);
        const views: Record<string, TileView> = {};
        const unknown: string[] = [];
        for (const tile of tiles) {
          const known = await knownClient(tile.ciphertext, s.lookups);
          if (!known) unknown.push(tile.ciphertext);
          const mark = applied.has(tile.ciphertext) ? 'applied' : seenSet.has(tile.ciphertext) ? 'seen' : null;
          views[tile.ciphertext] = tileView(tile, known, rules, blocks, mark);
        }
        if (showBadges && lookupListed) s.lookUpListed(tabId!, unknown);
        await recordHidden(tabId!, views);
        return { show: showBadges, views };
      },
    },
    block: {
      from: 'upwork-tab',
      schema: BlockSchema,
      handle: async ({ ciphertext, what, title }) => {
        const known = what === 'client' ? await knownClient(ciphertext, s.lookups) : null;
        const name = known ? ((await s.lookups.clientJobs.peek(known.companyId))?.value.buyer?.company?.name ?? null) : null;
        const block = known ? { companyId: known.companyId, name } : { ciphertext, title };
        await blocksItem.update((blocks) => withBlock(blocks, block, Date.now()));
        return known
          ? { id: known.companyId, reason: 'client hidden by you', ciphertexts: [ciphertext] }
          : { id: ciphertext, reason: 'job hidden by you', ciphertexts: [ciphertext] };
      },
    },
    unblock: {
      from: 'upwork-tab',
      schema: IdMessageSchema,
      handle: ({ id }) => blocksItem.update((blocks) => withoutBlock(blocks, id)),
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
      handle: async ({ tabId, force, findMore }) => {
        const page = await readTabPage(tabId);
        if (page) await lookupPage(s.lookups, tabId, page, { force, calls: findMore ? ARCHIVE_CALLS_PER_CLICK : undefined });
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
      handle: async ({ force }) => void (await s.once(`freelancers:${force}`, () => s.freelancers(force))),
    },
    loadAppliedJobs: { from: 'extension', handle: () => s.once('applied-jobs', loadAppliedJobs) },
    generateProposal: { from: 'extension', schema: GenerateSchema, handle: ({ ciphertext, profileId }) => generateProposal(ciphertext, profileId) },
    submitApplication: { from: 'extension', schema: DraftMessageSchema, handle: (draft) => s.applications.submit(draft) },
    undoApplication: { from: 'extension', schema: IdMessageSchema, handle: ({ id }) => s.applications.undo(id) },
    checkApplication: { from: 'extension', schema: IdMessageSchema, handle: ({ id }) => s.applications.checkNow(id) },
    checkWatch: { from: 'extension', schema: IdMessageSchema, handle: ({ id }) => s.watcher.check(id) },
  };
}

/** How many tiles of the tab's page the rules fold, and why: the popup says it. Kept per page, for its tiles. */
async function recordHidden(tabId: number, views: Record<string, TileView>): Promise<void> {
  const url = (await browser.tabs.get(tabId).catch(() => null))?.url ?? '';
  // The one serialized update: two lists of tiles answered together must not overwrite each other's counts.
  await hiddenCounts.update(tabId, (stored) => {
    const byJob = stored?.url === url ? { ...stored.byJob } : {};
    for (const [ciphertext, view] of Object.entries(views)) {
      if (view.hidden) byJob[ciphertext] = view.hidden;
      else delete byJob[ciphertext];
    }
    return { url, byJob };
  });
}

/** Remembers a job the user opened, so that its tile says "seen" (the newest 500). */
function rememberSeen(ciphertext: string): Promise<void> {
  return seenJobs.update((seen) => [...(seen ?? []).filter((c) => c !== ciphertext), ciphertext].slice(-500));
}

/** Jobs applied to, here (under way or applied) or, as far as UpHunt's list says, anywhere. */
async function appliedJobs(): Promise<Set<string>> {
  const [apps, remote] = await Promise.all([applications.getValue(), appliedRemote.getValue()]);
  return new Set([
    ...(apps ?? []).filter((a) => a.phase !== 'cancelled' && a.phase !== 'not_sent').map((a) => a.ciphertext),
    ...(remote?.items ?? []).map((item) => item.jobId.toLowerCase()),
  ]);
}
