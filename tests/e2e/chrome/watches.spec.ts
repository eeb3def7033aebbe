import type { BrowserContext, Page, Worker } from '@playwright/test';
import type { Sandbox } from '../../sandbox/server';
import { expect, openPanel, openUpwork, saveKeys, shortenWaits, test, stopWorker } from './fixtures';

const runs = (sandbox: Sandbox) => sandbox.requests().filter((r) => r.host === 'api.mindcase.co' && r.method === 'POST' && r.path.endsWith('/run'));

/** Creates a watch in Options as a user would. */
async function createWatch(options: Page, name: string, searches: string, rows: number) {
  const form = options.getByRole('form', { name: 'New watch' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Searches (one per line)').fill(searches);
  await form.getByLabel('How often').selectOption({ label: 'once a day' });
  await form.getByLabel(/^Rows a check may buy/).fill(String(rows));
  await expect(form.getByRole('note', { name: 'Watch cost' })).toContainText(
    `At most $${(rows * 0.003).toFixed(3)} a check, $${(rows * 0.003).toFixed(3)} a day, $${(rows * 0.09).toFixed(2)} a month`,
  );
  await form.getByRole('button', { name: 'Save watch' }).click();
  await expect(form.getByRole('status')).toContainText(`Saved "${name}". Its first check is at`);
  return options.getByRole('listitem', { name: `Watch ${name}` });
}

const notifications = (worker: Worker) => worker.evaluate(() => chrome.notifications.getAll().then((all) => Object.keys(all)));

async function panelWithoutJob(context: BrowserContext, extensionId: string): Promise<Page> {
  const { tabId } = await openUpwork(context, extensionId, '/nx/find-work/best-matches');
  return openPanel(context, extensionId, tabId);
}

test('a watch: Check now finds new jobs (a notification, the New jobs list in the panel and the popup); the next check announces only new ones, buys fewer rows, and a found job is opened without buying its details again', async ({
  context,
  extensionId,
  sandbox,
  worker,
}) => {
  const options = await saveKeys(context, extensionId);
  const watch = await createWatch(options, 'shopify dashboard', 'shopify', 5);
  await expect(watch).toContainText('Not checked yet.');
  // Nothing is bought until the first slot or Check now.
  expect(runs(sandbox)).toHaveLength(0);

  await watch.getByRole('button', { name: 'Check now' }).click();
  await expect(watch.getByRole('status')).toContainText('3 rows bought ($0.009), 3 new.', { timeout: 20_000 });
  expect(runs(sandbox).map((r) => r.body)).toEqual([{ params: { inputs: ['shopify'], limit: 5, sortBy: 'newest', isHourly: true, isFixed: true } }]);
  await expect.poll(() => notifications(worker)).toEqual(['watch:~022100000000000000003']);

  const panel = await panelWithoutJob(context, extensionId);
  const list = panel.getByRole('region', { name: 'New jobs' });
  await expect(list.getByRole('listitem')).toHaveCount(3);
  // The newest first; Northwind's job carries the score UpHunt's history gives its client.
  await expect(list.getByRole('listitem').first()).toContainText('Shopify: API integration #3$25–$43/hr');
  await expect(list.getByRole('listitem').first()).toContainText(/client score \d+/);
  await expect(list.getByRole('listitem').nth(1)).toContainText('Shopify: landing page #2$300 fixed');

  sandbox.publishJobs(2);
  await watch.getByRole('button', { name: 'Check now' }).click();
  await expect(watch.getByRole('status')).toContainText('4 rows bought ($0.012), 2 new.', { timeout: 20_000 });
  // After a check with 3 new jobs of 5 allowed, the next asks for 4.
  expect((runs(sandbox)[1]?.body as { params: { limit: number } }).params.limit).toBe(4);
  await expect(list.getByRole('listitem')).toHaveCount(5);
  await expect(list.getByRole('listitem').first()).toContainText('Shopify: theme #5');
  await expect.poll(() => notifications(worker)).toContain('watch:~022100000000000000005');

  const popup = await context.newPage();
  await popup.goto(
    `chrome-extension://${extensionId}/popup.html?tabId=${await panel.evaluate(() => Number(new URLSearchParams(location.search).get('tabId')))}`,
  );
  await expect(popup.getByRole('region', { name: 'New jobs' }).getByRole('listitem')).toHaveCount(5);

  // A found job's row is its details: opening it buys nothing more.
  const { tabId } = await openUpwork(context, extensionId, '/jobs/~022100000000000000005');
  const jobPanel = await openPanel(context, extensionId, tabId);
  await expect(jobPanel.getByRole('heading', { name: 'This job' })).toBeVisible();
  expect(runs(sandbox)).toHaveLength(2);
});

test('the monthly cap stops a watch before anything is bought, and says so', async ({ context, extensionId, sandbox }) => {
  const options = await saveKeys(context, extensionId);
  const settings = options.getByRole('form', { name: 'Mindcase settings' });
  await settings.getByLabel('Monthly spending cap (USD)').fill('0.01');
  await settings.getByRole('button', { name: 'Save Mindcase settings' }).click();
  await expect(settings.getByRole('status')).toHaveText('Saved.');
  const watch = await createWatch(options, 'big', 'shopify', 5);
  await watch.getByRole('button', { name: 'Check now' }).click();
  await expect(watch).toContainText('Stopped by the monthly Mindcase cap: $0.00 of your $0.01 monthly cap is spent or committed.');
  expect(runs(sandbox)).toHaveLength(0);
});

test('the worker stopped between a check’s start and its results: the results still arrive, with one run bought', async ({
  context,
  extensionId,
  sandbox,
  worker,
}) => {
  await shortenWaits(worker, 0.1);
  const options = await saveKeys(context, extensionId);
  const watch = await createWatch(options, 'shopify', 'shopify', 5);
  await watch.getByRole('button', { name: 'Check now' }).click();
  await expect.poll(() => runs(sandbox).length).toBe(1);
  await stopWorker(options);
  await expect(watch.getByRole('status')).toContainText('3 rows bought ($0.009), 3 new.', { timeout: 30_000 });
  expect(runs(sandbox)).toHaveLength(1);
  const panel = await panelWithoutJob(context, extensionId);
  await expect(panel.getByRole('region', { name: 'New jobs' }).getByRole('listitem')).toHaveCount(3);
});
