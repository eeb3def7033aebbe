import type { BrowserContext, Worker } from '@playwright/test';
import { expect, openPanel, openUpwork, saveKeys, shortenWaits, test, NORTHWIND_JOB as NORTHWIND, stopWorker } from './fixtures';

const BLUE_HARBOR = '/jobs/~022049912345678901234';
const mindcase = (sandbox: { requests(): Array<{ host: string; method: string; path: string }> }, method: string, fragment: string) =>
  sandbox.requests().filter((r) => r.host === 'api.mindcase.co' && r.method === method && r.path.includes(fragment)).length;

/** Blue Harbor's job and its panel, keys saved, with the worker's alarm coming in seconds, not half a minute. */
async function blueHarborWithQuickWorker(context: BrowserContext, extensionId: string, worker: Worker) {
  await shortenWaits(worker, 0.1);
  await saveKeys(context, extensionId);
  const { page, tabId } = await openUpwork(context, extensionId, BLUE_HARBOR);
  return { page, panel: await openPanel(context, extensionId, tabId) };
}

test('Enrich shows the price, buys the job once, and shows details, activity and similar jobs', async ({ context, extensionId, sandbox }) => {
  await saveKeys(context, extensionId);
  const { tabId } = await openUpwork(context, extensionId, NORTHWIND);
  const panel = await openPanel(context, extensionId, tabId);
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Northwind Analytics GmbH');
  // Nothing is bought before the user asks.
  expect(mindcase(sandbox, 'POST', '/run')).toBe(0);
  await expect(panel.getByText(/Costs \$0\.003 \(1 job\).*12,480 credits left.*this month \$0\.00 of your \$5\.00 cap/)).toBeVisible();

  await panel.getByRole('button', { name: /^Enrich/ }).click();
  await expect(panel.getByText('Fetching from Mindcase…')).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'This job' })).toBeVisible({ timeout: 15_000 });
  await expect(panel.getByText('Skills required:')).toBeVisible();
  await expect(panel.getByLabel('Client activity on this job')).toContainText('Applicants');
  await expect(panel.getByRole('heading', { name: 'Similar jobs (3)' })).toBeVisible();
  await expect(panel.getByRole('link', { name: 'Fix Shopify checkout bug' })).toHaveAttribute('href', 'https://www.upwork.com/jobs/~021961461537889921208');

  // Seen again: the stored row is reused.
  const again = await openPanel(context, extensionId, tabId);
  await expect(again.getByRole('heading', { name: 'Similar jobs (3)' })).toBeVisible();
  expect(mindcase(sandbox, 'POST', '/run')).toBe(1);
  expect(mindcase(sandbox, 'GET', '/results')).toBe(1);
});

test('a run survives the service worker being stopped while it is pending', async ({ context, extensionId, sandbox, worker }) => {
  const { page, panel } = await blueHarborWithQuickWorker(context, extensionId, worker);
  await panel.getByRole('button', { name: /^Enrich/ }).click();
  await expect.poll(() => mindcase(sandbox, 'POST', '/run')).toBe(1);

  await stopWorker(page);

  // The alarm wakes a new worker, which finds the run in storage and finishes it.
  await expect(panel.getByRole('heading', { name: 'This job' })).toBeVisible({ timeout: 60_000 });
  expect(mindcase(sandbox, 'POST', '/run')).toBe(1);
});

test('auto-enrich, once the user turns it on, buys jobs as they are opened and stops at the monthly cap', async ({ context, extensionId, sandbox }) => {
  const options = await saveKeys(context, extensionId);
  const settings = options.getByRole('form', { name: 'Mindcase settings' });
  await settings.getByLabel('Enrich jobs I open').check();
  await settings.getByLabel('Monthly spending cap (USD)').fill('0.005');
  await settings.getByRole('button', { name: 'Save Mindcase settings' }).click();
  await expect(settings.getByRole('status')).toHaveText('Saved.');

  const first = await openUpwork(context, extensionId, NORTHWIND);
  const panel = await openPanel(context, extensionId, first.tabId);
  await expect(panel.getByRole('heading', { name: 'This job' })).toBeVisible({ timeout: 15_000 });

  const second = await openUpwork(context, extensionId, BLUE_HARBOR);
  const capped = await openPanel(context, extensionId, second.tabId);
  await expect(capped.getByRole('alert')).toContainText('Monthly Mindcase cap reached');
  expect(mindcase(sandbox, 'POST', '/run')).toBe(1);
});
test('a run whose answer was lost as the worker stopped right after the POST is found, not bought again', async ({ context, extensionId, sandbox, worker }) => {
  const { page, panel } = await blueHarborWithQuickWorker(context, extensionId, worker);
  // Mindcase starts the run; its answer never comes back.
  sandbox.addFault({ host: 'api.mindcase.co', method: 'POST', path: '/run', afterHandling: true, kind: 'stall' });
  await panel.getByRole('button', { name: /^Enrich/ }).click();
  await expect.poll(() => mindcase(sandbox, 'POST', '/run')).toBe(1);
  await stopWorker(page);
  // The next worker finds the run among the account's runs and fetches its rows.
  await expect(panel.getByRole('heading', { name: 'This job' })).toBeVisible({ timeout: 60_000 });
  expect(
    sandbox.requests().filter((r) => r.host === 'api.mindcase.co' && r.method === 'GET' && /^\/api\/v1\/jobs\?/.test(r.path)).length,
  ).toBeGreaterThanOrEqual(1);
  expect(mindcase(sandbox, 'GET', '/results')).toBe(1);
  expect(mindcase(sandbox, 'POST', '/run')).toBe(1);
});

test('a run status nobody documented ends the run at once, by its name', async ({ context, extensionId, sandbox }) => {
  await saveKeys(context, extensionId);
  sandbox.setRunStatus('rejected_balance');
  const { tabId } = await openUpwork(context, extensionId, BLUE_HARBOR);
  const panel = await openPanel(context, extensionId, tabId);
  await panel.getByRole('button', { name: /^Enrich/ }).click();
  await expect(panel.locator('main')).toContainText('rejected_balance', { timeout: 10_000 });
  expect(mindcase(sandbox, 'GET', '/jobs/')).toBeLessThanOrEqual(2);
});
