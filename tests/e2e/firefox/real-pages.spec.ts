/** Firefox: real Upwork captures at their real URLs, every other host refused (see the Chromium spec of the same name). */
import { expect, test } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { NORTHWIND, BLUE_HARBOR } from '../../sandbox/data';
import { realPage } from '../../real/captures';
import { openExtensionPage, tabIdOf, waitForText, useFirefoxSession, clickButton } from './launch';

const firefox = useFirefoxSession({ keys: ['uphunt'], blockOtherHosts: true });

/**
 * Scrolls through the page (unstyled captures are very tall) until every tile has its badge; their labels. A tile
 * is badged once it has been in view: a busy browser may scroll past one before it noticed, so the scroll starts
 * over from the top until every tile was seen.
 */
async function badgeLabels(page: Page, expected: number): Promise<string[]> {
  await page.waitForFunction(
    (n: number) => {
      if (scrollY + innerHeight >= document.documentElement.scrollHeight - 1) scrollTo(0, 0);
      else scrollBy(0, innerHeight);
      return document.querySelectorAll('uphunt-tile-badge').length >= n;
    },
    { timeout: 30_000, polling: 100 },
    expected,
  );
  return page.evaluate(() =>
    [...document.querySelectorAll('uphunt-tile-badge')].map((host) => host.shadowRoot?.querySelector('button')?.getAttribute('aria-label') ?? ''),
  );
}

test('Firefox: a real search page and a real feed: every badge states the payment status its tile shows', async () => {
  firefox.sandbox.servePage('/nx/search/jobs/', realPage('search-2024-08.html'));
  firefox.sandbox.servePage('/nx/find-work/most-recent', realPage('feed-most-recent-2024-09-fragment.html'));
  const search = await firefox.browser.newPage();
  await search.goto('https://www.upwork.com/nx/search/jobs/');
  const labels = await badgeLabels(search, 20);
  expect(labels).toHaveLength(20);
  expect(labels.filter((l) => l.includes('payment unverified'))).toHaveLength(5);
  expect(labels.filter((l) => l.includes('payment verified'))).toHaveLength(15);
  const feed = await firefox.browser.newPage();
  await feed.goto('https://www.upwork.com/nx/find-work/most-recent');
  for (const label of await badgeLabels(feed, 2)) expect(label).toContain('payment verified');
});

test("Firefox: the real 2024-10 job page finds its client through their other open job, never a similar job's client", async () => {
  const path = '/jobs/Need-Higher-Level-expert-set-CRM-for-life-insurance-campaign_~021836097417550972322/';
  firefox.sandbox.servePage(path, realPage('job-2024-10.html'));
  firefox.sandbox.archive('~021836084896483984802', NORTHWIND);
  firefox.sandbox.archive('~021827749074277538426', BLUE_HARBOR);
  const job = await firefox.browser.newPage();
  await job.goto(`https://www.upwork.com${path}`);
  const tabId = await tabIdOf(firefox.options, `https://www.upwork.com${path}`);
  await openExtensionPage(firefox.options, 'sidepanel', tabId);
  const text = await waitForText(firefox.options, 'Northwind Analytics GmbH');
  expect(text).toContain('Payment verified');
  expect(text).not.toContain('Blue Harbor Studio');
});

test('Firefox: the real 2026-03 job page finds its client through the newest archived job in its state; an unarchived client is shown as the page describes them', async () => {
  firefox.sandbox.servePage('/jobs/~022037632358032505171', realPage('job-2026-03.html'));
  firefox.sandbox.archive('~022021608068679944918', NORTHWIND);
  const url = 'https://www.upwork.com/jobs/~022037632358032505171?referrer_url_path=%2Fbest-matches%2Fdetails%2F~022037632358032505171';
  const job = await firefox.browser.newPage();
  await job.goto(url);
  await openExtensionPage(firefox.options, 'sidepanel', await tabIdOf(firefox.options, url));
  // Waits for this page's own figure: the sidebar page may still show the job before it (also Northwind's).
  const found = await waitForText(firefox.options, '20 (you have 246)');
  expect(found).toContain('Northwind Analytics GmbH');

  const path = '/jobs/Top-span-class-highlight-React-span-frontend-developer-wanted_~021850898891443283840/';
  firefox.sandbox.servePage(path, realPage('job-2024-11.html'));
  const fresh = await firefox.browser.newPage();
  await fresh.goto(`https://www.upwork.com${path}`);
  await openExtensionPage(firefox.options, 'sidepanel', await tabIdOf(firefox.options, `https://www.upwork.com${path}`));
  const text = await waitForText(firefox.options, 'The client, as the Upwork page describes them');
  expect(text).toContain('From the Upwork page');
  expect(text).toContain('United States');
  expect(text).toContain('Phone verified');
  expect(text).toMatch(/Client score: \d+/);
});

test('Firefox: the real 2025-12 slide-over and apply page show the Connects and the activity each shows', async () => {
  const slide = 'https://www.upwork.com/nx/find-work/most-recent/details/~021999055296412911573';
  firefox.sandbox.servePage(new URL(slide).pathname, realPage('slide-over-2025-12.html'));
  const over = await firefox.browser.newPage();
  await over.goto(slide);
  await openExtensionPage(firefox.options, 'sidepanel', await tabIdOf(firefox.options, slide));
  // Waits for this page's own figure: the sidebar page may still show the job before it.
  const text = await waitForText(firefox.options, '14 (you have 25)');
  expect(text).toContain('On the Upwork page');
  expect(text).toContain('Less than 5');
  const apply = 'https://www.upwork.com/nx/proposals/job/~021998744339961847531/apply/';
  firefox.sandbox.servePage(new URL(apply).pathname, realPage('apply-2025-12.html'));
  const page = await firefox.browser.newPage();
  await page.goto(apply);
  await openExtensionPage(firefox.options, 'sidepanel', await tabIdOf(firefox.options, apply));
  expect(await waitForText(firefox.options, 'Connects left after sending')).toMatch(/Connects left after sending\s*15/);
});

test('Firefox: the rule "payment not verified" folds exactly the real search page\'s unverified tiles, with the reason; Show reveals one', async () => {
  await firefox.options.evaluate(() => {
    location.href = '/options.html';
  });
  await waitForText(firefox.options, 'Hide jobs on lists');
  await firefox.options.bringToFront();
  await firefox.options.locator(`::-p-xpath(//label[contains(normalize-space(), "Hide jobs whose client's payment is not verified")]/input)`).click();
  await clickButton(firefox.options, 'Save list rules');
  await waitForText(firefox.options, 'Saved: lists you open from now on follow these rules.');

  firefox.sandbox.servePage('/nx/search/jobs/', realPage('search-2024-08.html'));
  const search = await firefox.browser.newPage();
  await search.goto('https://www.upwork.com/nx/search/jobs/');
  await badgeLabels(search, 20);
  const folds = () =>
    search.evaluate(() =>
      [...document.querySelectorAll('uphunt-fold')].map((host) =>
        [...(host.shadowRoot?.childNodes ?? [])]
          .filter((node) => node.nodeName !== 'STYLE')
          .map((node) => node.textContent)
          .join(''),
      ),
    );
  await search.waitForFunction(() => document.querySelectorAll('uphunt-fold').length === 5, { timeout: 15_000, polling: 100 });
  for (const text of await folds()) expect(text).toMatch(/^Hidden: payment not verified · Show/);
  await search.evaluate(() => (document.querySelector('uphunt-fold')!.shadowRoot!.querySelector('button') as HTMLButtonElement).click());
  await search.waitForFunction(() => document.querySelectorAll('uphunt-fold').length === 4, { timeout: 15_000, polling: 100 });
});
