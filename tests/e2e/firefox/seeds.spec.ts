/** Firefox: the seeds' own examples (../shared/seeds), served verbatim by the sandbox, shown right; no Bearer sent. */
import { expect, test } from '@playwright/test';
import { clickButton, openExtensionPage, tabIdOf, waitForText, useFirefoxSession } from './launch';

const firefox = useFirefoxSession({ keys: ['uphunt', 'mindcase'] });

test("Firefox: seed 000's client and seed 002's similar jobs show right; no Bearer is ever sent to UpHunt", async () => {
  firefox.sandbox.useSeeds();
  const url = 'https://www.upwork.com/jobs/~022051005096520707758';
  const job = await firefox.browser.newPage();
  await job.goto(url);
  await openExtensionPage(firefox.options, 'sidepanel', await tabIdOf(firefox.options, url));
  await waitForText(firefox.options, 'Acme Inc.');
  await firefox.options.bringToFront();
  await clickButton(firefox.options, 'Enrich ($0.003)');
  const text = await waitForText(firefox.options, 'Similar jobs (4)');
  expect(text).toContain('VSP Logo Re-imagined · Hourly, range not given');
  expect(text).toContain('5 skills: Logo Design, Graphic Design, Print Design, Brand Positioning, Branding');
  for (const budget of ['$10 fixed', '$25 fixed', '$325 fixed']) expect(text).toContain(budget);
  expect(text).not.toContain('$0–0/hr');
  expect(firefox.sandbox.requests().filter((r) => r.host === 'uphunt.io' && r.auth === 'bearer')).toEqual([]);
});
