import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { BADGE_HOST, foldTile, pageTheme, renderBadge, renderCounter, unfoldTile } from '@/utils/ui/tile-badge';
import { timed } from '@/utils/bench';
import { contentLife, onMessage, sendMessage } from '@/utils/messaging/transport';
import type { TileSeen } from '@/utils/lists/rules';
import type { TileView } from '@/utils/lists/tiles-answer';
import { readPage } from '@/utils/upwork/extract';
import { followUrl } from '@/utils/upwork/follow-url';
import { missingFacts, readTile, TILE_SELECTOR, type TileFact, type TileFacts } from '@/utils/upwork/tiles';

/**
 * The Upwork tabs' script. It is declared in the manifest by wxt.config.ts (an unlisted script, not WXT's
 * content-script entrypoint): it runs in every Upwork tab all day, and WXT's content-script context (3 KB)
 * offered nothing it uses that follow-url.ts and contentLife do not, in a sixth of the size (#17).
 */
export default defineUnlistedScript(() => {
  // The background may be asleep or reloading; the panel asks again through readPage when it opens.
  followUrl(
    (url) =>
      void sendMessage(
        'pageSeen',
        timed('read-page', () => readPage(document, url)),
      ).catch(() => undefined),
    contentLife,
  );
  onMessage('readPage', () => timed('read-page', () => readPage(document, location.href)));
  badgeTiles(contentLife);
});

const TILES_PER_MESSAGE = 200;
// Tiles this far below or above the viewport are badged before they scroll in.
const AHEAD = '800px 0px';
// How many tiles around the view are observed at a time.
const WINDOW = 60;

/**
 * Badges job tiles as they come near the viewport: a feed of 2,000 tiles costs the work of the dozen in view.
 * One MutationObserver finds tiles Upwork adds (scanned once per frame, only in what was added); one
 * IntersectionObserver says which of them to read and badge.
 */
function badgeTiles(signal: AbortSignal) {
  const seen = new WeakSet<Element>();
  // Tiles by job, so a client looked up later, a block or its Undo can paint them again.
  const shown = new Map<string, Array<{ host: HTMLElement; facts: TileFacts }>>();
  const hidden = new Map<Element, string>();
  // Tiles the user chose to see: a rule does not fold them again on this page.
  const revealed = new WeakSet<Element>();
  const counter = () => renderCounter([...hidden.values()]);
  const seenOf = (facts: TileFacts): TileSeen => ({
    ciphertext: facts.ciphertext,
    title: (facts.title?.textContent ?? '').trim().slice(0, 300),
    paymentVerified: facts.paymentVerified,
    totalSpent: facts.totalSpent,
    rating: facts.rating,
    country: facts.country,
    proposals: facts.proposals,
  });
  // A block or its Undo may fold or unfold other tiles of the same client: every tile shown is judged again.
  const judgeAll = () => judge([...shown.values()].flat().map((s) => s.facts));
  const hide = async (facts: TileFacts, what: 'job' | 'client') => {
    const block = await sendMessage('block', { ciphertext: facts.ciphertext, what, title: seenOf(facts).title }).catch(() => null);
    if (!block) return;
    await judgeAll();
    foldTile(facts.tile, block.reason, { show: () => show(facts.tile), undo: () => void sendMessage('unblock', { id: block.id }).then(judgeAll) });
  };
  const show = (tile: Element) => {
    revealed.add(tile);
    unfoldTile(tile);
    hidden.delete(tile);
    counter();
  };
  const paint = (facts: TileFacts, view: TileView, badges: boolean) => {
    if (view.hidden && !hidden.has(facts.tile) && !revealed.has(facts.tile)) {
      hidden.set(facts.tile, view.hidden);
      foldTile(facts.tile, view.hidden, { show: () => show(facts.tile) });
    } else if (!view.hidden && hidden.has(facts.tile)) show(facts.tile);
    if (!badges || !facts.title?.isConnected) return;
    const list = shown.get(facts.ciphertext) ?? [];
    let host = list.find((s) => s.facts.tile === facts.tile)?.host;
    if (!host) {
      host = document.createElement(BADGE_HOST);
      facts.title.after(host);
      shown.set(facts.ciphertext, [...list, { host, facts }]);
    }
    renderBadge(host, view, {
      open: () => void sendMessage('openJob', { ciphertext: facts.ciphertext }).catch(() => undefined),
      hide: (what) => void hide(facts, what),
    });
  };
  onMessage('tileKnown', ({ data }) => void judge((shown.get(data.ciphertext) ?? []).map((s) => s.facts)));

  /** Sends what the tiles show; paints the badges and folds the tiles the background answers for. */
  const judge = async (tiles: TileFacts[], missing: Partial<Record<TileFact, number>> = {}) => {
    // The background accepts a bounded list per message.
    for (let start = 0; start < tiles.length; start += TILES_PER_MESSAGE) {
      const slice = tiles.slice(start, start + TILES_PER_MESSAGE);
      const answer = await sendMessage('tiles', { tiles: slice.map(seenOf), missing: start ? {} : missing }).catch(() => null);
      if (!answer || signal.aborted) return;
      timed('paint-badges', () => {
        for (const facts of slice) {
          const view = answer.views[facts.ciphertext];
          if (view) paint(facts, view, answer.show);
        }
        counter();
      });
    }
  };

  const visible = new IntersectionObserver(
    (entries) => {
      const missing: Partial<Record<TileFact, number>> = {};
      const tiles = timed('read-tiles', () => {
        const read: TileFacts[] = [];
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          visible.unobserve(entry.target);
          // A tile Upwork re-rendered around our badge keeps it.
          if (entry.target.querySelector(BADGE_HOST)) continue;
          const facts = readTile(entry.target);
          if (!facts?.title) continue;
          read.push(facts);
          for (const fact of missingFacts(entry.target)) missing[fact] = (missing[fact] ?? 0) + 1;
        }
        return read;
      });
      if (tiles.length > 0) void judge(tiles, missing);
    },
    { rootMargin: AHEAD },
  );

  const watch = (tile: Element) => {
    if (seen.has(tile)) return;
    seen.add(tile);
    visible.observe(tile);
  };

  // The page's tiles in document order, which is their order down the page. Only a window of them around the
  // view is observed: a long feed costs the work of that window, not of thousands of tiles.
  let tiles: NodeListOf<Element> | null = null;
  const observeAround = (index: number) => {
    const list = (tiles ??= document.querySelectorAll(TILE_SELECTOR));
    for (let i = Math.max(0, index - WINDOW / 2); i < Math.min(list.length, index + WINDOW); i++) watch(list[i]!);
  };
  // After a scroll (or a jump to the end), the first tile in view, by a binary search over their positions.
  const firstInView = () => {
    const list = (tiles ??= document.querySelectorAll(TILE_SELECTOR));
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (list[mid]!.getBoundingClientRect().bottom < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  let scrollScheduled = false;
  const onScroll = () => {
    if (scrollScheduled) return;
    scrollScheduled = true;
    requestAnimationFrame(() => {
      scrollScheduled = false;
      timed('follow-scroll', () => observeAround(firstInView()));
    });
  };
  addEventListener('scroll', onScroll, { passive: true, signal });

  let added: Element[] = [];
  let scheduled = false;
  const scan = () =>
    timed('find-tiles', () => {
      scheduled = false;
      const roots = added;
      added = [];
      for (const root of roots) {
        if (!root.isConnected) continue;
        // Tiles Upwork adds (infinite scroll) appear near the view: watch them, and list them again on the next scroll.
        const found = root.matches(TILE_SELECTOR) ? [root] : root.firstElementChild ? [...root.querySelectorAll(TILE_SELECTOR)] : [];
        if (found.length > 0) tiles = null;
        found.slice(0, WINDOW).forEach(watch);
        // A node added inside a tile (Upwork re-rendering part of it) belongs to the tile.
        const tile = root.parentElement?.closest(TILE_SELECTOR);
        if (tile) watch(tile);
      }
    });
  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element && node.localName !== BADGE_HOST) added.push(node);
    if (added.length === 0 || scheduled) return;
    scheduled = true;
    // Many mutations arrive together while a page renders or scrolls: scan once per frame.
    requestAnimationFrame(scan);
  });
  observer.observe(document.body, { childList: true, subtree: true });
  // Badges follow Upwork's theme when the user switches it.
  const theme = new MutationObserver(() => {
    for (const host of document.querySelectorAll<HTMLElement>(BADGE_HOST)) host.dataset.theme = pageTheme();
  });
  theme.observe(document.documentElement, { attributes: true, attributeFilter: ['theme'] });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    visible.disconnect();
    theme.disconnect();
  });
  // The page as loaded: the window at its top (or wherever the browser restored the scroll to).
  timed('find-tiles', () => observeAround(scrollY > 0 ? firstInView() : 0));
}
