/**
 * The service worker stopped at the worst moments not covered elsewhere (right after an apply click:
 * apply.spec.ts; during a Mindcase run: enrichment.spec.ts): the user ends up seeing the right state, and no
 * request is lost or sent twice.
 */
import type { Sandbox } from '../../sandbox/server';
import { collectErrors, expect, openPanel, openUpwork, saveKeys, setUndo, shortenWaits, test, NORTHWIND_JOB as NORTHWIND, stopWorker } from './fixtures';

const CIPHER = '~022052895097657407455';

const requests = (sandbox: Sandbox, method: string, fragment: string) =>
  sandbox.requests().filter((r) => r.host === 'uphunt.io' && r.method === method && r.path.includes(fragment));

test('stopped after UpHunt queued the application but before its queueId was stored: found by job, never sent again', async ({
  context,
  extensionId,
  sandbox,
  worker,
}) => {
  test.setTimeout(120_000);
  // The grace before a send with no answer is asked about by job (30 s), and its checks, at a quarter.
  await shortenWaits(worker, 0.25);
  const errors = collectErrors(context);
  sandbox.setApplyOutcome('applied', 1000);
  await setUndo(context, extensionId, 0);
  // UpHunt queues it, and its answer never comes back to this worker.
  sandbox.addFault({ host: 'uphunt.io', path: '/apply', method: 'POST', afterHandling: true, kind: 'stall' });
  const { tabId } = await openUpwork(context, extensionId, NORTHWIND);
  const panel = await openPanel(context, extensionId, tabId);
  await panel.getByRole('button', { name: /^Apply as/ }).click();
  await expect.poll(() => requests(sandbox, 'POST', '/apply').length).toBe(1);
  await stopWorker(panel);

  await expect(panel.getByRole('status').filter({ hasText: 'Applied' })).toBeVisible({ timeout: 100_000 });
  expect(requests(sandbox, 'POST', '/apply')).toHaveLength(1);
  expect(requests(sandbox, 'GET', `status?jobId=${encodeURIComponent(CIPHER)}`).length).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

test("stopped while a client's history was being fetched and stored: the panel still shows the client", async ({ context, extensionId, sandbox, worker }) => {
  test.setTimeout(90_000);
  // The request timeout (20 s) after which a look-up counts as orphaned, at a quarter.
  await shortenWaits(worker, 0.25);
  const errors = collectErrors(context);
  await saveKeys(context, extensionId);
  sandbox.addFault({ host: 'uphunt.io', path: '/clients/', kind: 'stall' });
  const { tabId } = await openUpwork(context, extensionId, NORTHWIND);
  const panel = await openPanel(context, extensionId, tabId);
  await expect.poll(() => requests(sandbox, 'GET', '/clients/').length).toBe(1);
  await stopWorker(panel);

  // No spinner left behind: once the look-up has outlived any timeout, it is run again, and the client shows.
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Northwind Analytics GmbH', { timeout: 60_000 });
  expect(requests(sandbox, 'GET', '/clients/')).toHaveLength(2);
  expect(errors).toEqual([]);
});
