/**
 * The one rate limiter: until when each group of calls waits, by the limit it shares (UpHunt's reads, each
 * auto-apply endpoint, Mindcase's key): a 429's Retry-After, or a limit used up (X-RateLimit-Remaining: 0) until
 * its reset. Kept in storage.session, so a worker that starts again still waits; a browser restarted forgets.
 */
import * as z from 'zod/mini';
import { defineStored } from './storage/stored';

export interface Limiter {
  /** Unix ms before which no call of the group is sent (0: none). */
  until(group: string): Promise<number>;
  /** Pauses the group until then; pauses over by `now` are dropped. */
  pause(group: string, until: number, now: number): Promise<void>;
}

const pauses = defineStored('session:rate-limits', z.record(z.string(), z.number()));

export const storedLimiter: Limiter = {
  until: async (group) => (await pauses.getValue())?.[group] ?? 0,
  pause: (group, until, now) =>
    pauses.update((stored) => {
      const live = Object.fromEntries(Object.entries(stored ?? {}).filter(([, at]) => at > now));
      return { ...live, [group]: Math.max(until, live[group] ?? 0) };
    }),
};
