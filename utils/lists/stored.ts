/** What the lists keep: whether badges show, the rules and blocks that fold tiles, the jobs opened, what was folded. */
import * as z from 'zod/mini';
import { defineFamily, defineStored } from '../storage/stored';
import { defineSettings } from '../storage/settings';
import { BlocksSchema, ListRulesSchema, NO_BLOCKS, NO_RULES } from './rules';

export const ListSettingsSchema = z.object({
  showBadges: z.boolean(),
  /** Look up the clients of listed jobs the user has not opened (costs UpHunt calls; off by default). */
  lookupListed: z.boolean(),
});
export type ListSettings = z.output<typeof ListSettingsSchema>;
export const listSettingsItem = defineSettings('local:list-settings', ListSettingsSchema, { showBadges: true, lookupListed: false }, { version: 1 });

/** The rules that fold tiles away (Options → Lists); see rules.ts. */
export const listRulesItem = defineSettings('local:list-rules', ListRulesSchema, NO_RULES, { version: 1 });

/** Clients and jobs the user hid from a badge: in storage.sync, so they follow the user to their other browsers. */
export const blocksItem = defineSettings('sync:blocks', BlocksSchema, NO_BLOCKS, { version: 1 });

/** Jobs the user opened (newest last, at most 500): their tiles are marked "seen". */
export const seenJobs = defineStored('local:seen-jobs', z.array(z.string()));

/** How many tiles of a tab the rules folded, and why (the popup says it). */
export const hiddenCounts = defineFamily('session:hidden', z.object({ url: z.string(), byJob: z.record(z.string(), z.string()) }));
