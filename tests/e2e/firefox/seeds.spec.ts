/** Firefox: the seeds' own examples (../shared/seeds), served verbatim by the sandbox, shown right; no Bearer sent. */
import { expect, test } from '@playwright/test';
import type { Browser, Page } from 'puppeteer-core';
import type { Sandbox } from '../../sandbox/server';
import { clickButton, openExtensionPage, tabIdOf, waitForText, startFirefoxSession, endFirefoxSession, type FirefoxSession } from './launch';

let sandbox: Sandbox;
let browser: Browser;
let options: Page;
let session: FirefoxSession | undefined;

test.beforeAll(async () => {
  session = await startFirefoxSession({ keys: ['uphunt', 'mindcase'] });
  ({ sandbox, browser, options } = session);
});

test.afterAll(async () => endFirefoxSession(session ?? {}));

test("Firefox: seed 000's client and seed 002's similar jobs show right; no Bearer is ever sent to UpHunt", async () => {
  sandbox.useSeeds();
  const url = 'https://www.upwork.com/jobs/~022051005096520707758';
  const job = await browser.newPage();
  await job.goto(url);
  await openExtensionPage(options, 'sidepanel', await tabIdOf(options, url));
  await waitForText(options, 'Acme Inc.');
  await options.bringToFront();
  await clickButton(options, 'Enrich ($0.003)');
  const text = await waitForText(options, 'Similar jobs (4)');
  expect(text).toContain('VSP Logo Re-imagined · Hourly, range not given');
  expect(text).toContain('5 skills: Logo Design, Graphic Design, Print Design, Brand Positioning, Branding');
  for (const budget of ['$10 fixed', '$25 fixed', '$325 fixed']) expect(text).toContain(budget);
  expect(text).not.toContain('$0–0/hr');
  expect(sandbox.requests().filter((r) => r.host === 'uphunt.io' && r.auth === 'bearer')).toEqual([]);
});
