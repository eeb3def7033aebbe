import { BADGE_HOST, renderBadge } from '@/components/tile-badge';
import { onMessage, sendMessage, type KnownClient } from '@/utils/messaging';
import { readPage } from '@/utils/upwork/extract';
import { badgeView, readTile, TILE_SELECTOR, type TileFacts } from '@/utils/upwork/tiles';

export default defineContentScript({
  matches: ['https://www.upwork.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    let lastUrl = '';
    const report = (url: string) => {
      if (url === lastUrl) return;
      lastUrl = url;
      // The background may be asleep or reloading; the panel asks again through readPage when it opens.
      sendMessage('pageSeen', readPage(document, url)).catch(() => undefined);
    };
    onMessage('readPage', () => readPage(document, location.href));
    report(location.href);
    // Upwork opens and closes slide-overs with pushState and back. WXT's watcher fires on the Navigation API's
    // `navigate`, before location.href changes, so the new URL comes from the event.
    ctx.addEventListener(window, 'wxt:locationchange', (event) => report(event.newUrl.href));
    ctx.addEventListener(window, 'popstate', () => report(location.href));

    badgeTiles(ctx.signal);
  },
});

const TILES_PER_MESSAGE = 200;

/** Badges every job tile, and the tiles infinite scroll adds later: one observer, work only for new tiles. */
function badgeTiles(signal: AbortSignal) {
  const done = new WeakSet<Element>();
  // Badges by job, so a client looked up later can repaint them.
  const shown = new Map<string, Array<{ host: HTMLElement; facts: TileFacts }>>();
  const paint = (host: HTMLElement, facts: TileFacts, known: KnownClient | null) =>
    renderBadge(host, badgeView(facts, known), () => void sendMessage('openJob', { ciphertext: facts.ciphertext }).catch(() => undefined));
  onMessage('tileKnown', ({ data }) => {
    for (const { host, facts } of shown.get(data.ciphertext) ?? []) paint(host, facts, data.known);
  });
  let scheduled = false;
  const scan = async () => {
    scheduled = false;
    // A tile Upwork re-rendered around our badge keeps it: badge each tile once.
    const fresh = [...document.querySelectorAll(TILE_SELECTOR)].filter((tile) => !done.has(tile) && !tile.querySelector(BADGE_HOST));
    if (fresh.length === 0) return;
    fresh.forEach((tile) => done.add(tile));
    const tiles = fresh.map(readTile).filter((facts): facts is TileFacts => facts !== null && facts.title !== null);
    // The background accepts a bounded list per message: a long feed goes in slices.
    for (let start = 0; start < tiles.length; start += TILES_PER_MESSAGE) {
      const slice = tiles.slice(start, start + TILES_PER_MESSAGE);
      const answer = await sendMessage('tiles', { ciphertexts: slice.map((t) => t.ciphertext) }).catch(() => null);
      if (!answer?.show || signal.aborted) return;
      for (const facts of slice) {
        const host = document.createElement(BADGE_HOST);
        paint(host, facts, (answer.known as Record<string, KnownClient>)[facts.ciphertext] ?? null);
        facts.title!.after(host);
        shown.set(facts.ciphertext, [...(shown.get(facts.ciphertext) ?? []), { host, facts }]);
      }
    }
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    // Many mutations arrive together while a page renders or scrolls: scan once per frame.
    requestAnimationFrame(() => void scan());
  };
  const observer = new MutationObserver((records) => {
    if (records.some((r) => r.addedNodes.length > 0)) schedule();
  });
  observer.observe(document.body, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect());
  schedule();
}
