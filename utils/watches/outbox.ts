/**
 * Delivers watched searches' new jobs to their destinations, each job once to each, nothing lost: a check's jobs
 * for a destination wait in the outbox (extension storage) as one message, and are sent from there; a worker
 * stopped mid-wait or a destination down (5xx, 429 with Retry-After, no connection) gets them later, with the
 * shared backoff. After a day of failures the message is given up, counted on the destination, with the reason.
 * Takes everything it touches as parameters.
 */
import * as z from 'zod/mini';
import { backoffDelay, nextTryAt } from '../backoff';
import { waitMs } from '../timing';
import { ApiError } from '../http';
import type { Stored } from '../storage/stored';
import { deliveryRequest, jobsMessage, type Destination, type DeliveryRequest } from './destinations';
import { NewJobSchema, type NewJob, type Watch } from './watch';

const MINUTE = 60_000;
/** Failing this long, a message is given up. */
export const GIVE_UP_MS = 24 * 60 * MINUTE;
/** Pairs of destination and job remembered as delivered. */
export const MAX_DELIVERED = 5000;

export const DeliverySchema = z.object({
  /** Unique per check and destination; the JSON webhook gets it as `deliveryId` to drop a repeat. */
  id: z.string(),
  destinationId: z.string(),
  jobs: z.array(NewJobSchema),
  watchNames: z.array(z.string()),
  keywords: z.array(z.string()),
  createdAt: z.number(),
  attempts: z.number(),
  nextAttemptAt: z.number(),
  lastError: z.nullable(z.string()),
});
export type Delivery = z.output<typeof DeliverySchema>;

export const DestinationStatusSchema = z.object({
  lastOkAt: z.nullable(z.number()),
  /** Why the last try failed, while it is still being retried. */
  retrying: z.nullable(z.string()),
  /** Set once a message was given up after a day of failures; cleared by the next delivery that arrives. */
  failing: z.nullable(z.string()),
  /** Jobs given up, in all. */
  dropped: z.number(),
});
export type DestinationStatus = z.output<typeof DestinationStatusSchema>;

export interface OutboxDeps {
  now(): number;
  newId(): string;
  destinations(): Promise<Destination[]>;
  outbox: Pick<Stored<Delivery[]>, 'getValue' | 'update'>;
  statuses: Pick<Stored<Record<string, DestinationStatus>>, 'getValue' | 'update'>;
  delivered: Pick<Stored<string[]>, 'getValue' | 'update'>;
  /** Does the browser allow the destination's origin? (The user may take the permission back.) */
  allowed(destination: Destination): Promise<boolean>;
  /** Sends one request; a failure throws (an ApiError with its problem, when the http layer made it). */
  send(request: DeliveryRequest): Promise<void>;
  wakeAt(at: number | null): Promise<void>;
}

const pair = (destinationId: string, ciphertext: string) => `${destinationId}:${ciphertext}`;
const EMPTY_STATUS: DestinationStatus = { lastOkAt: null, retrying: null, failing: null, dropped: 0 };

/** Why a try failed, in words, without any secret (the http layer keeps only the host and the status). */
export function failureText(error: unknown): string {
  if (!(error instanceof ApiError)) return 'it could not be reached';
  const { kind, status, detail } = error.problem;
  if (kind === 'rate_limited') return 'it asked to slow down (429)';
  if (kind === 'timeout') return 'it did not answer in time';
  if (kind === 'network') return 'it could not be reached';
  if (kind === 'unauthorized' || kind === 'forbidden' || kind === 'not_found') return `it refused the message (${status}): check its address or token`;
  return status ? `it answered ${status}` : detail;
}

export function createOutbox(deps: OutboxDeps) {
  /**
   * A check's new jobs, queued as one message for each destination of the watches that found them: only jobs
   * that destination never got. Then delivered.
   */
  async function enqueue(jobs: readonly NewJob[], watches: readonly Watch[]): Promise<void> {
    const destinations = await deps.destinations();
    const now = deps.now();
    const queued: Delivery[] = [];
    await deps.delivered.update((stored) => {
      const known = new Set(stored ?? []);
      for (const destination of destinations) {
        const mine = watches.filter((watch) => watch.destinations.includes(destination.id));
        const names = new Set(mine.map((watch) => watch.name));
        const fresh = jobs.filter((job) => job.watches.some((name) => names.has(name)) && !known.has(pair(destination.id, job.ciphertext)));
        if (fresh.length === 0) continue;
        for (const job of fresh) known.add(pair(destination.id, job.ciphertext));
        queued.push({
          id: deps.newId(),
          destinationId: destination.id,
          jobs: [...fresh],
          watchNames: mine.map((watch) => watch.name),
          keywords: [...new Set(mine.flatMap((watch) => watch.keywords))],
          createdAt: now,
          attempts: 0,
          nextAttemptAt: now,
          lastError: null,
        });
      }
      return [...known].slice(-MAX_DELIVERED);
    });
    if (queued.length > 0) await deps.outbox.update((outbox) => [...(outbox ?? []), ...queued]);
    await flush();
  }

  /** Sends what is due, one message at a time, in order; then wakes for the next. */
  async function flush(): Promise<void> {
    const destinations = await deps.destinations();
    for (const delivery of (await deps.outbox.getValue()) ?? []) {
      const now = deps.now();
      if (delivery.nextAttemptAt > now) continue;
      const destination = destinations.find((d) => d.id === delivery.destinationId);
      // Its destination was removed: nothing to deliver to.
      if (!destination) {
        await settle(delivery, null);
        continue;
      }
      let failure: string | null = null;
      let retryAt: number | null = null;
      if (!(await deps.allowed(destination)))
        failure = `the browser no longer allows ${new URL(destination.url).host} (Options → destinations: remove it and add it again)`;
      else
        try {
          await deps.send(deliveryRequest(destination, jobsMessage(delivery.jobs, delivery.watchNames, delivery.keywords), delivery.id));
        } catch (error) {
          failure = failureText(error);
          retryAt = error instanceof ApiError ? error.problem.retryAt : null;
        }
      await settle(delivery, failure === null ? null : { failure, retryAt });
    }
    const left = (await deps.outbox.getValue()) ?? [];
    await deps.wakeAt(left.length > 0 ? Math.min(...left.map((d) => d.nextAttemptAt)) : null);
  }

  /** Removes a delivered (or undeliverable) message, or schedules its next try, or gives it up after a day. */
  async function settle(delivery: Delivery, failed: { failure: string; retryAt: number | null } | null): Promise<void> {
    const now = deps.now();
    const givenUp = failed !== null && now - delivery.createdAt >= GIVE_UP_MS;
    await deps.outbox.update((outbox) =>
      (outbox ?? []).flatMap((d) => {
        if (d.id !== delivery.id) return [d];
        if (failed === null || givenUp) return [];
        const delay = backoffDelay(now - d.createdAt, waitMs('deliveryRetry'), waitMs('deliveryMax'));
        return [{ ...d, attempts: d.attempts + 1, lastError: failed.failure, nextAttemptAt: nextTryAt(now, delay, failed.retryAt) }];
      }),
    );
    await deps.statuses.update((stored) => {
      const statuses = { ...stored };
      const before = statuses[delivery.destinationId] ?? EMPTY_STATUS;
      statuses[delivery.destinationId] =
        failed === null
          ? { ...before, lastOkAt: now, retrying: null, failing: null }
          : givenUp
            ? {
                ...before,
                retrying: null,
                failing: `${failed.failure}; ${delivery.jobs.length} job${delivery.jobs.length === 1 ? '' : 's'} given up after a day`,
                dropped: before.dropped + delivery.jobs.length,
              }
            : { ...before, retrying: failed.failure };
      return statuses;
    });
  }

  return { enqueue, flush };
}
