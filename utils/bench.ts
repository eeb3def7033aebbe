/**
 * Switches for `npm run bench` (tests/bench/), which builds the extension twice more:
 * `wxt build --mode bench` (the product, plus performance marks) and `--mode bench-naive` (the naive baseline:
 * no cache reads, no sharing of calls in flight). In production and test builds both are false and every
 * branch they guard is dropped by the bundler, so users never run either.
 */
export const PERF_MARKS = import.meta.env.MODE === 'bench' || import.meta.env.MODE === 'bench-naive';
export const NAIVE = import.meta.env.MODE === 'bench-naive';

/** Times synchronous work on the browser's performance timeline, as `uphunt:<name>`, in bench builds only. */
export function timed<T>(name: string, work: () => T): T {
  if (!PERF_MARKS) return work();
  const start = performance.now();
  try {
    return work();
  } finally {
    performance.measure(`uphunt:${name}`, { start, end: performance.now() });
  }
}

/** Marks a moment on the browser's performance timeline, as `uphunt:<name>`, in bench builds only. */
export function mark(name: string, detail: Record<string, string | number | null>): void {
  if (PERF_MARKS) performance.mark(`uphunt:${name}`, { detail });
}
