/**
 * Firefox ESR over WebDriver BiDi (puppeteer-core) with the production Firefox build installed as a
 * temporary add-on. Upwork, UpHunt and Mindcase resolve to 127.0.0.1, where the sandbox answers HTTPS on
 * port 443 with a self-signed certificate (so this needs root, as CI has).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from '@playwright/test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { KEYS } from '../../sandbox/data';
import { DESTINATION_HOSTS, startSandbox, type Sandbox } from '../../sandbox/server';

export const FIREFOX_BUILD = resolve('.output/firefox-mv2');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const HOSTS = ['www.upwork.com', 'uphunt.io', 'api.mindcase.co', ...DESTINATION_HOSTS];

function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-tls-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
      '-subj',
      '/CN=sandbox',
      '-addext',
      `subjectAltName=${HOSTS.map((h) => `DNS:${h}`).join(',')}`,
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
}

export async function startHttpsSandbox(): Promise<Sandbox> {
  return startSandbox({ port: 443, tls: selfSignedCertificate() });
}

/** Every host but ours goes through a proxy that refuses: the real captures name analytics and CDN hosts. */
const BLOCK_OTHER_HOSTS = {
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.no_proxies_on': HOSTS.join(','),
};

export async function launchFirefox(options: { blockOtherHosts?: boolean } = {}): Promise<{ browser: Browser; addonId: string }> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      'network.dns.localDomains': HOSTS.join(','),
      'network.stricttransportsecurity.preloadlist': false,
      'dom.security.https_first': false,
      // An optional permission the add-on asks for (a destination's origin) is granted as if the user clicked
      // Allow: no automation can answer Firefox's prompt. The click that asks is still the test's own.
      'extensions.webextOptionalPermissionPrompts': false,
      ...(options.blockOtherHosts ? BLOCK_OTHER_HOSTS : {}),
    },
  });
  const addonId = await browser.installExtension(FIREFOX_BUILD);
  return { browser, addonId };
}

/** Extension pages show as about:blank to BiDi, yet evaluate in their real document: find one by its URL. */
export async function findExtensionPage(browser: Browser, file: string, timeoutMs = 15_000): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://') && href.includes(file)) return page;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`No extension page ${file} appeared`);
}

export async function textOf(page: Page): Promise<string> {
  return page.evaluate(() => document.body?.innerText ?? '');
}

/** Waits until the page's text contains `expected` (a condition, not a sleep). */
export async function waitForText(page: Page, expected: string | RegExp, timeoutMs = 15_000): Promise<string> {
  const source = typeof expected === 'string' ? { text: expected, flags: null } : { text: expected.source, flags: expected.flags };
  await page.waitForFunction(
    (s: { text: string; flags: string | null }) => {
      const body = document.body?.innerText ?? '';
      return s.flags === null ? body.includes(s.text) : new RegExp(s.text, s.flags).test(body);
    },
    { timeout: timeoutMs, polling: 100 },
    source,
  );
  return textOf(page);
}

export async function typeInto(page: Page, label: string, text: string) {
  await page.locator(`::-p-xpath(//label[normalize-space()="${label}"])`).click();
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.type(text);
}

/** Navigates an extension tab (same origin, which BiDi allows) to the panel or popup for a tab. */
export async function openExtensionPage(extensionTab: Page, page: 'sidepanel' | 'popup', tabId: number) {
  // The page before is marked, and its successor waited for: text alone could match the page before (the same
  // panel for another job, or for the same tab), and a test would then read a document being replaced.
  await extensionTab.evaluate((target) => {
    (window as { leaving?: boolean }).leaving = true;
    location.href = target;
  }, `/${page}.html?tabId=${tabId}`);
  await extensionTab.waitForFunction(() => !(window as { leaving?: boolean }).leaving && document.readyState !== 'loading' && !!document.body, {
    timeout: 15_000,
    polling: 100,
  });
}

/** The id of the tab showing `url`, asked from an extension page. */
export async function tabIdOf(extensionTab: Page, url: string): Promise<number> {
  return extensionTab.evaluate(async (wanted) => {
    // Runs in the extension page, where Firefox's own `browser` namespace is Promise-based like chrome's.
    const ext = (globalThis as unknown as { browser: typeof chrome }).browser;
    const tabs = await ext.tabs.query({});
    return tabs.find((tab) => tab.url === wanted)?.id ?? -1;
  }, url);
}

/**
 * Clicks a button by its accessible name. Puppeteer's waiting helpers (locators, waitForSelector) never
 * settle on a page reached by navigating an extension tab under BiDi, so the caller waits for its text first,
 * and the button is asked for again until the accessibility tree, which can lag the text, has it.
 */
export async function clickButton(page: Page, name: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const button = await page.$(`::-p-aria([name="${name}"][role="button"])`);
    if (button) return button.click();
    if (Date.now() > deadline) throw new Error(`No button named ${name}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface FirefoxSession {
  sandbox: Sandbox;
  browser: Browser;
  /** The Options tab the add-on opens by itself on first install: that is where the user starts. */
  options: Page;
}

/** A sandbox on 443 and Firefox with the add-on; with `keys`, the keys are typed into Options and saved. */
async function startFirefoxSession(setup: { keys?: Array<'uphunt' | 'mindcase'>; blockOtherHosts?: boolean } = {}): Promise<FirefoxSession> {
  const sandbox = await startHttpsSandbox();
  const { browser } = await launchFirefox({ blockOtherHosts: setup.blockOtherHosts });
  const options = await findExtensionPage(browser, '/options.html');
  if (setup.keys?.length) {
    await waitForText(options, 'UpHunt API key');
    if (setup.keys.includes('uphunt')) await typeInto(options, 'UpHunt API key', KEYS.uphunt);
    if (setup.keys.includes('mindcase')) await typeInto(options, 'Mindcase API key', KEYS.mindcase);
    await options.locator('::-p-aria([name="Save"][role="button"])').click();
    await waitForText(options, 'Saved.');
  }
  return { sandbox, browser, options };
}

/**
 * The spec file's Firefox session: started before its first test and ended after its last (each spec file has
 * its own browser and sandbox). Its fields are there once the first test runs.
 */
export function useFirefoxSession(setup: Parameters<typeof startFirefoxSession>[0] = {}): FirefoxSession {
  const session = {} as FirefoxSession;
  test.beforeAll(async () => void Object.assign(session, await startFirefoxSession(setup)));
  test.afterAll(() => endFirefoxSession(session));
  return session;
}

async function endFirefoxSession(session: Partial<FirefoxSession>): Promise<void> {
  await session.browser?.close();
  await session.sandbox?.close();
}
