import { describe, expect, it } from 'vitest';
import { backoffDelay, nextTryAt } from '@/utils/backoff';

describe('the one retry policy', () => {
  it('waits as long as already spent trying (doubling), from the first wait up to the longest', () => {
    const waits: number[] = [];
    for (let elapsed = 0; waits.length < 7; elapsed += waits.at(-1)!) waits.push(backoffDelay(elapsed, 5_000, 60_000));
    expect(waits).toEqual([5_000, 5_000, 10_000, 20_000, 40_000, 60_000, 60_000]);
  });

  it('never tries before the time a service named, nor sooner than the wait', () => {
    expect(nextTryAt(1_000, 5_000, null)).toBe(6_000);
    expect(nextTryAt(1_000, 5_000, 30_000)).toBe(30_000);
    expect(nextTryAt(1_000, 5_000, 2_000)).toBe(6_000);
  });
});
