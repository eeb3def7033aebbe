/** Playwright fixtures: a fresh sandbox and a fresh Chromium with the extension for every test. */
import { test as base, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { startSandbox, type Fault, type Sandbox } from '../../sandbox/server';
import { launchWithExtension, openPanel, openUpwork } from './launch';

import { saveKeys } from './launch';
export { openPanel, openUpwork, saveKeys } from './launch';

interface Fixtures {
  /** Optional origins the extension holds from the start (a test's `test.use({ grantedOrigins })`). */
  grantedOrigins: string[];
  sandbox: Sandbox;
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
}

export const test = base.extend<Fixtures>({
  grantedOrigins: [[], { option: true }],
  sandbox: async ({}, use) => {
    const sandbox = await startSandbox();
    await use(sandbox);
    await sandbox.close();
  },
  context: async ({ sandbox, grantedOrigins }, use) => {
    const launched = await launchWithExtension(sandbox, true, undefined, true, grantedOrigins);
    await use(launched.context);
    await launched.context.close();
  },
  worker: async ({ context }, use) => {
    await use(context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')));
  },
  extensionId: async ({ worker }, use) => {
    await use(new URL(worker.url()).host);
  },
});
export { expect };

/**
 * Collects errors any context logs (extension pages, Upwork tabs with the content script, the service worker
 * and every worker that replaces it), so a test can insist there were none.
 */
export function collectErrors(context: BrowserContext): string[] {
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on('pageerror', (error) => errors.push(`pageerror ${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && page.url().startsWith('chrome-extension://')) errors.push(`console ${page.url()}: ${message.text()}`);
    });
  };
  const watchWorker = (worker: Worker) => {
    worker.on('console', (message) => {
      if (message.type() === 'error') errors.push(`worker console: ${message.text()}`);
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  context.serviceWorkers().forEach(watchWorker);
  context.on('serviceworker', watchWorker);
  context.on('weberror', (error) => errors.push(`weberror ${error.page()?.url() ?? 'worker'}: ${error.error().message}`));
  return errors;
}

export type FaultCase = [name: string, fault: Omit<Fault, 'host' | 'path'>, message: RegExp];

/** Every fault the sandbox can play (but the 30 s stall), with what the user should read for it. */
export function standardFaults(service: 'UpHunt' | 'Mindcase', notFound: RegExp = new RegExp(`${service} has no record of this`)): FaultCase[] {
  return [
    ['401', { status: 401 }, new RegExp(`${service} rejected the API key`)],
    ['402', { status: 402 }, new RegExp(`Not enough ${service} credits`)],
    ['403', { status: 403 }, new RegExp(`${service} subscription inactive`)],
    ['404', { status: 404, body: { error: 'not_found', message: 'Not found' } }, notFound],
    ['422', { status: 422, body: { error: 'validation_error', message: 'A field is invalid' } }, new RegExp(`${service} refused the request`)],
    ['500', { status: 500 }, new RegExp(`${service} is having trouble`)],
    ['503', { status: 503 }, new RegExp(`${service} is having trouble`)],
    ['connection refused', { kind: 'refuse' }, new RegExp(`Could not reach ${service}`)],
    ['malformed JSON', { kind: 'malformed-json' }, new RegExp(`Unexpected response from ${service}`)],
    ['JSON of the wrong shape', { kind: 'wrong-shape' }, new RegExp(`Unexpected response from ${service}`)],
  ];
}

/**
 * One fault of each family the product treats its own way: refused for the key (401), refused for the request
 * (422), the service in trouble (503), no connection, an answer that cannot be read. Client-jobs meets every fault
 * (faults.spec.ts); which words each status earns is the unit tests' (http, problem-text).
 */
export function faultFamilies(service: 'UpHunt' | 'Mindcase', notFound?: RegExp): FaultCase[] {
  const families = ['401', '422', '503', 'connection refused', 'JSON of the wrong shape'];
  return standardFaults(service, notFound).filter(([name]) => families.includes(name));
}

/** Sets the undo moment in Options as a user would (and saves the keys first). */
export async function setUndo(context: BrowserContext, extensionId: string, seconds: number) {
  const options = await saveKeys(context, extensionId);
  const form = options.getByRole('form', { name: 'Apply settings' });
  await form.getByLabel('Undo moment before sending (seconds)').fill(String(seconds));
  await form.getByRole('button', { name: 'Save apply settings' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved.');
  await options.close();
}

/**
 * Shortens every wait of the product (timeouts, polling, alarms) by `scale`, through the stored setting the build
 * that ships reads (utils/timing.ts): a test of a 20 s timeout then waits 20 × scale seconds.
 */
export async function shortenWaits(worker: Worker, scale: number) {
  await worker.evaluate((value) => chrome.storage.local.set({ 'timing-scale': value }), scale);
}

/** Removes stored values whose key starts with one of the prefixes, and any rate-limit pause: as if they had expired. */
export async function forgetStored(page: Page, ...prefixes: string[]) {
  await page.evaluate(async (wanted) => {
    const all = await chrome.storage.local.get(null);
    await chrome.storage.local.remove(Object.keys(all).filter((key) => wanted.some((prefix) => key.startsWith(prefix))));
    await chrome.storage.session.remove('rate-limits');
  }, prefixes);
}

/** The jobs UpHunt was asked about (`by-ciphertext`), in order. */
export function byCipher(sandbox: Pick<Sandbox, 'requests'>): string[] {
  return sandbox
    .requests()
    .filter((r) => r.host === 'uphunt.io' && r.path.includes('by-ciphertext'))
    .map((r) => decodeURIComponent(/cipher=([^&]+)/.exec(r.path)?.[1] ?? ''));
}

/** A figure the panel shows (a `<dt>` and its `<dd>`), by its term: "Connects to apply", "Proposals"… */
export function figure(panel: Page, term: string) {
  return panel
    .getByRole('term')
    .filter({ hasText: new RegExp(`^${term}$`) })
    .locator('xpath=following-sibling::dd');
}

/** Northwind's job page (its companyId in the page's state). */
export const NORTHWIND_JOB = '/jobs/Senior-React-Developer-for-Analytics-Dashboard_~022052895097657407455/';

/** Northwind's job in a tab with the panel beside it, its apply form ready (the agency's freelancers loaded). */
export async function applyPanel(context: BrowserContext, extensionId: string): Promise<{ page: Page; panel: Page }> {
  const { page, tabId } = await openUpwork(context, extensionId, NORTHWIND_JOB);
  const panel = await openPanel(context, extensionId, tabId);
  await expect(panel.getByRole('heading', { name: 'Apply' })).toBeVisible();
  await expect(panel.getByLabel('Freelancer', { exact: true })).toContainText('Ada Novak');
  return { page, panel };
}

/** Stops the extension's service worker, as Chrome does when it is idle or the browser decides (CDP). */
export async function stopWorker(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
}

/** Every host but Upwork, UpHunt and Mindcase is refused: the real captures name analytics and CDN hosts. */
export async function blockOtherHosts(context: BrowserContext) {
  await context.route(/^https?:\/\/(?!(www\.upwork\.com|uphunt\.io|api\.mindcase\.co)\/)/, (route) => route.abort());
}
