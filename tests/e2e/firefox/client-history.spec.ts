import { expect, test } from '@playwright/test';
import { JOBS, KEYS } from '../../sandbox/data';
import { renderJobPage2026 } from '../../sandbox/upwork-pages';
import type { Sandbox } from '../../sandbox/server';
import { readFileSync } from 'node:fs';
import { clickButton, FIREFOX_BUILD, openExtensionPage as openPage, tabIdOf, textOf, typeInto, waitForText, useFirefoxSession } from './launch';

const firefox = useFirefoxSession();

async function openExtensionPage(page: 'sidepanel' | 'popup', tabId: number) {
  await openPage(firefox.options, page, tabId);
}

test('Firefox: keys saved in Options, a job page shows its client, score, history and Mindcase details in the sidebar page', async () => {
  await waitForText(firefox.options, 'UpHunt API key');
  await typeInto(firefox.options, 'UpHunt API key', KEYS.uphunt);
  await typeInto(firefox.options, 'Mindcase API key', KEYS.mindcase);
  await firefox.options.locator('::-p-aria([name="Save"][role="button"])').click();
  await waitForText(firefox.options, 'Saved.');
  await firefox.options.locator('::-p-text(Test connection)').click();
  await waitForText(firefox.options, 'UpHunt accepted the key');

  const job = await firefox.browser.newPage();
  const url = 'https://www.upwork.com/jobs/~022051005096520707758';
  await job.goto(url);
  expect(await job.title()).toContain('Data Pipeline Engineer');
  const tabId = await tabIdOf(firefox.options, url);
  expect(tabId).toBeGreaterThan(0);

  // Same-origin navigation from an extension page to the panel for that tab (the sidebar's page).
  await openExtensionPage('sidepanel', tabId);
  const text = await waitForText(firefox.options, 'Work history (28)');
  expect(text).toContain('Northwind Analytics GmbH');
  expect(text).toContain('Stuttgart, DEU');
  expect(text).toMatch(/UpHunt data synced .* ago/);
  expect(text).toContain('Open jobs (2)');
  expect(text).toMatch(/Client score: \d+\/100 · Good client/);
  expect(text).toContain('Median hourly');

  // The table sorts; Mindcase details come only when asked for. (Clicks need the tab in front.)
  await firefox.options.bringToFront();
  await clickButton(firefox.options, 'Paid');
  expect(await firefox.options.evaluate(() => document.querySelector('th[aria-sort="descending"]')?.textContent)).toContain('Paid');
  await clickButton(firefox.options, 'Enrich ($0.003)');
  expect(await waitForText(firefox.options, 'Similar jobs (3)')).toContain('Skills required:');
  expect(firefox.sandbox.requests().filter((r) => r.host === 'api.mindcase.co' && r.method === 'POST')).toHaveLength(1);

  const uphunt = firefox.sandbox.requests().filter((r) => r.host === 'uphunt.io');
  expect(uphunt.filter((r) => r.path.includes('by-ciphertext'))).toHaveLength(1);
  expect(uphunt.filter((r) => r.path.includes('/clients/1991212616395436888/jobs'))).toHaveLength(1);
});

test('Firefox: a rate-limited answer says when it retries, then recovers', async () => {
  firefox.sandbox.addFault({
    host: 'uphunt.io',
    path: '/clients/',
    status: 429,
    headers: { 'retry-after': '2' },
    body: { error: 'rate_limit_exceeded', message: 'Slow down' },
  });
  const job = await firefox.browser.newPage();
  const url = 'https://www.upwork.com/jobs/Mobile-App-QA-Tester_~022047700011122233344/';
  await job.goto(url);
  const tabId = await tabIdOf(firefox.options, url);
  await openExtensionPage('sidepanel', tabId);
  expect(await waitForText(firefox.options, /Retrying in \d s/)).toContain('UpHunt asked us to slow down');
  await waitForText(firefox.options, 'Kestrel Mobile Ltd');
  expect(await textOf(firefox.options)).not.toContain('slow down');
});

test('Firefox: the manifest asks for exactly the permissions the product uses', async () => {
  const { id, manifest, held } = await firefox.options.evaluate(async () => {
    const ext = (globalThis as unknown as { browser: typeof chrome }).browser;
    return { id: ext.runtime.id, manifest: ext.runtime.getManifest(), held: (await ext.permissions.getAll()).origins ?? [] };
  });
  expect(id).toBe('uphunt-overlay@uphunt-overlay.dev');
  expect(manifest.manifest_version).toBe(2);
  expect([...(manifest.permissions ?? [])].sort()).toEqual([
    'alarms',
    'https://api.mindcase.co/*',
    'https://uphunt.io/*',
    'https://www.upwork.com/*',
    'notifications',
    'storage',
  ]);
  // Destinations of watched searches are asked for one origin at a time: none is held at install.
  expect((manifest as { optional_permissions?: string[] }).optional_permissions).toEqual(['https://*/*', 'http://*/*']);
  expect([...held].sort()).toEqual(['https://api.mindcase.co/*', 'https://uphunt.io/*', 'https://www.upwork.com/*']);
  expect((manifest as { sidebar_action?: { default_panel?: string } }).sidebar_action?.default_panel).toMatch(/\/sidepanel\.html$/);
  // Firefox leaves browser_specific_settings out of getManifest(): read what ships.
  const shipped = JSON.parse(readFileSync(`${FIREFOX_BUILD}/manifest.json`, 'utf8')) as Record<string, unknown>;
  expect(shipped).toMatchObject({ browser_specific_settings: { gecko: { data_collection_permissions: { required: ['browsingActivity'] } } } });
});

test('Firefox: apply from the sidebar page, watch it go from processing to applied, one POST; then quick-apply from the popup', async () => {
  firefox.sandbox.setApplyOutcome('applied', 1500);
  const url = 'https://www.upwork.com/jobs/~022051005096520707758';
  const tabId = await tabIdOf(firefox.options, url);
  await openExtensionPage('sidepanel', tabId);
  await waitForText(firefox.options, 'Apply as Ada Novak');
  await firefox.options.bringToFront();
  await clickButton(firefox.options, 'Apply as Ada Novak');
  expect(await waitForText(firefox.options, /About to send|Sending|Processing/)).toMatch(/About to send|Sending|Processing/);
  expect(await waitForText(firefox.options, 'One credit was spent.', 30_000)).toContain('Applied');
  const posts = () => firefox.sandbox.requests().filter((r) => r.method === 'POST' && r.path.endsWith('/apply'));
  expect(posts()).toHaveLength(1);

  // The popup, opened as a page for another job's tab, applies with the defaults.
  const job = await firefox.browser.newPage();
  const other = 'https://www.upwork.com/jobs/Mobile-App-QA-Tester_~022047700011122233344/';
  await job.goto(other);
  const otherTab = await tabIdOf(firefox.options, other);
  await openExtensionPage('sidepanel', otherTab);
  await waitForText(firefox.options, 'Kestrel Mobile Ltd');
  await openExtensionPage('popup', otherTab);
  await waitForText(firefox.options, 'Quick apply');
  await firefox.options.bringToFront();
  await clickButton(firefox.options, 'Quick apply');
  await waitForText(firefox.options, 'One credit was spent.', 30_000);
  expect(posts()).toHaveLength(2);
});

test('Firefox: tiles get badges as they scroll into view; a slide-over opened, closed and another opened is followed', async () => {
  const feed = await firefox.browser.newPage();
  await feed.goto('https://www.upwork.com/nx/find-work/');
  const count = () =>
    feed.evaluate(() => [
      document.querySelectorAll('article.job-tile, article[data-test="JobTile"], section[data-ev-sublocation="job_feed_tile"]').length,
      document.querySelectorAll('uphunt-tile-badge').length,
    ]);
  await feed.waitForFunction(() => document.querySelectorAll('uphunt-tile-badge').length > 0, { timeout: 15_000, polling: 100 });
  // Tiles are badged as they come near the view: scroll to the end, a screen at a time.
  await feed.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
      scrollTo(0, y);
      await frame();
    }
  });
  await feed.waitForFunction(
    () =>
      document.querySelectorAll('uphunt-tile-badge').length ===
      document.querySelectorAll('article.job-tile, article[data-test="JobTile"], section[data-ev-sublocation="job_feed_tile"]').length,
    { timeout: 15_000, polling: 100 },
  );
  const [tiles, badges] = await count();
  expect(badges).toBe(tiles);

  const tabId = await tabIdOf(firefox.options, 'https://www.upwork.com/nx/find-work/');
  await feed.evaluate(() => history.pushState({}, '', '/nx/find-work/details/~022049912345678901234'));
  await openExtensionPage('sidepanel', tabId);
  await waitForText(firefox.options, 'Blue Harbor Studio');
  await feed.evaluate(() => history.back());
  await waitForText(firefox.options, 'No job on this page');
  await feed.evaluate(() => history.pushState({}, '', '/nx/find-work/details/~022047700011122233344'));
  await waitForText(firefox.options, 'Kestrel Mobile Ltd');
});

test("Firefox: Upwork's 2026 job viewer shows its job and its client, found through the newest archived job of a long history, with the page's Connects and activity", async () => {
  const job = JOBS.find((j) => j.ciphertext === '~022046600099988877766')!;
  const path = `/nx/s/job-details-viewer/jobs/${job.ciphertext}`;
  const legacy = Array.from({ length: 10 }, (_, i) => `~01cc0000000000${String(i).padStart(4, '0')}`);
  firefox.sandbox.servePage(path, renderJobPage2026(job, JOBS, { history: [...legacy, '~022047700011122233344'] }));
  const viewer = await firefox.browser.newPage();
  await viewer.goto(`https://www.upwork.com${path}`);
  await openExtensionPage('sidepanel', await tabIdOf(firefox.options, `https://www.upwork.com${path}`));
  // Waits for this page's own figure: the sidebar page may still show the job before it (also Kestrel's).
  const text = await waitForText(firefox.options, '20 (you have 216)');
  expect(text).toContain('Kestrel Mobile Ltd');
  expect(text).toContain('Payment verified');
  expect(text).toContain('On the Upwork page');
  expect(text).toContain('20 to 50');
  // The newest job, last in the list, was asked about before any of the ten legacy ones above it.
  expect(firefox.sandbox.requests().filter((r) => r.path.includes('by-ciphertext') && r.path.includes('~01cc'))).toHaveLength(0);
});

test('Firefox: faults whose errors Firefox words its own way are named in the sidebar page, one request each; a page cannot start a call', async () => {
  test.setTimeout(90_000);
  const url = 'https://www.upwork.com/jobs/Senior-React-Developer-for-Analytics-Dashboard_~022052895097657407455/';
  const job = await firefox.browser.newPage();
  await job.goto(url);
  const tabId = await tabIdOf(firefox.options, url);
  await openExtensionPage('sidepanel', tabId);
  await waitForText(firefox.options, 'Northwind Analytics GmbH');
  const clientJobs = () => firefox.sandbox.requests().filter((r) => r.host === 'uphunt.io' && r.path.includes('/clients/')).length;
  const cases: Array<[Parameters<Sandbox['addFault']>[0], string]> = [
    // Firefox itself sends a GET again over a new connection when one is reset before any answer: the fault
    // outlasts those tries, and the extension's one fetch still fails.
    [{ kind: 'refuse', times: 10 }, 'Could not reach UpHunt'],
    [{ kind: 'malformed-json' }, 'Unexpected response from UpHunt'],
    [{ kind: 'wrong-shape' }, 'Unexpected response from UpHunt'],
    [{ status: 503 }, 'UpHunt is having trouble'],
    [{ status: 401 }, 'UpHunt rejected the API key'],
  ];
  for (const [fault, message] of cases) {
    await firefox.options.evaluate(async () => {
      const ext = (globalThis as unknown as { browser: typeof chrome }).browser;
      const all = await ext.storage.local.get(null);
      await ext.storage.local.remove(Object.keys(all).filter((key) => key.startsWith('client-jobs:')));
    });
    // A clean slate of faults and requests: no fault left over from the case before.
    firefox.sandbox.reset();
    firefox.sandbox.addFault({ host: 'uphunt.io', path: '/clients/', ...fault });
    await job.reload();
    await waitForText(firefox.options, message);
    if (fault.kind !== 'refuse') expect(clientJobs()).toBe(1);
  }

  // What a page script can reach: window messages, DOM events. Neither starts a call; the page has no extension API.
  const before = firefox.sandbox.requests().length;
  const reachable = await job.evaluate(() => {
    const forged = 'https://www.upwork.com/jobs/~022048811122233344455';
    window.postMessage({ id: 1, type: 'lookupUrl', data: { tabId: 1, url: forged }, timestamp: Date.now() }, '*');
    window.dispatchEvent(Object.assign(new CustomEvent('wxt:locationchange'), { newUrl: new URL(forged) }));
    const scope = globalThis as { browser?: { runtime?: unknown }; chrome?: { runtime?: { sendMessage?: unknown } } };
    return typeof scope.browser?.runtime === 'object' || typeof scope.chrome?.runtime?.sendMessage === 'function';
  });
  expect(reachable).toBe(false);
  await job.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  expect(
    firefox.sandbox
      .requests()
      .slice(before)
      .filter((r) => r.host === 'uphunt.io'),
  ).toEqual([]);
  expect(await textOf(firefox.options)).not.toContain('Logo and Brand Kit');
  await job.close();
});

test('Firefox: a job its client has open three times at once is flagged before applying, with what applying risks', async () => {
  const url = 'https://www.upwork.com/jobs/Data-Entry-VA-Needed-ASAP_~022045500011122233344/';
  const job = await firefox.browser.newPage();
  await job.goto(url);
  await openExtensionPage('sidepanel', await tabIdOf(firefox.options, url));
  expect(await waitForText(firefox.options, /hire odds low: .*open 3 times at once/)).toContain('Quickbuck Ventures');
  await job.close();
});
