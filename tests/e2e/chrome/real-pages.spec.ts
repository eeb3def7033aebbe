/**
 * Real Upwork captures (../shared/real-upwork, never copied here) served at their real URLs, every other host
 * the page names blocked: the badges state what each tile shows, and the panel finds the client through
 * another of its jobs, or shows the client as the page describes them.
 */
import type { BrowserContext, Page } from '@playwright/test';
import type { Sandbox } from '../../sandbox/server';
import { NORTHWIND, BLUE_HARBOR } from '../../sandbox/data';
import { realPage } from '../../real/captures';
import { TILE_SELECTOR } from '../../../utils/upwork/tiles';
import { blockOtherHosts, byCipher, expect, figure, openPanel, openUpwork, saveKeys, test } from './fixtures';

/**
 * Brings each tile into view in turn, as a reader scrolling down would, waiting (up to 5 s) for its badge before
 * the next: unstyled captures are very tall, and a jump could pass a tile before it was ever seen. Then reads
 * every badge's label from its shadow root.
 */
async function badgeLabels(page: Page, expected: number): Promise<string[]> {
  await page.evaluate(async (selector) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    for (const tile of document.querySelectorAll(selector)) {
      tile.scrollIntoView({ block: 'center' });
      const until = performance.now() + 5_000;
      while (!tile.querySelector('uphunt-tile-badge') && performance.now() < until) await frame();
    }
  }, TILE_SELECTOR);
  await expect.poll(() => page.evaluate(() => document.querySelectorAll('uphunt-tile-badge').length)).toBe(expected);
  return page.evaluate(() =>
    [...document.querySelectorAll('uphunt-tile-badge')].map((host) => host.shadowRoot?.querySelector('button')?.getAttribute('aria-label') ?? ''),
  );
}

/** As a user with keys saved browsing real pages: every host but Upwork, UpHunt and Mindcase refused. */
async function browseRealPagesWithKeys(context: BrowserContext, extensionId: string) {
  await blockOtherHosts(context);
  await saveKeys(context, extensionId);
}

/** A real capture served at its path, opened in a tab, with the panel beside it. */
async function realPagePanel(context: BrowserContext, extensionId: string, sandbox: Sandbox, path: string, file: string) {
  sandbox.servePage(path, realPage(file));
  return openPanel(context, extensionId, (await openUpwork(context, extensionId, path)).tabId);
}

test('a real search page and a real feed: every badge states the payment status its tile shows', async ({ context, extensionId, sandbox }) => {
  await blockOtherHosts(context);
  sandbox.servePage('/nx/search/jobs/', realPage('search-2024-09-fragment.html'));
  sandbox.servePage('/nx/find-work/most-recent', realPage('feed-most-recent-2024-09-fragment.html'));
  const { page: search } = await openUpwork(context, extensionId, '/nx/search/jobs/');
  const labels = await badgeLabels(search, 50);
  expect(labels.filter((l) => l.includes('payment unverified'))).toHaveLength(8);
  expect(labels.filter((l) => l.includes('payment verified'))).toHaveLength(42);
  const { page: feed } = await openUpwork(context, extensionId, '/nx/find-work/most-recent');
  const feedLabels = await badgeLabels(feed, 2);
  for (const label of feedLabels) expect(label).toMatch(/payment verified · \$0 spent · .+ · proposals: Less than 5/);
  // Badges were read from the page alone: no call was made for a tile nobody opened.
  expect(sandbox.requests().filter((r) => r.host === 'uphunt.io')).toHaveLength(0);
});

test("real 2024-10 job page: the client is found through their other open job, never through a similar job's client", async ({
  context,
  extensionId,
  sandbox,
}) => {
  await browseRealPagesWithKeys(context, extensionId);
  const path = '/jobs/Need-Higher-Level-expert-set-CRM-for-life-insurance-campaign_~021836097417550972322/';
  sandbox.servePage(path, realPage('job-2024-10.html'));
  sandbox.archive('~021836084896483984802', NORTHWIND);
  sandbox.archive('~021827749074277538426', BLUE_HARBOR);
  const { tabId } = await openUpwork(context, extensionId, path);
  const panel = await openPanel(context, extensionId, tabId);
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Northwind Analytics GmbH');
  await expect(panel.getByText('Payment verified')).toBeVisible();
  expect(byCipher(sandbox)).toEqual(['~021836097417550972322', '~021836084896483984802']);
  await expect(panel.getByText('Blue Harbor Studio')).toHaveCount(0);
});

test("real 2026-03 job page: the client is found through the newest archived job of its history in one view, the page's Connects and activity shown; a job of no archived client shows the page's own description", async ({
  context,
  extensionId,
  sandbox,
}) => {
  await browseRealPagesWithKeys(context, extensionId);
  sandbox.servePage('/jobs/~022037632358032505171', realPage('job-2026-03.html'));
  // Its state lists 13 contracts, ten legacy ~01 jobs first: UpHunt holds the second newest ~02 one, ninth in the list.
  sandbox.archive('~022021608068679944918', NORTHWIND);
  const { tabId } = await openUpwork(context, extensionId, '/jobs/~022037632358032505171?referrer_url_path=%2Fbest-matches%2Fdetails%2F~022037632358032505171');
  const panel = await openPanel(context, extensionId, tabId);
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Northwind Analytics GmbH');
  expect(byCipher(sandbox)).toEqual(['~022037632358032505171', '~022025299442702686784', '~022021608068679944918']);
  await expect(figure(panel, 'Connects to apply')).toHaveText('20 (you have 246)');
  await expect(figure(panel, 'Proposals')).toHaveText('50+');
  await expect(figure(panel, 'Client last viewed')).toHaveText('16 hours ago');
  await expect(figure(panel, 'Bid range')).toHaveText('$5.00 – $6,500.00, average $4,513.09');

  const path = '/jobs/Top-span-class-highlight-React-span-frontend-developer-wanted_~021850898891443283840/';
  sandbox.servePage(path, realPage('job-2024-11.html'));
  const fresh = await openUpwork(context, extensionId, path);
  const about = await openPanel(context, extensionId, fresh.tabId);
  await expect(about.getByRole('heading', { level: 1 })).toHaveText('The client, as the Upwork page describes them');
  await expect(about.getByText(/From the Upwork page/)).toBeVisible();
  await expect(about.getByText(/United States · Member since/)).toBeVisible();
  await expect(about.getByText('Payment verified')).toBeVisible();
  await expect(about.getByText('Phone verified')).toBeVisible();
  await expect(about.getByRole('heading', { name: /Client score: \d+/ })).toBeVisible();
});

test('the real 2025-12 slide-over and apply page show their Connects and activity, as a person reads them', async ({ context, extensionId, sandbox }) => {
  await browseRealPagesWithKeys(context, extensionId);
  const slide = '/nx/find-work/most-recent/details/~021999055296412911573';
  const over = await realPagePanel(context, extensionId, sandbox, slide, 'slide-over-2025-12.html');
  await expect(figure(over, 'Connects to apply')).toHaveText('14 (you have 25)');
  await expect(figure(over, 'Proposals')).toHaveText('Less than 5');
  await expect(figure(over, 'Client last viewed')).toHaveText('4 minutes ago');
  await expect(figure(over, 'Invites sent')).toHaveText('5');
  const apply = '/nx/proposals/job/~021998744339961847531/apply/';
  const proposal = await realPagePanel(context, extensionId, sandbox, apply, 'apply-2025-12.html');
  await expect(figure(proposal, 'Connects to apply')).toHaveText('10');
  await expect(figure(proposal, 'Connects left after sending')).toHaveText('15');
});
