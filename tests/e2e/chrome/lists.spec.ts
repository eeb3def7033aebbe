/**
 * Lists, on a real search page: rules fold tiles with the reason, Show reveals one, a job hidden from its badge
 * stays hidden in another tab until Undo. (A client who reposts a job: client-history.spec.ts.)
 */
import type { Page } from '@playwright/test';
import { realPage } from '../../real/captures';
import { blockOtherHosts, expect, openUpwork, saveKeys, test } from './fixtures';

/** Scrolls to the end (the capture is unstyled and very tall) until `count` tiles carry a fold or a badge. */
async function scrollUntil(page: Page, selector: string, count: number) {
  await expect
    .poll(
      async () => {
        await page.evaluate(() => scrollBy(0, innerHeight));
        return page.evaluate((s) => document.querySelectorAll(s).length, selector);
      },
      { timeout: 30_000, intervals: [50] },
    )
    .toBeGreaterThanOrEqual(count);
}

/** What each fold says (its shadow root's text, without its style sheet). */
const foldText = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('uphunt-fold')].map((host) =>
      [...(host.shadowRoot?.childNodes ?? [])]
        .filter((node) => node.nodeName !== 'STYLE')
        .map((node) => node.textContent)
        .join(''),
    ),
  );

test('a rule hides exactly the tiles it should, with the reason; Show reveals one; a job hidden from its badge stays hidden until Undo', async ({
  context,
  extensionId,
  sandbox,
}) => {
  await blockOtherHosts(context);
  const options = await saveKeys(context, extensionId);
  const rules = options.getByRole('form', { name: 'List rules' });
  await rules.getByLabel("Hide jobs whose client's payment is not verified").check();
  await rules.getByRole('button', { name: 'Save list rules' }).click();
  await expect(rules.getByRole('status')).toContainText('Saved');

  sandbox.servePage('/nx/search/jobs/', realPage('search-2024-08.html'));
  const { page, tabId } = await openUpwork(context, extensionId, '/nx/search/jobs/');
  await scrollUntil(page, 'uphunt-tile-badge', 20);
  await expect.poll(() => foldText(page)).toHaveLength(5);
  for (const text of await foldText(page)) expect(text).toMatch(/^Hidden: payment not verified · Show/);
  await expect(page.locator('uphunt-counter')).toContainText('UpHunt: 5 jobs hidden');
  // The popup says it too.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
  await expect(popup.getByRole('status')).toContainText('5 jobs hidden on this page by your list rules: 5 × payment not verified');

  // Show reveals one.
  await page
    .locator('uphunt-fold')
    .first()
    .getByRole('button', { name: /^Show this job/ })
    .click();
  await expect(page.locator('uphunt-fold')).toHaveCount(4);
  await expect(page.locator('uphunt-counter')).toContainText('UpHunt: 4 jobs hidden');

  // Hide a verified client's job from its badge: folded, and still after a reload and in another tab.
  const badge = page
    .locator('uphunt-tile-badge')
    .filter({ has: page.getByRole('button', { name: /payment verified/ }) })
    .first();
  const ciphertext = await badge.evaluate((host) => host.closest('article')!.querySelector('a[href*="/jobs/"]')!.getAttribute('href'));
  await badge.getByRole('button', { name: 'Hide this job' }).click();
  await expect(page.locator('uphunt-fold')).toHaveCount(5);
  await expect.poll(() => foldText(page)).toContainEqual(expect.stringMatching(/^Hidden: job hidden by you · Show.*Undo/));
  const again = await openUpwork(context, extensionId, '/nx/search/jobs/');
  await scrollUntil(again.page, 'uphunt-fold', 6);
  const hiddenHref = await again.page.evaluate(() =>
    [...document.querySelectorAll('[data-uphunt-hidden="job hidden by you"] a[href*="/jobs/"]')].map((a) => a.getAttribute('href')),
  );
  expect(hiddenHref).toContain(ciphertext);
  // Undo restores it.
  await page.locator('uphunt-fold').getByRole('button', { name: 'Undo: job hidden by you' }).click();
  await expect(page.locator('[data-uphunt-hidden="job hidden by you"]')).toHaveCount(0);
  const after = await openUpwork(context, extensionId, '/nx/search/jobs/');
  await scrollUntil(after.page, 'uphunt-tile-badge', 20);
  await expect(after.page.locator('[data-uphunt-hidden="job hidden by you"]')).toHaveCount(0);
  await expect(after.page.locator('uphunt-fold')).toHaveCount(5);
});
