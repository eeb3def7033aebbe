/**
 * What watched searches keep (Options → Watched searches). In storage.local, not sync: a watch synced to a
 * second browser would be checked, and paid for, twice.
 */
import * as z from 'zod/mini';
import { defineStored } from '../storage/stored';
import { defineSettings } from '../storage/settings';
import { NewJobSchema, WatchSchema, WatchStatusSchema } from './watch';

export const watchesItem = defineSettings('local:watches', z.object({ list: z.array(WatchSchema).check(z.maxLength(20)) }), { list: [] }, { version: 1 });
/** What each watch's last check did, by watch id. */
export const watchStatuses = defineStored('local:watch-status', z.record(z.string(), WatchStatusSchema));
/** Jobs any watch has seen (newest last): never announced again. */
export const watchSeen = defineStored('local:watch-seen', z.array(z.string()));
/** The New jobs list, newest first. */
export const newJobs = defineStored('local:new-jobs', z.array(NewJobSchema));
