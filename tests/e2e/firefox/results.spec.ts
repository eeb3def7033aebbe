/** Firefox: what three applications brought, in the sidebar page and in Options → Results (with its CSV). */
import { expect, test } from '@playwright/test';
import { clickButton, openExtensionPage, tabIdOf, textOf, waitForText, useFirefoxSession } from './launch';

const firefox = useFirefoxSession({ keys: ['uphunt'] });
const DAY = 86_400_000;
const JOBS = ['~022052895097657407455', '~022049912345678901234', '~022047700011122233344'];
const REFRESH = "Refresh the client's history from UpHunt";

test('Firefox: three applications end hired ours, hired someone else, closed without a hire; the sidebar page and Results say 1 / 1 / 1', async () => {
  test.setTimeout(150_000);
  const page = firefox.options;
  firefox.sandbox.setApplyOutcome('applied', 300);
  // UpHunt's status polling at a fifth, so that each application reads as applied a second after it is.
  await page.evaluate(() => (globalThis as unknown as { browser: typeof chrome }).browser.storage.local.set({ 'timing-scale': 0.2 }));
  const tabs: number[] = [];
  for (const job of JOBS) {
    const url = `https://www.upwork.com/jobs/A-job_${job}/`;
    const tab = await firefox.browser.newPage();
    await tab.goto(url);
    const tabId = await tabIdOf(page, url);
    tabs.push(tabId);
    await openExtensionPage(page, 'sidepanel', tabId);
    await waitForText(page, 'Apply as Ada Novak');
    await page.bringToFront();
    await clickButton(page, 'Apply as Ada Novak');
    // A client the score doubts asks once more.
    if (/Apply anyway/.test(await waitForText(page, /Apply anyway|About to send|Sending|Processing/))) await clickButton(page, 'Apply anyway');
    await waitForText(page, 'One credit was spent.', 30_000);
    await waitForText(page, 'Still open');
  }

  // Two weeks and a day ago in UpHunt's data, each job ended; Refresh tells each application at once.
  firefox.sandbox.setDataClock(-15 * DAY);
  firefox.sandbox.endJob(JOBS[0]!, 'hire-ours');
  firefox.sandbox.endJob(JOBS[1]!, 'hire-other');
  firefox.sandbox.endJob(JOBS[2]!, 'close');
  const expected = ['Hired you (Ada Novak)', 'Hired someone else: Carla M.', 'No longer open; no contract seen yet'];
  for (const [i, tabId] of tabs.entries()) {
    await openExtensionPage(page, 'sidepanel', tabId);
    await waitForText(page, 'Still open');
    await clickButton(page, REFRESH);
    await waitForText(page, expected[i]!);
  }
  firefox.sandbox.setDataClock(0);
  await clickButton(page, REFRESH);
  await waitForText(page, 'Closed without a hire seen');

  await page.evaluate(() => void (location.href = '/options.html#results'));
  await waitForText(page, 'Does the client score predict a hire?');
  const cells = await page.evaluate(() =>
    [...document.querySelectorAll('table[aria-label="Applications and what they brought"] tbody tr:first-child td')].map((td) => td.textContent),
  );
  // Sent, hired you, someone else, closed, still open, unknown, Connects, on closed jobs, credits.
  expect(cells).toEqual(['3', '1', '1', '1', '0', '0', '48', '16', '3']);
  expect(await textOf(page)).toMatch(/score \d+–\d+: 1 of \d hired you/);

  // The CSV the button hands over, caught before the browser saves it.
  await page.evaluate(() => {
    const made = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob) => {
      void blob.text().then((text) => ((window as { csv?: string }).csv = text));
      return made(blob);
    };
    HTMLAnchorElement.prototype.click = () => undefined;
  });
  await clickButton(page, 'Export CSV');
  await page.waitForFunction(() => typeof (window as { csv?: string }).csv === 'string', { timeout: 10_000, polling: 100 });
  const csv = await page.evaluate(() => (window as { csv?: string }).csv ?? '');
  expect(csv.trim().split('\r\n')).toHaveLength(4);
  for (const outcome of ['Hired you (Ada Novak)', 'Hired someone else: Carla M.', 'Closed without a hire seen']) expect(csv).toContain(outcome);
});
