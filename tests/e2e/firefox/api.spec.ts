/** Firefox: a 409 from /apply followed to its end with one POST; a watched search checked, announced and listed. */
import { expect, test } from '@playwright/test';
import { clickButton, openExtensionPage, tabIdOf, typeInto, waitForText, useFirefoxSession } from './launch';

const firefox = useFirefoxSession({ keys: ['uphunt', 'mindcase'] });

test('Firefox: a 409 (an application made elsewhere) reads as already applied and is followed to its end, one POST', async () => {
  firefox.sandbox.setApplyOutcome('applied', 2000);
  const url = 'https://www.upwork.com/jobs/Mobile-App-QA-Tester_~022047700011122233344/';
  const job = await firefox.browser.newPage();
  await job.goto(url);
  await openExtensionPage(firefox.options, 'sidepanel', await tabIdOf(firefox.options, url));
  await waitForText(firefox.options, 'Apply as Ada Novak');
  firefox.sandbox.applyElsewhere('~022047700011122233344');
  await firefox.options.bringToFront();
  await clickButton(firefox.options, 'Apply as Ada Novak');
  const text = await waitForText(firefox.options, 'One credit was spent.', 30_000);
  expect(text).not.toContain('Not sent');
  expect(firefox.sandbox.requests().filter((r) => r.method === 'POST' && r.path.endsWith('/apply'))).toHaveLength(1);
  expect(firefox.sandbox.requests().some((r) => r.path.includes('/status?jobId='))).toBe(true);
});

test('Firefox: a watched search, checked now, lists its new jobs in the sidebar with the score of a client UpHunt knows; the next check announces only new jobs; the cap stops it', async () => {
  // Back to Options the way openExtensionPage navigates (Puppeteer's goto does not settle on extension pages under BiDi).
  await firefox.options.evaluate(() => {
    location.href = '/options.html';
  });
  await waitForText(firefox.options, 'Watched searches');
  await typeInto(firefox.options, 'Name', 'shopify');
  await typeInto(firefox.options, 'Searches (one per line)', 'shopify');
  await typeInto(firefox.options, 'Rows a check may buy, per search (1–50)', '5');
  await waitForText(firefox.options, 'At most $0.015 a check');
  await clickButton(firefox.options, 'Save watch');
  await waitForText(firefox.options, 'Saved "shopify"');
  await clickButton(firefox.options, 'Check now');
  await waitForText(firefox.options, '3 rows bought ($0.009), 3 new.', 30_000);
  const runs = firefox.sandbox.requests().filter((r) => r.host === 'api.mindcase.co' && r.method === 'POST' && r.path.endsWith('/run'));
  expect(runs).toHaveLength(1);
  // The notification itself is checked in Chromium: headless Firefox has no alert service to keep one open.

  const url = 'https://www.upwork.com/nx/find-work/best-matches';
  const list = await firefox.browser.newPage();
  await list.goto(url);
  await openExtensionPage(firefox.options, 'sidepanel', await tabIdOf(firefox.options, url));
  const text = await waitForText(firefox.options, 'Shopify: API integration #3');
  expect(text).toMatch(/client score \d+/);
  expect(text).toContain('Shopify: landing page #2');

  // A second check announces only the two jobs published since, asking for 4 rows (3 new last time, plus one).
  firefox.sandbox.publishJobs(2);
  await firefox.options.evaluate(() => {
    location.href = '/options.html';
  });
  await waitForText(firefox.options, '3 rows bought ($0.009), 3 new.');
  await clickButton(firefox.options, 'Check now');
  await waitForText(firefox.options, '4 rows bought ($0.012), 2 new.', 30_000);
  const second = firefox.sandbox.requests().filter((r) => r.host === 'api.mindcase.co' && r.method === 'POST' && r.path.endsWith('/run'));
  expect((second[1]?.body as { params: { limit: number } }).params.limit).toBe(4);

  // The monthly cap (set as Options saves it; the form itself is driven in Chromium) stops it before anything is bought, and says so.
  await firefox.options.evaluate(() =>
    (globalThis as unknown as { browser: typeof chrome }).browser.storage.local.set({ 'enrich-settings': { autoEnrich: false, monthlyCapUsd: 0.01 } }),
  );
  await clickButton(firefox.options, 'Check now');
  await waitForText(firefox.options, 'Stopped by the monthly Mindcase cap');
  expect(firefox.sandbox.requests().filter((r) => r.host === 'api.mindcase.co' && r.method === 'POST' && r.path.endsWith('/run'))).toHaveLength(2);
});
