/** Firefox: a watch's new jobs delivered to two destinations, one of them down at first. */
import { expect, test } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { clickButton, textOf, typeInto, waitForText, useFirefoxSession } from './launch';

const firefox = useFirefoxSession({ keys: ['uphunt', 'mindcase'] });
const posts = (host: string) => firefox.sandbox.requests().filter((r) => r.host === host && r.method === 'POST');

/** Types into the field whose label starts with `label` (the destination form's labels say more after it). */
async function typeIntoStarting(page: Page, label: string, text: string) {
  await page.locator(`::-p-xpath(//label[starts-with(normalize-space(), "${label}")])`).click();
  await page.keyboard.type(text);
}

async function until(probe: () => boolean, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('Firefox: a watch with two destinations: each gets one message listing its 3 new jobs; the one answering 500 gets them once after it recovers; Send test', async () => {
  test.setTimeout(90_000);
  const page = firefox.options;
  // The retry after a failed delivery at a twentieth: 1.5 s.
  await page.evaluate(() => (globalThis as unknown as { browser: typeof chrome }).browser.storage.local.set({ 'timing-scale': 0.05 }));
  await waitForText(page, 'Where new jobs go');
  await page.bringToFront();

  await typeIntoStarting(page, 'Topic address', 'https://ntfy.sh/my-upwork-jobs');
  await clickButton(page, 'Add destination');
  await waitForText(page, 'Added "ntfy topic"');
  const kind = await page.$('::-p-aria([name="Kind"][role="combobox"])');
  await kind!.select('webhook');
  await typeIntoStarting(page, 'Webhook URL', 'https://hooks.example.com/upwork/s3cr3t-path');
  await clickButton(page, 'Add destination');
  await waitForText(page, 'Added "JSON webhook"');
  expect(await textOf(page)).toContain('ntfy.sh · topic my-••••');
  expect(await textOf(page)).not.toMatch(/s3cr3t|my-upwork-jobs/);

  await clickButton(page, 'Send test');
  await waitForText(page, 'Sent: ntfy.sh accepted the test message.');

  await typeInto(page, 'Name', 'shopify');
  await typeInto(page, 'Searches (one per line)', 'shopify');
  await clickButton(page, 'Save watch');
  await waitForText(page, 'Saved "shopify"');
  for (const name of ['ntfy topic', 'JSON webhook']) {
    await (await page.waitForSelector(`::-p-aria([name="${name}"][role="checkbox"])`))!.click();
    await page.waitForFunction(
      (label: string) =>
        [...document.querySelectorAll('fieldset label')].some((l) => l.textContent?.trim() === label && (l.querySelector('input') as HTMLInputElement).checked),
      { polling: 100, timeout: 10_000 },
      name,
    );
  }

  firefox.sandbox.addFault({ host: 'hooks.example.com', status: 500 });
  await clickButton(page, 'Check now');
  await waitForText(page, '3 new.', 30_000);
  await until(() => posts('ntfy.sh').length === 2, 'the message to ntfy');
  const message = posts('ntfy.sh')[1]!.body as { title: string; message: string };
  expect(message.title).toBe('3 new Upwork jobs: shopify');
  expect(message.message.match(/https:\/\/www\.upwork\.com\/jobs\/~0/g)).toHaveLength(3);
  await until(() => posts('hooks.example.com').some((r) => r.status === 200), 'the webhook, once it recovered');
  const hook = posts('hooks.example.com');
  expect(hook.map((r) => r.status)).toEqual([500, 200]);
  expect((hook[1]!.body as { jobs: unknown[] }).jobs).toHaveLength(3);
  await waitForText(page, 'Last delivered');
});
