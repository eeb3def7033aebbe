import { afterEach, describe, expect, it, vi } from 'vitest';
import { followUrl } from '@/utils/upwork/follow-url';

afterEach(() => vi.useRealTimers());

describe('followUrl: the URLs a tab shows, for the content script', () => {
  it('reports the page, then each slide-over opened and closed once, and nothing after its lifetime ends', () => {
    vi.useFakeTimers();
    history.replaceState(null, '', '/nx/find-work/');
    const life = new AbortController();
    const seen: string[] = [];
    followUrl((url) => seen.push(new URL(url).pathname), life.signal, 1000);
    expect(seen).toEqual(['/nx/find-work/']);

    history.pushState(null, '', '/nx/find-work/details/~022052895097657407455');
    vi.advanceTimersByTime(1000);
    vi.advanceTimersByTime(1000);
    history.back();
    dispatchEvent(new PopStateEvent('popstate'));
    history.replaceState(null, '', '/nx/find-work/');
    dispatchEvent(new PopStateEvent('popstate'));
    expect(seen).toEqual(['/nx/find-work/', '/nx/find-work/details/~022052895097657407455', '/nx/find-work/']);

    // A page restored from the back/forward cache is reported again, though its URL did not change.
    dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
    expect(seen).toHaveLength(4);

    life.abort();
    history.pushState(null, '', '/jobs/~022052895097657407455');
    vi.advanceTimersByTime(5000);
    dispatchEvent(new PopStateEvent('popstate'));
    expect(seen).toHaveLength(4);
  });
});
