import { expect, openPanel, openUpwork, saveKeys, test } from './fixtures';

const badges = (page: import('@playwright/test').Page) => page.locator('uphunt-tile-badge');
const TILES = 'article.job-tile, article[data-test="JobTile"], section[data-ev-sublocation="job_feed_tile"]';

/** Scrolls the page to its end as a reader would, a screen at a time, letting each frame render. */
async function scrollThrough(page: import('@playwright/test').Page) {
  await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
      scrollTo(0, y);
      await frame();
    }
  });
}

test('tiles get a badge as they come into view, tiles added by scrolling too, and a badge opens its job in the panel', async ({
  context,
  extensionId,
  sandbox,
}) => {
  await saveKeys(context, extensionId);
  const { page, tabId } = await openUpwork(context, extensionId, '/nx/find-work/');
  const tiles = await page.locator(TILES).count();
  expect(tiles).toBeGreaterThan(50);
  // The first screens at once; the rest as the user scrolls to them.
  await expect(page.locator('article.job-tile').first().locator('uphunt-tile-badge')).toBeVisible();
  expect(await badges(page).count()).toBeLessThan(tiles);
  await scrollThrough(page);
  await expect(badges(page)).toHaveCount(tiles);
  // The page's own facts, rated: an unverified payment method reads as risky.
  await expect(
    page
      .locator('article.job-tile')
      .nth(2)
      .locator('uphunt-tile-badge')
      .getByRole('button', { name: /^Client:/ }),
  ).toHaveText('Risky');
  // No API call for tiles the user has not opened.
  expect(sandbox.requests().filter((r) => r.host === 'uphunt.io' && !r.path.includes('auto-apply'))).toHaveLength(0);

  // Infinite scroll appends more tiles.
  await page.evaluate(() => {
    const list = document.getElementById('tiles')!;
    for (let i = 0; i < 5; i++) {
      // A fresh tile as Upwork renders it: a copy of the last one without our badge.
      const tile = list.querySelector('article.job-tile:last-of-type')!.cloneNode(true) as Element;
      tile.querySelectorAll('uphunt-tile-badge').forEach((badge) => badge.remove());
      list.append(tile);
    }
  });
  await scrollThrough(page);
  await expect(badges(page)).toHaveCount(tiles + 5);

  // The badge of the Northwind job opens that job's client.
  await page
    .locator('article.job-tile')
    .first()
    .locator('uphunt-tile-badge')
    .getByRole('button', { name: /^Client:/ })
    .click();
  const panel = await openPanel(context, extensionId, tabId);
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Northwind Analytics GmbH');
  // Styles stay inside the badge's shadow root.
  expect(await page.evaluate(() => document.querySelectorAll('style').length)).toBe(0);
});

test('on the ~2 MB feed of 2,200+ tiles, only tiles near the view are badged, down to the last one', async ({ context, extensionId }) => {
  await saveKeys(context, extensionId);
  const { page } = await openUpwork(context, extensionId, '/nx/find-work/most-recent');
  const tiles = await page.locator(TILES).count();
  expect(tiles).toBeGreaterThan(2200);
  await expect(page.locator(TILES).first().locator('uphunt-tile-badge')).toBeVisible();
  // Jumping to the end badges the last tiles, not the thousands scrolled past.
  await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
  // Laying out a 2 MB page after the jump takes seconds when other browsers share the CPU: what is checked is
  // which tiles get badged, not how fast.
  await expect(page.locator(TILES).last().locator('uphunt-tile-badge')).toBeVisible({ timeout: 30_000 });
  expect(await badges(page).count()).toBeLessThan(100);
});

test('badges can be switched off in Options', async ({ context, extensionId }) => {
  const options = await saveKeys(context, extensionId);
  await options.getByLabel("Badge job tiles with the client's quality").uncheck();
  await expect(options.getByText('Badges off')).toBeVisible();
  const { page, tabId } = await openUpwork(context, extensionId, '/nx/find-work/');
  // The content script has reported the page (and asked about its tiles right after): then count.
  const panel = await openPanel(context, extensionId, tabId);
  await expect(panel.getByRole('heading', { name: 'No job on this page' })).toBeVisible();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await expect(badges(page)).toHaveCount(0);

  await options.getByLabel("Badge job tiles with the client's quality").check();
  await page.reload();
  await expect(badges(page).first()).toBeVisible();
});

test('"look up clients of listed jobs" fills badges with scores, asking UpHunt once per client', async ({ context, extensionId, sandbox }) => {
  const options = await saveKeys(context, extensionId);
  await options.getByLabel('Look up clients of listed jobs').check();
  await expect(options.getByText('Badges on')).toBeVisible();
  const { page } = await openUpwork(context, extensionId, '/nx/find-work/');
  // The Kestrel job's badge gets the client's score once UpHunt answered.
  const kestrel = page
    .locator('article.job-tile')
    .nth(4)
    .locator('uphunt-tile-badge')
    .getByRole('button', { name: /^Client:/ });
  await expect(kestrel).toHaveAttribute('aria-label', /score \d+/, { timeout: 20_000 });
  const clientCalls = sandbox.requests().filter((r) => r.path.includes('/clients/'));
  expect(new Set(clientCalls.map((r) => r.path)).size).toBe(clientCalls.length);
});
