/**
 * The reference pass of the bench: the DOM work the content script must do on a page, with no extension around
 * it (read the page, read the facts of the tiles it badges and put a word beside each), run as a page script.
 * Bundled by the bench.
 */
import { readPage } from '../../utils/upwork/extract';
import { readTile, TILE_SELECTOR } from '../../utils/upwork/tiles';

export interface ReferencePass {
  /** All of it, and its longest single piece (reading the page, or reading one batch of tiles). */
  total: number;
  longest: number;
}

const time = (work: () => void) => {
  const start = performance.now();
  work();
  return performance.now() - start;
};

const badges: Element[] = [];

/**
 * Reads the tiles `from`…`to` (document order) as one batch; at load (`atLoad`) it first reads the page and
 * finds the tiles, as the content script does then. A screen scrolled finds no tiles again: the script keeps them.
 */
function referencePass(from: number, to: number, atLoad: boolean): ReferencePass {
  const page = atLoad ? time(() => readPage(document, location.href)) : 0;
  let found: NodeListOf<Element> | null = atLoad ? null : document.querySelectorAll(TILE_SELECTOR);
  const tiles = time(() => {
    found ??= document.querySelectorAll(TILE_SELECTOR);
    for (let i = from; i < Math.min(to, found.length); i++) {
      const title = readTile(found[i]!)?.title;
      // The least a badge can be: a word after the title.
      const badge = document.createElement('b');
      badge.textContent = 'Good';
      title?.after(badge);
      badges.push(badge);
    }
  });
  // Taken away untimed, so that the page is as the product left it.
  for (const badge of badges.splice(0)) badge.remove();
  return { total: page + tiles, longest: Math.max(page, tiles) };
}

(globalThis as unknown as { referencePass: typeof referencePass }).referencePass = referencePass;
