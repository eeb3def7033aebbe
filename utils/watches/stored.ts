/**
 * What watched searches keep (Options → Watched searches). In storage.local, not sync: a watch synced to a
 * second browser would be checked, and paid for, twice.
 */
import * as z from 'zod/mini';
import { defineStored } from '../storage/stored';
import { defineSettings } from '../storage/settings';
import { NewJobSchema, WatchSchema, WatchStatusSchema } from './watch';
import { DestinationSchema } from './destinations';
import { DeliverySchema, DestinationStatusSchema } from './outbox';

export const watchesItem = defineSettings('local:watches', z.object({ list: z.array(WatchSchema).check(z.maxLength(20)) }), { list: [] }, { version: 1 });
/** What each watch's last check did, by watch id. */
export const watchStatuses = defineStored('local:watch-status', z.record(z.string(), WatchStatusSchema));
/** Jobs any watch has seen (newest last): never announced again. */
export const watchSeen = defineStored('local:watch-seen', z.array(z.string()));
/** The New jobs list, newest first. */
export const newJobs = defineStored('local:new-jobs', z.array(NewJobSchema));
/**
 * Where new jobs are delivered besides the browser. Their URLs and tokens are secrets: they stay in storage.local,
 * which content scripts cannot read (storage/access.ts), and are shown masked (destinations.ts).
 */
export const destinationsItem = defineStored('local:destinations', z.array(DestinationSchema).check(z.maxLength(20)));
/** Messages waiting to be delivered (one per check and destination), kept until each is delivered or given up. */
export const outboxItem = defineStored('local:outbox', z.array(DeliverySchema));
/** How each destination's deliveries went, by destination id. */
export const destinationStatuses = defineStored('local:destination-status', z.record(z.string(), DestinationStatusSchema));
/** Each job delivered (or queued) to each destination, as `destination:ciphertext`: never sent there again. */
export const deliveredJobs = defineStored('local:delivered', z.array(z.string()));
