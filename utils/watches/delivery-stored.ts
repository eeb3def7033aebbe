/**
 * What delivering new jobs keeps (destinations.ts, outbox.ts), apart from the watches' own values so that the
 * side panel, which lists new jobs, does not carry the destinations' code.
 */
import * as z from 'zod/mini';
import { defineStored } from '../storage/stored';
import { DestinationSchema } from './destinations';
import { DeliverySchema, DestinationStatusSchema } from './outbox';

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
