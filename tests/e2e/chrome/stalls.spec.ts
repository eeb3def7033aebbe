/**
 * A stall of every call (client-jobs: faults.spec.ts). The calls stall together, and the product's waits are
 * shortened (utils/timing.ts), so the timeout is waited out once per test, in seconds: each gives up, says so
 * where it matters, and loses nothing; POST /apply is asked about by job before it is sent again.
 */
import type { LoggedRequest } from '../../sandbox/server';
import { collectErrors, expect, openPanel, openUpwork, setUndo, shortenWaits, test, NORTHWIND_JOB as NORTHWIND } from './fixtures';

const BLUE_HARBOR = '/jobs/~022049912345678901234';
const STALL = { kind: 'stall' } as const;
const uphunt =
  (fragment: string, method = 'GET') =>
  (r: LoggedRequest) =>
    r.host === 'uphunt.io' && r.method === method && r.path.includes(fragment);

test('applied-jobs, credits, freelancers, generate and a Mindcase run stall: each gives up, says so', async ({ context, extensionId, sandbox, worker }) => {
  const errors = collectErrors(context);
  await shortenWaits(worker, 0.1);
  await setUndo(context, extensionId, 0);
  const { tabId } = await openUpwork(context, extensionId, NORTHWIND);
  const panel = await openPanel(context, extensionId, tabId);
  await expect(panel.getByLabel('Freelancer', { exact: true })).toContainText('Ada Novak');
  await panel.getByLabel('Cover letter').fill('Kept through every stall');

  sandbox.addFault({ host: 'uphunt.io', path: '/applied-jobs', ...STALL });
  sandbox.addFault({ host: 'api.mindcase.co', path: '/credits', ...STALL });
  sandbox.addFault({ host: 'uphunt.io', path: '/freelancers', ...STALL });
  sandbox.addFault({ host: 'uphunt.io', path: '/generate-proposal', ...STALL });
  sandbox.addFault({ host: 'api.mindcase.co', path: '/run', method: 'POST', ...STALL });
  // As if the minute the applied list is kept for had passed; the reload reads credits and the list again.
  await panel.evaluate(() => chrome.storage.local.remove('applied-jobs'));
  await panel.reload();
  await panel.getByLabel('Cover letter').fill('Kept through every stall');
  await panel.getByRole('button', { name: "Refresh the agency's freelancers" }).click();
  await panel.getByRole('button', { name: 'Generate' }).click();
  await panel.getByRole('button', { name: /^Enrich/ }).click();

  const wait = { timeout: 40_000 };
  await expect(panel.getByText(/Could not check UpHunt's list of applied jobs/)).toContainText('UpHunt did not answer', wait);
  await expect(panel.getByText(/credits unknown/)).toContainText('Mindcase did not answer', wait);
  await expect(panel.getByText(/^UpHunt did not answer\. No answer came in time/)).toBeVisible(wait);
  await expect(panel.getByText(/UpHunt did not answer: your letter was kept/)).toBeVisible(wait);
  // The run's POST got no answer: it may have started a paid run, so Mindcase is asked, which started none.
  await expect(panel.getByRole('alert')).toContainText('The Mindcase request was interrupted', wait);
  await expect(panel.getByRole('alert')).toContainText('nothing was charged');
  expect(sandbox.requests().filter((r) => r.host === 'api.mindcase.co' && r.path.startsWith('/api/v1/jobs?')).length).toBeGreaterThanOrEqual(1);
  await expect(panel.getByLabel('Cover letter')).toHaveValue('Kept through every stall');
  await expect(panel.getByLabel('Freelancer', { exact: true })).toContainText('Ada Novak');
  expect(errors).toEqual([]);
});

test('apply, status, by-ciphertext and a Mindcase poll stall: each gives up, the application is asked about by job, and all end well', async ({
  context,
  extensionId,
  sandbox,
  worker,
}) => {
  const errors = collectErrors(context);
  await shortenWaits(worker, 0.25);
  sandbox.setApplyOutcome('applied', 15_000);
  await setUndo(context, extensionId, 0);
  sandbox.addFault({ host: 'uphunt.io', path: 'by-ciphertext', ...STALL });
  sandbox.addFault({ host: 'api.mindcase.co', pathMatches: /^\/api\/v1\/jobs\/[^/]+$/, method: 'GET', ...STALL });
  sandbox.addFault({ host: 'uphunt.io', path: '/apply', method: 'POST', ...STALL });
  sandbox.addFault({ host: 'uphunt.io', path: 'status?queueId=', ...STALL });
  const { tabId } = await openUpwork(context, extensionId, BLUE_HARBOR);
  const panel = await openPanel(context, extensionId, tabId);
  const wait = { timeout: 40_000 };
  // by-ciphertext: the panel says so (Retry, at the end, finds the client), and the job's own sections show.
  await expect(panel.locator('main')).toContainText('UpHunt did not answer', wait);
  await expect(panel.getByLabel('Freelancer', { exact: true })).toContainText('Ada Novak');
  await panel.getByRole('button', { name: /^Enrich/ }).click();
  await panel.getByRole('button', { name: /^Apply as/ }).click();

  // The poll gave up and is polled again; the run completes.
  await expect(panel.getByText(/Mindcase did not answer: trying again/)).toBeVisible(wait);
  await expect(panel.getByRole('heading', { name: 'This job' })).toBeVisible(wait);
  // The POST gave up: not confirmed, asked about by job, sent once more; its first status check gives up too.
  const status = panel.getByRole('status').filter({ hasText: /Not confirmed|Processing|Applied/ });
  await expect(status).toContainText('The last status check failed: UpHunt did not answer', { timeout: 90_000 });
  await expect(status).toContainText('Applied', { timeout: 60_000 });
  const order = sandbox
    .requests()
    .filter((r) => uphunt('/apply', 'POST')(r) || uphunt('status?jobId=')(r))
    .map((r) => (r.method === 'POST' ? 'POST' : 'by job'));
  expect(order).toEqual(['POST', 'by job', 'POST']);
  await panel.getByRole('button', { name: 'Retry', exact: true }).click();
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Blue Harbor Studio');
  expect(errors).toEqual([]);
});
