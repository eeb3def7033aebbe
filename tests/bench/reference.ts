/**
 * The reference pass of the bench: the DOM work the content script must do on a page, with no extension around
 * it (read the page, read the facts of the tiles it badges at load), run as a page script. Bundled by the bench.
 */
import { readPage } from '../../utils/upwork/extract';
import { readTile, TILE_SELECTOR } from '../../utils/upwork/tiles';

(globalThis as unknown as { referencePass: (tiles: number) => number }).referencePass = (tiles: number) => {
  const start = performance.now();
  readPage(document, location.href);
  const found = document.querySelectorAll(TILE_SELECTOR);
  for (let i = 0; i < Math.min(tiles, found.length); i++) readTile(found[i]!);
  return performance.now() - start;
};
