/**
 * Loads the production Chrome build into Debian's Chromium and points Upwork, UpHunt and Mindcase at the
 * sandbox: context.route forwards the real URLs (page loads and the service worker's fetches alike).
 * Used by the tests and by `npm run demo`.
 */
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { KEYS } from '../../sandbox/data';
import type { Sandbox } from '../../sandbox/server';

export const CHROME_BUILD = resolve('.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FORWARDED = /^https:\/\/(www\.upwork\.com|uphunt\.io|api\.mindcase\.co|ntfy\.sh|hooks\.slack\.com|discord\.com|api\.telegram\.org|hooks\.example\.com)\//;
const ARGS = (build: string) => [
  `--disable-extensions-except=${build}`,
  `--load-extension=${build}`,
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * A profile in which the extension already holds these optional origins, as if the user had allowed them: the
 * extension is installed once, the browser closed, and the grant written into the profile's preferences (no
 * automation can answer Chromium's permission prompt). The build itself holds none of them.
 */
async function profileGranting(build: string, origins: string[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'uphunt-profile-'));
  const first = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: ARGS(build) });
  const worker = first.serviceWorkers()[0] ?? (await first.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  await first.close();
  const file = join(dir, 'Default', 'Preferences');
  const preferences = JSON.parse(readFileSync(file, 'utf8')) as { extensions: { settings: Record<string, Record<string, { explicit_host?: string[] }>> } };
  const settings = preferences.extensions.settings[id]!;
  for (const key of ['active_permissions', 'granted_permissions']) settings[key]!.explicit_host = [...(settings[key]!.explicit_host ?? []), ...origins];
  writeFileSync(file, JSON.stringify(preferences));
  return dir;
}

export async function launchWithExtension(
  sandbox: Sandbox,
  headless = true,
  build = CHROME_BUILD,
  /** The product opens Options on install; the bench's floor extension does not. */
  opensOptions = true,
  /** Optional origins the extension already holds (destinations of watched searches): see profileGranting. */
  grantedOrigins: string[] = [],
): Promise<{ context: BrowserContext; worker: Worker; extensionId: string }> {
  const profile = grantedOrigins.length > 0 ? await profileGranting(build, grantedOrigins) : '';
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless,
    viewport: { width: 1280, height: 900 },
    args: ARGS(build),
  });
  await forwardToSandbox(context, sandbox);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // A fresh install opens Options by itself (onboarding). Wait for it and close it, so that tests opening
  // Options themselves are not redirected into that tab half-way through a navigation.
  // Chrome may open it in the first blank tab, so there is no 'page' event to wait for: poll the tabs.
  if (!opensOptions) return { context, worker, extensionId };
  const options = `chrome-extension://${extensionId}/options.html`;
  // Loaded again into a profile that had it (profileGranting), Chromium may or may not call it an install.
  const onboarding = await waitUntil(
    () => context.pages().find((page) => page.url() === options),
    'the onboarding Options tab',
    profile ? 3_000 : 10_000,
  ).catch((error: unknown) => {
    if (profile) return null;
    throw error;
  });
  await onboarding?.goto('about:blank');
  return { context, worker, extensionId };
}

async function waitUntil<T>(probe: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function forwardToSandbox(context: BrowserContext, sandbox: Sandbox) {
  await context.route(FORWARDED, async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    try {
      const response = await route.fetch({
        url: `${sandbox.url}${url.pathname}${url.search}`,
        headers: { ...request.headers(), 'x-sandbox-host': url.hostname },
        maxRedirects: 0,
      });
      await route.fulfill({ response });
    } catch {
      // The sandbox dropped the connection (a "refuse" fault): the browser sees a refused connection.
      await route.abort('connectionrefused').catch(() => undefined);
    }
  });
}

/** Types keys into Options as a user would, and saves them. */
export async function saveKeys(context: BrowserContext, extensionId: string, keys: { uphunt?: string; mindcase?: string } = {}) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByLabel('UpHunt API key').fill(keys.uphunt ?? KEYS.uphunt);
  await page.getByLabel('Mindcase API key').fill(keys.mindcase ?? KEYS.mindcase);
  const form = page.getByRole('form', { name: 'API keys' });
  await form.getByRole('button', { name: 'Save' }).click();
  await form.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  return page;
}

/** Opens an Upwork URL in a new tab and returns it with the tab's id (read from an extension page). */
export async function openUpwork(context: BrowserContext, extensionId: string, path: string): Promise<{ page: Page; tabId: number }> {
  const page = await context.newPage();
  await page.goto(`https://www.upwork.com${path}`);
  const probe = await context.newPage();
  await probe.goto(`chrome-extension://${extensionId}/options.html`);
  const url = page.url();
  const tabId = await probe.evaluate(async (wanted) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === wanted)?.id ?? -1;
  }, url);
  await probe.close();
  if (tabId < 0) throw new Error(`No tab found for ${url}`);
  return { page, tabId };
}

export async function openPanel(context: BrowserContext, extensionId: string, tabId: number): Promise<Page> {
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
  return panel;
}
