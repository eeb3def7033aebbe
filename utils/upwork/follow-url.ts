/**
 * Calls `report` with each URL the tab shows, once per change, until `signal` aborts.
 * Upwork opens and closes slide-overs with pushState and back. The Navigation API says so before location.href
 * changes, so the new URL comes from its event; a browser without it is asked every second. The page can
 * dispatch events of any name on window, but none of these: it cannot make us report a URL it did not go to.
 */
export function followUrl(report: (url: string) => void, signal: AbortSignal, poll = 1000): void {
  let last = '';
  const seen = (url: string) => {
    if (url === last || signal.aborted) return;
    last = url;
    report(url);
  };
  seen(location.href);
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (typeof navigation?.addEventListener === 'function')
    navigation.addEventListener('navigate', (event) => seen((event as Event & { destination: { url: string } }).destination.url), { signal });
  else {
    const timer = setInterval(() => seen(location.href), poll);
    signal.addEventListener('abort', () => clearInterval(timer));
  }
  addEventListener('popstate', () => seen(location.href), { signal });
  // A page restored from the back/forward cache runs no script again: it is reported as shown.
  addEventListener(
    'pageshow',
    (event) => {
      if (!event.persisted) return;
      last = '';
      seen(location.href);
    },
    { signal },
  );
}
