/** Playwright fixtures: a fresh sandbox and a fresh Chromium with the extension for every test. */
import { test as base, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { launchWithExtension } from './launch';

export { openPanel, openUpwork, saveKeys } from './launch';

interface Fixtures {
  sandbox: Sandbox;
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
}

export const test = base.extend<Fixtures>({
  sandbox: async ({}, use) => {
    const sandbox = await startSandbox();
    await use(sandbox);
    await sandbox.close();
  },
  context: async ({ sandbox }, use) => {
    const launched = await launchWithExtension(sandbox);
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

/** Collects errors any context logs, so a test can insist there were none. */
export function collectErrors(context: BrowserContext): string[] {
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on('pageerror', (error) => errors.push(`pageerror ${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && page.url().startsWith('chrome-extension://')) errors.push(`console ${page.url()}: ${message.text()}`);
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return errors;
}
