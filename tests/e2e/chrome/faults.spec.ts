/**
 * Every fault the sandbox can play, on the call a user meets first (client-jobs, opening a job): the panel says
 * what happened in words, one request is made per attempt (a 429 pauses every call until its Retry-After),
 * every request shows in Options → Activity without its key, and no context logs an error.
 */
import { KEYS } from '../../sandbox/data';
import type { Sandbox } from '../../sandbox/server';
import { collectErrors, expect, forgetStored, openPanel, openUpwork, saveKeys, shortenWaits, standardFaults, test, NORTHWIND_JOB } from './fixtures';

const clientJobs = (sandbox: Sandbox) => sandbox.requests().filter((r) => r.host === 'uphunt.io' && r.path.includes('/clients/')).length;

const FAULTS = standardFaults('UpHunt', /UpHunt has no history of this client yet/);

test('each fault of client-jobs is named in the panel, costs one request, and logs no error anywhere', async ({ context, extensionId, sandbox }) => {
  const errors = collectErrors(context);
  await saveKeys(context, extensionId);
  const { page, tabId } = await openUpwork(context, extensionId, NORTHWIND_JOB);
  const panel = await openPanel(context, extensionId, tabId);
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Northwind Analytics GmbH');

  for (const [name, fault, message] of FAULTS) {
    await test.step(name, async () => {
      await forgetStored(panel, 'client-jobs:');
      const before = clientJobs(sandbox);
      sandbox.addFault({ host: 'uphunt.io', path: '/clients/', ...fault });
      await page.reload();
      // Wait for the request first: two faults in a row may read the same (500, 503).
      await expect.poll(() => clientJobs(sandbox) - before).toBe(1);
      await expect(panel.locator('main')).toContainText(message);
      expect(clientJobs(sandbox) - before).toBe(1);
    });
  }

  await test.step('429 with Retry-After: said, honoured by every call, then recovered', async () => {
    await forgetStored(panel, 'client-jobs:');
    const before = clientJobs(sandbox);
    sandbox.addFault({ host: 'uphunt.io', path: '/clients/', status: 429, headers: { 'retry-after': '3' } });
    await page.reload();
    await expect(panel.locator('main')).toContainText(/UpHunt asked us to slow down/);
    // Within the pause, opening the job again sends nothing.
    await page.reload();
    await expect(panel.locator('main')).toContainText(/UpHunt asked us to slow down/);
    expect(clientJobs(sandbox) - before).toBe(1);
    // When it ends, the panel tries once more by itself, and the client shows.
    await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Northwind Analytics GmbH', { timeout: 10_000 });
    expect(clientJobs(sandbox) - before).toBe(2);
  });

  await test.step('every request is in Options → Activity, without the key', async () => {
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const activity = options.getByRole('table', { name: 'Requests sent' });
    await expect(activity).toContainText('GET /api/clients/1991212616395436888/jobs');
    await expect(activity).toContainText('429 rate-limited');
    await expect(activity).toContainText('503 service error');
    await expect(activity).toContainText('— no connection');
    expect(await options.locator('body').innerText()).not.toContain(KEYS.uphunt);
  });

  expect(errors).toEqual([]);
});

test('a stalled answer gives up after its timeout and says so', async ({ context, extensionId, sandbox, worker }) => {
  const errors = collectErrors(context);
  await shortenWaits(worker, 0.1);
  await saveKeys(context, extensionId);
  sandbox.addFault({ host: 'uphunt.io', path: '/clients/', kind: 'stall' });
  const { tabId } = await openUpwork(context, extensionId, NORTHWIND_JOB);
  const panel = await openPanel(context, extensionId, tabId);
  await expect(panel.locator('main')).toContainText(/UpHunt did not answer.*within 2 s/, { timeout: 20_000 });
  expect(errors).toEqual([]);
});

test('a page cannot drive the extension: forged messages, events and elements start no call; a message from the wrong sender is counted', async ({
  context,
  extensionId,
  sandbox,
}) => {
  const errors = collectErrors(context);
  await saveKeys(context, extensionId);
  const { page, tabId } = await openUpwork(context, extensionId, '/nx/find-work/');
  const panel = await openPanel(context, extensionId, tabId);
  await expect(panel.getByRole('heading', { name: 'No job on this page' })).toBeVisible();

  await page.evaluate(() => {
    const forged = '~022052895097657407455';
    // What a hostile page script can reach: window messages, DOM events, its own markup.
    window.postMessage({ id: 1, type: 'lookupUrl', data: { tabId: 1, url: `https://www.upwork.com/jobs/${forged}` }, timestamp: Date.now() }, '*');
    const event = new CustomEvent('wxt:locationchange');
    Object.assign(event, { newUrl: new URL(`https://www.upwork.com/jobs/${forged}`) });
    window.dispatchEvent(event);
    document.body.insertAdjacentHTML(
      'beforeend',
      `<div class="job-details" data-ev-opening_uid="${forged.slice(3)}"><div job-uid="${forged.slice(3)}"></div></div>`,
    );
    const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
    if (typeof runtime?.sendMessage === 'function') throw new Error('The page can reach the extension runtime');
  });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await expect(panel.getByRole('heading', { name: 'No job on this page' })).toBeVisible();
  expect(sandbox.requests().filter((r) => r.host === 'uphunt.io' && !r.path.includes('auto-apply'))).toEqual([]);

  // A message only an Upwork tab may send, sent by something else, is dropped and counted in Options.
  await panel.evaluate(() =>
    chrome.runtime.sendMessage({
      id: 1,
      type: 'pageSeen',
      timestamp: Date.now(),
      data: {
        url: 'https://www.upwork.com/jobs/~022052895097657407455',
        kind: 'job',
        ciphertext: '~022052895097657407455',
        companyIdHint: null,
        paymentVerified: null,
        signedIn: null,
        account: null,
      },
    }),
  );
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByRole('note').filter({ hasText: 'refused' })).toContainText(
    '1 message refused (last: pageSeen, not from this extension or an Upwork tab',
  );
  expect(sandbox.requests().filter((r) => r.host === 'uphunt.io' && !r.path.includes('auto-apply'))).toEqual([]);
  expect(errors).toEqual([]);
});

test('a corrupted stored setting is repaired field by field, reported in Options, and the rest is kept', async ({ context, extensionId }) => {
  const errors = collectErrors(context);
  const options = await saveKeys(context, extensionId);
  await options.evaluate(() => chrome.storage.local.set({ 'enrich-settings': { autoEnrich: 'yes', monthlyCapUsd: 9 } }));
  await options.reload();
  const settings = options.getByRole('form', { name: 'Mindcase settings' });
  // A value of the wrong type never turns on spending: auto-enrich reads as off; the cap is kept.
  await expect(settings.getByLabel('Enrich jobs I open')).not.toBeChecked();
  await expect(settings.getByLabel('Monthly spending cap (USD)')).toHaveValue('9');
  await options.reload();
  await expect(options.getByRole('note').filter({ hasText: 'stored value' })).toContainText(
    '1 stored value could not be read and was reset to a safe default (last: enrich-settings',
  );
  await expect(options.getByText(/Saved key ends in/).first()).toBeVisible();
  expect(errors).toEqual([]);
});
