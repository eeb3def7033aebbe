/** The lists' background part: each tile's badge and fold, the user's blocks, and the jobs opened ("seen"). */
import { browser } from 'wxt/browser';
import { appliedRemote, applications } from '../apply/stored';
import type { LookupDeps } from '../client/lookup';
import { recordTileFacts } from '../diagnostics/background';
import type { Handlers } from '../messaging/table';
import type { PageSeen } from '../upwork/nuxt';
import { JOB_PAGE_KINDS, parseUpworkUrl } from '../upwork/page';
import { withBlock, withoutBlock } from './rules';
import { blocksItem, hiddenCounts, listRulesItem, listSettingsItem, seenJobs } from './stored';
import { knownClient, tileView, type TileView } from './tiles-answer';

export function listHandlers(
  lookups: LookupDeps,
  /** Looks up the clients of listed jobs (when the user allowed it). */
  lookUpListed: (tabId: number, ciphertexts: string[]) => void,
): Handlers<'tiles' | 'block' | 'unblock'> {
  return {
    tiles: async ({ tiles, missing }, { tabId, url }) => {
      if (url) void recordTileFacts(parseUpworkUrl(url).kind, tiles.length, missing);
      const [{ showBadges, lookupListed }, rules, blocks, applied, seen] = await Promise.all([
        listSettingsItem.getValue(),
        listRulesItem.getValue(),
        blocksItem.getValue(),
        appliedJobs(),
        seenJobs.getValue(),
      ]);
      const opened = new Set(seen ?? []);
      const views: Record<string, TileView> = {};
      const unknown: string[] = [];
      for (const tile of tiles) {
        const known = await knownClient(tile.ciphertext, lookups);
        if (!known) unknown.push(tile.ciphertext);
        const mark = applied.has(tile.ciphertext) ? 'applied' : opened.has(tile.ciphertext) ? 'seen' : null;
        views[tile.ciphertext] = tileView(tile, known, rules, blocks, mark);
      }
      if (showBadges && lookupListed) lookUpListed(tabId!, unknown);
      await recordHidden(tabId!, views);
      return { show: showBadges, views };
    },
    block: async ({ ciphertext, what, title }) => {
      const known = what === 'client' ? await knownClient(ciphertext, lookups) : null;
      const name = known ? ((await lookups.clientJobs.peek(known.companyId))?.value.buyer?.company?.name ?? null) : null;
      const block = known ? { companyId: known.companyId, name } : { ciphertext, title };
      await blocksItem.update((blocks) => withBlock(blocks, block, Date.now()));
      return known
        ? { id: known.companyId, reason: 'client hidden by you', ciphertexts: [ciphertext] }
        : { id: ciphertext, reason: 'job hidden by you', ciphertexts: [ciphertext] };
    },
    unblock: ({ id }) => blocksItem.update((blocks) => withoutBlock(blocks, id)),
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
export function rememberSeen(page: PageSeen): Promise<void> {
  const { ciphertext } = page;
  if (!ciphertext || !JOB_PAGE_KINDS.has(page.kind)) return Promise.resolve();
  return seenJobs.update((seen) => [...(seen ?? []).filter((c) => c !== ciphertext), ciphertext].slice(-500));
}

/** Jobs applied to, here (under way or applied) or, as far as UpHunt's list says, anywhere. */
async function appliedJobs(): Promise<Set<string>> {
  const [apps, remote] = await Promise.all([applications.getValue(), appliedRemote.getValue()]);
  return new Set([
    ...(apps ?? []).filter((a) => a.phase !== 'cancelled' && a.phase !== 'not_sent').map((a) => a.ciphertext),
    ...(remote?.value ?? []).map((item) => item.jobId.toLowerCase()),
  ]);
}
