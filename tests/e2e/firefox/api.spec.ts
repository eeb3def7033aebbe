/** Firefox: a 409 from /apply followed to its end with one POST. */
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
