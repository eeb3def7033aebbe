import { KEYS } from '../../sandbox/data';
import { collectErrors, expect, openPanel, openUpwork, saveKeys, test } from './fixtures';

const NORTHWIND_WITH_COMPANY = '/jobs/Senior-React-Developer-for-Analytics-Dashboard_~022052895097657407455/?referrer_url_path=find_work_home';
const NORTHWIND_WITHOUT_COMPANY = '/jobs/~022051005096520707758';
const BLUE_HARBOR_PUBLIC = '/freelance-jobs/apply/Shopify-Store-Redesign_~022049912345678901234/';
const FRESH_START = '/jobs/Logo-and-Brand-Kit-for-New-Bakery_~022048811122233344455/';
const NOT_ARCHIVED = '/jobs/~022046600099988877766';

const calls = (sandbox: { requests(): Array<{ host: string; path: string }> }, fragment: string) =>
  sandbox.requests().filter((r) => r.host === 'uphunt.io' && r.path.includes(fragment)).length;

test('Options saves the keys, shows only their last four characters, tests them, and forgets them', async ({ context, extensionId }) => {
  const options = await saveKeys(context, extensionId);
  const keys = options.getByRole('form', { name: 'API keys' });
  await expect(keys.getByText('Saved key ends in …demo.').first()).toBeVisible();
  // The saved keys are never put back into the page.
  expect(await options.content()).not.toContain(KEYS.uphunt);
  await expect(keys.getByLabel('UpHunt API key')).toHaveValue('');
  await keys.getByRole('button', { name: 'Test connection' }).click();
  await expect(keys.getByRole('status')).toContainText('UpHunt accepted the key');

  await keys.getByLabel('UpHunt API key').fill('sk_uphunt_revoked');
  await keys.getByRole('button', { name: 'Save' }).click();
  await expect(keys.getByText('Saved key ends in …oked. Paste a new key to replace it.')).toBeVisible();
  await keys.getByRole('button', { name: 'Test connection' }).click();
  await expect(keys.getByRole('status')).toContainText('UpHunt rejected the API key');

  await keys.getByRole('button', { name: 'Forget keys' }).click();
  await expect(keys.getByRole('status')).toContainText('Keys forgotten');
  await expect(keys.getByText('No key saved.')).toHaveCount(2);
  await expect(keys.getByRole('button', { name: 'Test connection' })).toBeDisabled();
});

test('a job page with the companyId in its Nuxt state shows the client without a by-ciphertext call', async ({ context, extensionId, sandbox }) => {
  const errors = collectErrors(context);
  await saveKeys(context, extensionId);
  const { tabId } = await openUpwork(context, extensionId, NORTHWIND_WITH_COMPANY);
  const panel = await openPanel(context, extensionId, tabId);

  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Northwind Analytics GmbH');
  await expect(panel.getByText('Stuttgart, DEU')).toBeVisible();
  await expect(panel.getByText('Member since Apr 2019')).toBeVisible();
  await expect(panel.getByText(/UpHunt data synced .* ago/)).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'Open jobs (2)' })).toBeVisible();
  await expect(panel.getByRole('listitem').filter({ hasText: 'this job' })).toContainText('Senior React Developer');
  await expect(panel.getByRole('heading', { name: 'Work history (28)' })).toBeVisible();
  // Feedback both ways, private contracts marked, freelancers named.
  await expect(panel.getByLabel(/^Client gave: \d\.\d stars$/).first()).toBeVisible();
  await expect(panel.getByLabel(/^Freelancer gave: \d\.\d stars$/).first()).toBeVisible();
  await expect(panel.locator('.tag', { hasText: 'private' }).first()).toBeVisible();
  await expect(panel.getByRole('link', { name: 'Marek K.' }).first()).toHaveAttribute('href', /^https:\/\/www\.upwork\.com\/freelancers\/~01/);

  expect(calls(sandbox, 'by-ciphertext')).toBe(0);
  expect(calls(sandbox, '/clients/1991212616395436888/jobs')).toBe(1);
  expect(sandbox.requests().find((r) => r.host === 'uphunt.io')).toMatchObject({ auth: 'x-api-key' });
  expect(errors).toEqual([]);
});

test('without a page companyId the client is found through UpHunt, once, then from the cache', async ({ context, extensionId, sandbox }) => {
  await saveKeys(context, extensionId);
  const first = await openUpwork(context, extensionId, NORTHWIND_WITHOUT_COMPANY);
  const panel = await openPanel(context, extensionId, first.tabId);
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Northwind Analytics GmbH');
  expect(calls(sandbox, 'by-ciphertext')).toBe(1);

  // The same job again in another tab, and the client's other job: no new calls.
  const again = await openUpwork(context, extensionId, NORTHWIND_WITHOUT_COMPANY);
  const other = await openUpwork(context, extensionId, NORTHWIND_WITH_COMPANY);
  for (const tab of [again, other]) {
    const view = await openPanel(context, extensionId, tab.tabId);
    await expect(view.getByRole('heading', { level: 1 })).toHaveText('Northwind Analytics GmbH');
  }
  expect(calls(sandbox, 'by-ciphertext')).toBe(1);
  expect(calls(sandbox, '/clients/1991212616395436888/jobs')).toBe(1);

  // Refresh asks UpHunt again, on purpose.
  await panel.getByRole('button', { name: "Refresh the client's history from UpHunt" }).click();
  await expect.poll(() => calls(sandbox, '/clients/1991212616395436888/jobs')).toBe(2);
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Northwind Analytics GmbH');
});

test('panels asking for one company at the same time cause one client-jobs call', async ({ context, extensionId, sandbox }) => {
  await saveKeys(context, extensionId);
  sandbox.setLatency(800);
  const a = await openUpwork(context, extensionId, NORTHWIND_WITH_COMPANY);
  const b = await openUpwork(context, extensionId, '/jobs/Data-Pipeline_~022051005096520707758/');
  const panels = await Promise.all([openPanel(context, extensionId, a.tabId), openPanel(context, extensionId, b.tabId)]);
  for (const panel of panels) await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Northwind Analytics GmbH');
  expect(calls(sandbox, '/clients/1991212616395436888/jobs')).toBe(1);
});

test('a public job page works; a retired up_ key is explained, never saved and never sent', async ({ context, extensionId, sandbox }) => {
  const options = await saveKeys(context, extensionId);
  const { tabId } = await openUpwork(context, extensionId, BLUE_HARBOR_PUBLIC);
  const panel = await openPanel(context, extensionId, tabId);
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Blue Harbor Studio');
  // Null buyer fields (public-only scrape) read as unknown, not as a crash.
  await expect(panel.getByText('Avg hourly paid')).toBeVisible();

  const keys = options.getByRole('form', { name: 'API keys' });
  await keys.getByLabel('UpHunt API key').fill(KEYS.uphuntLegacy);
  await keys.getByRole('button', { name: 'Save' }).click();
  await expect(keys.getByRole('status')).toContainText('Not saved. This UpHunt key was retired');
  await expect(keys.getByRole('status')).toContainText('Auto-Apply → API & Webhooks');
  await expect(keys.getByLabel('UpHunt API key')).toHaveValue(KEYS.uphuntLegacy);
  // A key saved before UpHunt retired them: said in the panel, with the way out, and nothing is sent.
  await options.evaluate(async (legacy) => {
    const { keys: stored } = (await chrome.storage.local.get('keys')) as { keys: { uphunt: string; mindcase: string } };
    await chrome.storage.local.set({ keys: { ...stored, uphunt: legacy } });
  }, KEYS.uphuntLegacy);
  const before = sandbox.requests().length;
  const other = await openUpwork(context, extensionId, NORTHWIND_WITH_COMPANY);
  const second = await openPanel(context, extensionId, other.tabId);
  await expect(second.getByRole('alert')).toContainText('This UpHunt key was retired');
  await expect(second.getByRole('alert')).toContainText('Generate API Key');
  expect(
    sandbox
      .requests()
      .slice(before)
      .filter((r) => r.host === 'uphunt.io'),
  ).toEqual([]);
  expect(sandbox.requests().filter((r) => r.host === 'uphunt.io' && r.auth === 'bearer')).toEqual([]);
});

test.describe('problems are shown in words with the way out', () => {
  test('a rejected key links to Options', async ({ context, extensionId }) => {
    // Close Options so that the panel's link visibly opens it again.
    await (await saveKeys(context, extensionId, { uphunt: 'sk_uphunt_wrong' })).close();
    const { tabId } = await openUpwork(context, extensionId, NORTHWIND_WITH_COMPANY);
    const panel = await openPanel(context, extensionId, tabId);
    await expect(panel.getByRole('alert')).toContainText('UpHunt rejected the API key');
    const optionsOpened = context.waitForEvent('page', { predicate: (p) => p.url().endsWith('/options.html#keys') });
    await panel.getByRole('alert').getByRole('button', { name: 'Open Options' }).click();
    // At its keys, in view.
    await expect((await optionsOpened).getByLabel('UpHunt API key')).toBeInViewport();
  });

  test('a key fixed in Options clears every message the old one caused', async ({ context, extensionId }) => {
    const options = await saveKeys(context, extensionId, { uphunt: 'sk_uphunt_wrong' });
    const { tabId } = await openUpwork(context, extensionId, NORTHWIND_WITH_COMPANY);
    const panel = await openPanel(context, extensionId, tabId);
    await expect(panel.getByRole('alert')).toContainText('UpHunt rejected the API key');
    const keys = options.getByRole('form', { name: 'API keys' });
    await keys.getByLabel('UpHunt API key').fill(KEYS.uphunt);
    await keys.getByRole('button', { name: 'Save' }).click();
    await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Northwind Analytics GmbH');
    await expect(panel.getByLabel('Freelancer', { exact: true })).toContainText('Ada Novak');
    await expect(panel.getByText(/rejected the API key/)).toHaveCount(0);
    await expect(panel.getByText(/Could not check UpHunt's list of applied jobs/)).toHaveCount(0);
  });

  test('no key yet says where to paste one, and saving a key brings the client in', async ({ context, extensionId }) => {
    const { tabId } = await openUpwork(context, extensionId, NORTHWIND_WITH_COMPANY);
    const panel = await openPanel(context, extensionId, tabId);
    await expect(panel.getByRole('alert')).toContainText('No UpHunt API key');
    await saveKeys(context, extensionId);
    await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Northwind Analytics GmbH');
  });

  test('an inactive subscription says so', async ({ context, extensionId }) => {
    await saveKeys(context, extensionId, { uphunt: KEYS.uphuntInactive });
    const { tabId } = await openUpwork(context, extensionId, NORTHWIND_WITH_COMPANY);
    const panel = await openPanel(context, extensionId, tabId);
    await expect(panel.getByRole('alert')).toContainText('UpHunt subscription inactive');
  });

  test('a client UpHunt has no history of is a normal state: the panel shows what the page says of them', async ({ context, extensionId }) => {
    await saveKeys(context, extensionId);
    const { tabId } = await openUpwork(context, extensionId, FRESH_START);
    const panel = await openPanel(context, extensionId, tabId);
    await expect(panel.getByText(/UpHunt has no history of this client yet/)).toBeVisible();
    await expect(panel.getByRole('heading', { level: 1 })).toHaveText('The client, as the Upwork page describes them');
    await expect(panel.getByText(/Stuttgart, Germany/)).toBeVisible();
    await expect(panel.getByRole('alert')).toHaveCount(0);
  });

  test('a job UpHunt never archived finds its client through another job of theirs the page names', async ({ context, extensionId, sandbox }) => {
    await saveKeys(context, extensionId);
    const { tabId } = await openUpwork(context, extensionId, NOT_ARCHIVED);
    const panel = await openPanel(context, extensionId, tabId);
    await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Kestrel Mobile Ltd');
    expect(calls(sandbox, 'by-ciphertext')).toBe(2);
  });

  test('429 says when it retries, waits for Retry-After, then shows the client', async ({ context, extensionId, sandbox }) => {
    await saveKeys(context, extensionId);
    sandbox.addFault({
      host: 'uphunt.io',
      path: '/clients/',
      status: 429,
      headers: { 'retry-after': '3' },
      body: { error: 'rate_limit_exceeded', message: 'Slow down' },
    });
    const { tabId } = await openUpwork(context, extensionId, NORTHWIND_WITH_COMPANY);
    const panel = await openPanel(context, extensionId, tabId);
    await expect(panel.getByRole('alert')).toContainText(/Retrying in [1-3] s/);
    await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Northwind Analytics GmbH', { timeout: 10_000 });
    const times = sandbox
      .requests()
      .filter((r) => r.path.includes('/clients/'))
      .map((r) => r.at);
    expect(times).toHaveLength(2);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(2900);
  });

  test('a malformed answer and a refused connection each say so, and Retry recovers', async ({ context, extensionId, sandbox }) => {
    await saveKeys(context, extensionId);
    sandbox.addFault({ host: 'uphunt.io', path: '/clients/', kind: 'malformed-json' });
    const { tabId } = await openUpwork(context, extensionId, NORTHWIND_WITH_COMPANY);
    const panel = await openPanel(context, extensionId, tabId);
    await expect(panel.getByRole('alert')).toContainText('Unexpected response from UpHunt');

    sandbox.addFault({ host: 'uphunt.io', path: '/clients/', kind: 'refuse' });
    await panel.getByRole('button', { name: 'Retry' }).click();
    await expect(panel.getByRole('alert')).toContainText('Could not reach UpHunt');

    await panel.getByRole('button', { name: 'Retry' }).click();
    await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Northwind Analytics GmbH');
    await expect(panel.getByRole('alert')).toHaveCount(0);
  });
});

test('a tab that is not on Upwork explains the extension', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const tabId = await page.evaluate(async () => (await chrome.tabs.getCurrent())?.id ?? -1);
  const panel = await openPanel(context, extensionId, tabId);
  await expect(panel.getByRole('heading', { name: 'Open a job on Upwork' })).toBeVisible();
});

test('the manifest asks for exactly the permissions the product uses', async ({ worker }) => {
  const manifest = await worker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.permissions?.sort()).toEqual(['alarms', 'notifications', 'sidePanel', 'storage']);
  expect(manifest.host_permissions?.sort()).toEqual(['https://api.mindcase.co/*', 'https://uphunt.io/*', 'https://www.upwork.com/*']);
  // Destinations of watched searches are asked for one origin at a time: none is held at install.
  expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  expect((await worker.evaluate(() => chrome.permissions.getAll())).origins?.sort()).toEqual([
    'https://api.mindcase.co/*',
    'https://uphunt.io/*',
    'https://www.upwork.com/*',
  ]);
});

test('a slide-over opened with pushState, closed and another opened: the panel follows each job', async ({ context, extensionId }) => {
  await saveKeys(context, extensionId);
  const { page, tabId } = await openUpwork(context, extensionId, '/nx/search/jobs/?q=react');
  const panel = await openPanel(context, extensionId, tabId);
  await expect(panel.getByRole('heading', { name: 'No job on this page' })).toBeVisible();

  await page.evaluate(() => history.pushState({}, '', '/nx/search/jobs/details/~022049912345678901234?q=react'));
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Blue Harbor Studio');
  await page.evaluate(() => history.back());
  await expect(panel.getByRole('heading', { name: 'No job on this page' })).toBeVisible();
  await page.evaluate(() => history.pushState({}, '', '/nx/search/jobs/details/~022047700011122233344?q=react'));
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Kestrel Mobile Ltd');
});

test('a slide-over opened while the panel is still starting is followed (the bench lost such views)', async ({ context, extensionId }) => {
  await saveKeys(context, extensionId);
  const { page, tabId } = await openUpwork(context, extensionId, '/nx/search/jobs/?q=react');
  const panel = await openPanel(context, extensionId, tabId);
  await page.evaluate(() => history.pushState({}, '', '/nx/search/jobs/details/~022049912345678901234?q=react'));
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Blue Harbor Studio');
});

test("a proposal page is read from its job's link; one that cannot be read says so, takes a pasted URL, and is counted", async ({ context, extensionId }) => {
  await saveKeys(context, extensionId);
  const readable = await openUpwork(context, extensionId, '/nx/proposals/1000000003');
  const panel = await openPanel(context, extensionId, readable.tabId);
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Blue Harbor Studio');

  const broken = await openUpwork(context, extensionId, '/nx/proposals/1');
  const view = await openPanel(context, extensionId, broken.tabId);
  await expect(view.getByRole('heading', { name: 'Could not read this page' })).toBeVisible();
  await view.getByLabel('Job URL').fill('https://www.upwork.com/nx/proposals/2');
  await view.getByRole('button', { name: 'Show this job' }).click();
  await expect(view.getByText('That is not the URL of an Upwork job')).toBeVisible();
  await view.getByLabel('Job URL').fill('https://www.upwork.com/jobs/Mobile-App-QA-Tester_~022047700011122233344/');
  await view.getByRole('button', { name: 'Show this job' }).click();
  await expect(view.getByRole('heading', { level: 1 })).toHaveText('Kestrel Mobile Ltd');

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByRole('row', { name: /proposal/ })).toContainText('/nx/proposals/1');
});

test('a client who has the same job open more than once is flagged in the panel, naming the jobs, and before applying', async ({ context, extensionId }) => {
  await saveKeys(context, extensionId);
  const { tabId } = await openUpwork(context, extensionId, '/jobs/Data-Entry-VA-Needed-ASAP_~022045500011122233344/');
  const panel = await openPanel(context, extensionId, tabId);
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Quickbuck Ventures');
  await expect(panel.getByLabel('Red flags')).toContainText('Open 3 times at once: "Data Entry VA Needed ASAP"');
  await expect(panel.getByLabel('Red flags')).toContainText('Data Entry VA Needed - ASAP!');
  // Before the apply form: what applying risks, with the reason named.
  await expect(panel.getByLabel('What is at stake')).toContainText(/hire odds low: .*open 3 times at once/);
});
