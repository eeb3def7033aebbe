/**
 * The one retry policy of the background: a wait as long as the time already spent trying (so it doubles), from
 * `first` up to `max`; and no try before the time a service named (429 Retry-After). The apply queue's asking
 * by job and Mindcase's polls and rate-limited runs all wait by it.
 */

/** How long to wait before the next try, `elapsed` ms after the first one. */
export function backoffDelay(elapsed: number, first: number, max: number): number {
  return Math.min(max, Math.max(first, elapsed));
}

/** When the next try may go: after `delay`, and never before a Retry-After the service named. */
export function nextTryAt(now: number, delay: number, retryAt: number | null | undefined): number {
  return Math.max(now + delay, retryAt ?? 0);
}
