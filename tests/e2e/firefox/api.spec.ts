/** Firefox: a 409 from /apply followed to its end with one POST; a watched search checked, announced and listed. */
import { expect, test } from '@playwright/test';
import type { Browser, Page } from 'puppeteer-core';
import type { Sandbox } from '../../sandbox/server';
import { clickButton, openExtensionPage, tabIdOf, typeInto, waitForText, startFirefoxSession, endFirefoxSession, type FirefoxSession } from './launch';

let sandbox: Sandbox;
let browser: Browser;
let options: Page;
let session: FirefoxSession | undefined;

test.beforeAll(async () => {
  session = await startFirefoxSession({ keys: ['uphunt', 'mindcase'] });
  ({ sandbox, browser, options } = session);
});

test.afterAll(async () => endFirefoxSession(session ?? {}));

test('Firefox: a 409 (an application made elsewhere) reads as already applied and is followed to its end, one POST', async () => {
  sandbox.setApplyOutcome('applied', 2000);
  const url = 'https://www.upwork.com/jobs/Mobile-App-QA-Tester_~022047700011122233344/';
  const job = await browser.newPage();
  await job.goto(url);
  await openExtensionPage(options, 'sidepanel', await tabIdOf(options, url));
  await waitForText(options, 'Apply as Ada Novak');
  sandbox.applyElsewhere('~022047700011122233344');
  await options.bringToFront();
  await clickButton(options, 'Apply as Ada Novak');
  const text = await waitForText(options, 'One credit was spent.', 30_000);
  expect(text).not.toContain('Not sent');
  expect(sandbox.requests().filter((r) => r.method === 'POST' && r.path.endsWith('/apply'))).toHaveLength(1);
  expect(sandbox.requests().some((r) => r.path.includes('/status?jobId='))).toBe(true);
});

test('Firefox: a watched search, checked now, lists its new jobs in the sidebar with the score of a client UpHunt knows; the next check announces only new jobs; the cap stops it', async () => {
  // Back to Options the way openExtensionPage navigates (Puppeteer's goto does not settle on extension pages under BiDi).
  await options.evaluate(() => {
    location.href = '/options.html';
  });
  await waitForText(options, 'Watched searches');
  await typeInto(options, 'Name', 'shopify');
  await typeInto(options, 'Searches (one per line)', 'shopify');
  await typeInto(options, 'Rows a check may buy, per search (1–50)', '5');
  await waitForText(options, 'At most $0.015 a check');
  await clickButton(options, 'Save watch');
  await waitForText(options, 'Saved "shopify"');
  await clickButton(options, 'Check now');
  await waitForText(options, '3 rows bought ($0.009), 3 new.', 30_000);
  const runs = sandbox.requests().filter((r) => r.host === 'api.mindcase.co' && r.method === 'POST' && r.path.endsWith('/run'));
  expect(runs).toHaveLength(1);
  // The notification itself is checked in Chromium: headless Firefox has no alert service to keep one open.

  const url = 'https://www.upwork.com/nx/find-work/best-matches';
  const list = await browser.newPage();
  await list.goto(url);
  await openExtensionPage(options, 'sidepanel', await tabIdOf(options, url));
  const text = await waitForText(options, 'Shopify: API integration #3');
  expect(text).toMatch(/client score \d+/);
  expect(text).toContain('Shopify: landing page #2');

  // A second check announces only the two jobs published since, asking for 4 rows (3 new last time, plus one).
  sandbox.publishJobs(2);
  await options.evaluate(() => {
    location.href = '/options.html';
  });
  await waitForText(options, '3 rows bought ($0.009), 3 new.');
  await clickButton(options, 'Check now');
  await waitForText(options, '4 rows bought ($0.012), 2 new.', 30_000);
  const second = sandbox.requests().filter((r) => r.host === 'api.mindcase.co' && r.method === 'POST' && r.path.endsWith('/run'));
  expect((second[1]?.body as { params: { limit: number } }).params.limit).toBe(4);

  // The monthly cap (set as Options saves it; the form itself is driven in Chromium) stops it before anything is bought, and says so.
  await options.evaluate(() =>
    (globalThis as unknown as { browser: typeof chrome }).browser.storage.local.set({ 'enrich-settings': { autoEnrich: false, monthlyCapUsd: 0.01 } }),
  );
  await clickButton(options, 'Check now');
  await waitForText(options, 'Stopped by the monthly Mindcase cap');
  expect(sandbox.requests().filter((r) => r.host === 'api.mindcase.co' && r.method === 'POST' && r.path.endsWith('/run'))).toHaveLength(2);
});
