/**
 * Every wait the product makes, in one place: request timeouts, polling schedules, alarm periods, grace periods.
 * A stored scale (`local:timing-scale`, from 0.05 to 1) shortens them all at once, so that end-to-end tests drive
 * the build that ships with its minutes turned into seconds. No setting of the product writes it; a value out of
 * range, or none, is 1. A service's own Retry-After is never scaled: it is the service's to set.
 */
import * as z from 'zod/mini';
import { defineStored, follow } from './storage/stored';

export const WAITS = {
  /** A request with no answer by then has failed. */
  request: 20_000,
  /** The alarm that brings a dead worker back while something is due (30 s: Chrome's minimum for packed MV3). */
  alarm: 30_000,
  /** A Mindcase run not finished by then is cancelled. */
  run: 10 * 60_000,
  /** A Mindcase run with no id this long after its POST left, and none found at Mindcase, never started. */
  runStart: 60_000,
  /** First Mindcase poll; later ones back off (utils/backoff.ts) up to pollMax. */
  poll: 2_000,
  pollMax: 10_000,
  /** An application `sending` this long with no request in flight in this worker lost its answer. */
  sendingGrace: 30_000,
  /** How long an unconfirmed application is asked about by job before it is left to Check now. */
  verifyFor: 5 * 60_000,
  /** UpHunt's polling schedule: every 5 s for the first minute, then every 15 s up to 5 minutes. */
  statusFast: 5_000,
  statusFastFor: 60_000,
  statusSlow: 15_000,
  statusFor: 5 * 60_000,
  /** A delivery of new jobs that failed is tried again after this, then as long as it has been failing, up to deliveryMax. */
  deliveryRetry: 30_000,
  deliveryMax: 30 * 60_000,
} as const;

export type Wait = keyof typeof WAITS;

/** Set by test builds only (a shortened scale); a user's browser never has it. */
export const timingScaleItem = defineStored('local:timing-scale', z.number());

let scale = 1;

export function setTimingScale(value: unknown): void {
  scale = typeof value === 'number' && value >= 0.05 && value <= 1 ? value : 1;
}

/** The wait, in ms, as this browser runs it. */
export function waitMs(name: Wait): number {
  return WAITS[name] * scale;
}

/** The alarm's delay and period in minutes (unpacked test builds may go below Chrome's 30 s). */
export function alarmMinutes(): number {
  return waitMs('alarm') / 60_000;
}

/** Reads the stored scale and follows it. Called first by each context that waits. */
export async function followTimingScale(): Promise<void> {
  setTimingScale(await timingScaleItem.getValue());
  follow(timingScaleItem, setTimingScale);
}
