/**
 * The fault matrix for every call but client-jobs (faults.spec.ts): by-ciphertext, freelancers, generate-proposal,
 * applied-jobs, apply, status, and Mindcase credits, run, job and results, with one fault of each family
 * (`faultFamilies`) and a 429. For each the user reads what happened where the call matters, each attempt is one
 * request, a 429's Retry-After is waited out, POST /apply is never sent again without asking UpHunt about the job
 * first, and no context logs an error.
 */
import type { LoggedRequest, Sandbox } from '../../sandbox/server';
import {
  applyPanel,
  NORTHWIND_JOB as NORTHWIND,
  collectErrors,
  expect,
  faultFamilies,
  forgetStored,
  openPanel,
  openUpwork,
  saveKeys,
  setUndo,
  shortenWaits,
  test,
} from './fixtures';

const CIPHER = '~022052895097657407455';
/** Blue Harbor's page carries no companyId: its client is found through by-ciphertext. */
const BLUE_HARBOR = '/jobs/~022049912345678901234';

const count = (sandbox: Sandbox, match: (r: LoggedRequest) => boolean) => sandbox.requests().filter(match).length;
const isUpHunt =
  (fragment: string, method = 'GET') =>
  (r: LoggedRequest) =>
    r.host === 'uphunt.io' && r.method === method && r.path.includes(fragment);
const isMindcase =
  (fragment: string | RegExp, method = 'GET') =>
  (r: LoggedRequest) =>
    r.host === 'api.mindcase.co' && r.method === method && (typeof fragment === 'string' ? r.path.includes(fragment) : fragment.test(r.path));

test('by-ciphertext: each fault is named when the page has no companyId, one request each', async ({ context, extensionId, sandbox }) => {
  const errors = collectErrors(context);
  await saveKeys(context, extensionId);
  const { page, tabId } = await openUpwork(context, extensionId, BLUE_HARBOR);
  const panel = await openPanel(context, extensionId, tabId);
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Blue Harbor Studio');
  for (const [name, fault, message] of faultFamilies('UpHunt')) {
    await test.step(name, async () => {
      await forgetStored(panel, 'company-of:', 'not-archived:', 'client-jobs:');
      const before = count(sandbox, isUpHunt('by-ciphertext'));
      sandbox.addFault({ host: 'uphunt.io', path: 'by-ciphertext', ...fault });
      await page.reload();
      // Wait for the request first: two faults in a row may read the same (500, 503).
      await expect.poll(() => count(sandbox, isUpHunt('by-ciphertext')) - before).toBe(1);
      await expect(panel.locator('main')).toContainText(message);
      expect(count(sandbox, isUpHunt('by-ciphertext')) - before).toBe(1);
    });
  }
  await test.step('429: waited out, then found', async () => {
    await forgetStored(panel, 'company-of:', 'not-archived:', 'client-jobs:');
    sandbox.addFault({ host: 'uphunt.io', path: 'by-ciphertext', status: 429, headers: { 'retry-after': '2' } });
    await page.reload();
    await expect(panel.locator('main')).toContainText(/UpHunt asked us to slow down/);
    await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Blue Harbor Studio', { timeout: 10_000 });
    const [limited, retried] = sandbox.requests().filter(isUpHunt('by-ciphertext')).slice(-2);
    expect(retried!.startedAt - limited!.startedAt).toBeGreaterThanOrEqual(2_000);
  });
  expect(errors).toEqual([]);
});

test('freelancers: each fault is named in the form, the last list is kept, and Refresh waits out a 429', async ({ context, extensionId, sandbox }) => {
  const errors = collectErrors(context);
  await saveKeys(context, extensionId);
  const { panel } = await applyPanel(context, extensionId);
  const refresh = panel.getByRole('button', { name: "Refresh the agency's freelancers" });
  const apply = panel.getByRole('region', { name: 'Apply' });
  for (const [name, fault, message] of faultFamilies('UpHunt')) {
    await test.step(name, async () => {
      const before = count(sandbox, isUpHunt('/freelancers'));
      sandbox.addFault({ host: 'uphunt.io', path: '/freelancers', ...fault });
      await refresh.click();
      await expect.poll(() => count(sandbox, isUpHunt('/freelancers')) - before).toBe(1);
      await expect(apply).toContainText(message);
      expect(count(sandbox, isUpHunt('/freelancers')) - before).toBe(1);
      // The list from before the fault is still there to apply with.
      await expect(panel.getByLabel('Freelancer', { exact: true })).toContainText('Ada Novak');
    });
  }
  await test.step('429: Refresh sends nothing during the pause; the panel asks again after it', async () => {
    const before = count(sandbox, isUpHunt('/freelancers'));
    sandbox.addFault({ host: 'uphunt.io', path: '/freelancers', status: 429, headers: { 'retry-after': '3' } });
    await refresh.click();
    await expect(apply).toContainText(/UpHunt asked us to slow down/);
    await refresh.click();
    await expect(apply).toContainText(/UpHunt asked us to slow down/);
    expect(count(sandbox, isUpHunt('/freelancers')) - before).toBe(1);
    await expect(apply).not.toContainText(/asked us to slow down/, { timeout: 10_000 });
    expect(count(sandbox, isUpHunt('/freelancers')) - before).toBe(2);
  });
  expect(errors).toEqual([]);
});

test('generate-proposal: each fault is named, the letter is kept, and Generate waits out a 429', async ({ context, extensionId, sandbox }) => {
  const errors = collectErrors(context);
  await saveKeys(context, extensionId);
  const { panel } = await applyPanel(context, extensionId);
  const letter = panel.getByLabel('Cover letter');
  await letter.fill('My own words');
  for (const [name, fault, message] of faultFamilies('UpHunt')) {
    await test.step(name, async () => {
      const before = count(sandbox, isUpHunt('/generate-proposal', 'POST'));
      sandbox.addFault({ host: 'uphunt.io', path: '/generate-proposal', ...fault });
      await panel.getByRole('button', { name: 'Generate' }).click();
      await expect.poll(() => count(sandbox, isUpHunt('/generate-proposal', 'POST')) - before).toBe(1);
      await expect(panel.getByText(message)).toContainText('your letter was kept');
      await expect(letter).toHaveValue('My own words');
      expect(count(sandbox, isUpHunt('/generate-proposal', 'POST')) - before).toBe(1);
    });
  }
  await test.step('429: Generate is held for the Retry-After, then works', async () => {
    sandbox.addFault({ host: 'uphunt.io', path: '/generate-proposal', status: 429, headers: { 'retry-after': '3' } });
    await panel.getByRole('button', { name: 'Generate' }).click();
    await expect(panel.getByRole('button', { name: /Generate \(in \d s\)/ })).toBeDisabled();
    await panel.getByRole('button', { name: 'Generate' }).click({ timeout: 10_000 });
    await expect(letter).toHaveValue(/I read your job post carefully/);
  });
  expect(errors).toEqual([]);
});

test('applied-jobs: a fault is said beside the form, which still guards with its own log', async ({ context, extensionId, sandbox }) => {
  const errors = collectErrors(context);
  await saveKeys(context, extensionId);
  const { panel } = await applyPanel(context, extensionId);
  for (const [name, fault, message] of faultFamilies('UpHunt')) {
    await test.step(name, async () => {
      // As if the minute the list is kept for had passed.
      await forgetStored(panel, 'applied-jobs');
      const before = count(sandbox, isUpHunt('/applied-jobs'));
      sandbox.addFault({ host: 'uphunt.io', path: '/applied-jobs', ...fault });
      await panel.reload();
      await expect.poll(() => count(sandbox, isUpHunt('/applied-jobs')) - before).toBe(1);
      await expect(panel.getByText(/Could not check UpHunt's list of applied jobs/)).toContainText(message);
      expect(count(sandbox, isUpHunt('/applied-jobs')) - before).toBe(1);
      await expect(panel.getByRole('button', { name: /^Apply as/ })).toBeEnabled();
    });
  }
  expect(errors).toEqual([]);
});

test('apply: a refusal is "not sent" after one POST; any other fault is asked about by job first', async ({ context, extensionId, sandbox, worker }) => {
  test.setTimeout(180_000);
  // The asking-by-job schedule at a quarter (5 s → 1.25 s); a Retry-After is UpHunt's own and is never scaled.
  await shortenWaits(worker, 0.25);
  const errors = collectErrors(context);
  await setUndo(context, extensionId, 0);
  // Settled quickly and not "applied", so the next step may apply to the same job again.
  sandbox.setApplyOutcome('not_available', 300);
  const { panel } = await applyPanel(context, extensionId);
  const posts = () => sandbox.requests().filter(isUpHunt('/apply', 'POST'));
  const status = panel.getByRole('status').filter({ hasText: /About to send|Sending|Not sent|Not confirmed|Processing|Job closed/ });
  const applyButton = panel.getByRole('button', { name: /^Apply as/ });

  for (const [name, fault, message] of faultFamilies('UpHunt').slice(0, 2)) {
    await test.step(`${name}: not sent, said, one POST`, async () => {
      const before = posts().length;
      sandbox.addFault({ host: 'uphunt.io', path: '/apply', method: 'POST', ...fault });
      await applyButton.click();
      await expect.poll(() => posts().length - before).toBe(1);
      await expect(status).toContainText('Not sent');
      await expect(status).toContainText(message);
      expect(posts().length - before).toBe(1);
      await expect(panel.getByLabel('Cover letter')).not.toHaveValue('');
    });
  }

  const ambiguous = [
    ...faultFamilies('UpHunt').slice(2),
    ['429 with Retry-After', { status: 429, headers: { 'retry-after': '3' } }, /UpHunt asked us to slow down/] as const,
  ];
  for (const [name, fault, message] of ambiguous) {
    await test.step(`${name}: not confirmed, asked about by job, then sent once more`, async () => {
      const before = sandbox.requests().length;
      sandbox.addFault({ host: 'uphunt.io', path: '/apply', method: 'POST', ...fault });
      await applyButton.click();
      await expect(status).toContainText('Not confirmed yet');
      await expect(status).toContainText(message);
      await expect(status).toContainText('Job closed', { timeout: 20_000 });
      const since = sandbox.requests().slice(before);
      const order = since.filter((r) => isUpHunt('/apply', 'POST')(r) || isUpHunt(`status?jobId=`)(r)).map((r) => (r.method === 'POST' ? 'POST' : 'by job'));
      expect(order).toEqual(['POST', 'by job', 'POST']);
      const [first, second] = since.filter(isUpHunt('/apply', 'POST'));
      if (name.startsWith('429')) expect(second!.startedAt - first!.startedAt).toBeGreaterThanOrEqual(3_000);
    });
  }

  await test.step('500 after UpHunt queued it: found by job, never posted again', async () => {
    const before = posts().length;
    sandbox.addFault({ host: 'uphunt.io', path: '/apply', method: 'POST', status: 500, afterHandling: true });
    await applyButton.click();
    await expect(status).toContainText('Not confirmed yet');
    await expect(status).toContainText('Job closed', { timeout: 20_000 });
    expect(posts().length - before).toBe(1);
    expect(sandbox.requests().filter(isUpHunt(`status?jobId=${encodeURIComponent(CIPHER)}`)).length).toBeGreaterThan(0);
  });
  expect(errors).toEqual([]);
});

test('status: each failed check is said, the next comes after any Retry-After; the application settles', async ({ context, extensionId, sandbox, worker }) => {
  test.setTimeout(150_000);
  // UpHunt's 5 s schedule at 0.35: each fault still shows for 1.75 s; the Retry-After is UpHunt's own, never scaled.
  await shortenWaits(worker, 0.35);
  const errors = collectErrors(context);
  await setUndo(context, extensionId, 0);
  sandbox.setApplyOutcome('applied', 90_000);
  const { panel } = await applyPanel(context, extensionId);
  const cases = [
    ...faultFamilies('UpHunt'),
    ['429 with Retry-After', { status: 429, headers: { 'retry-after': '6' } }, /UpHunt asked us to slow down/] as const,
  ];
  // Each check meets the next fault in turn.
  for (const [, fault] of cases) sandbox.addFault({ host: 'uphunt.io', path: 'status?queueId=', ...fault });
  await panel.getByRole('button', { name: /^Apply as/ }).click();
  const status = panel.getByRole('status').filter({ hasText: /Processing|Applied/ });
  for (const [name, , message] of cases) {
    await test.step(name, async () => {
      await expect(status).toContainText(message, { timeout: 15_000 });
      await expect(status).toContainText('The last status check failed');
    });
  }
  // A good check clears the problem; it came after the Retry-After; the one POST is still the only one.
  await expect(status).not.toContainText('The last status check failed', { timeout: 30_000 });
  const checks = sandbox.requests().filter(isUpHunt('status?queueId='));
  const limited = checks.findIndex((r) => r.status === 429);
  expect(checks[limited + 1]!.startedAt - checks[limited]!.startedAt).toBeGreaterThanOrEqual(6_000);
  expect(sandbox.requests().filter(isUpHunt('/apply', 'POST'))).toHaveLength(1);
  expect(errors).toEqual([]);
});

test('Mindcase credits: each fault is named beside the price', async ({ context, extensionId, sandbox }) => {
  const errors = collectErrors(context);
  await saveKeys(context, extensionId);
  const { tabId } = await openUpwork(context, extensionId, NORTHWIND);
  const panel = await openPanel(context, extensionId, tabId);
  await expect(panel.getByText(/12,480 credits left/)).toBeVisible();
  const cases = [...faultFamilies('Mindcase'), ['429', { status: 429, headers: { 'retry-after': '5' } }, /Mindcase asked us to slow down/] as const];
  for (const [name, fault, message] of cases) {
    await test.step(name, async () => {
      const before = count(sandbox, isMindcase('/credits'));
      sandbox.addFault({ host: 'api.mindcase.co', path: '/credits', ...fault });
      await panel.reload();
      await expect.poll(() => count(sandbox, isMindcase('/credits')) - before).toBe(1);
      await expect(panel.getByText(/credits unknown/)).toContainText(message);
      expect(count(sandbox, isMindcase('/credits')) - before).toBe(1);
    });
  }
  expect(errors).toEqual([]);
});

test('Mindcase run: refused buys nothing; a run maybe started is found, not bought twice; 429 waits', async ({ context, extensionId, sandbox, worker }) => {
  const errors = collectErrors(context);
  // The minute a lost run is looked for, in seconds.
  await shortenWaits(worker, 0.05);
  await saveKeys(context, extensionId);
  const { tabId } = await openUpwork(context, extensionId, NORTHWIND);
  const panel = await openPanel(context, extensionId, tabId);
  const runs = () => count(sandbox, isMindcase('/run', 'POST'));
  const lists = () => count(sandbox, (r) => r.host === 'api.mindcase.co' && r.path.startsWith('/api/v1/jobs?'));
  const REFUSALS = ['401', '422'];
  for (const [name, fault, message] of faultFamilies('Mindcase')) {
    await test.step(name, async () => {
      const before = runs();
      const listed = lists();
      sandbox.addFault({ host: 'api.mindcase.co', path: '/run', method: 'POST', ...fault });
      await panel.getByRole('button', { name: /^(Enrich|Retry)/ }).click();
      await expect.poll(() => runs() - before, { message: `${name}: one POST` }).toBe(1);
      if (REFUSALS.includes(name)) await expect(panel.getByRole('alert')).toContainText(message);
      else {
        // No answer, or one that cannot be read: Mindcase is asked whether it started the run, and says it did not.
        await expect(panel.getByText(/asking Mindcase whether it started the run/)).toContainText(message);
        await expect(panel.getByRole('alert')).toContainText('The Mindcase request was interrupted');
        await expect(panel.getByRole('alert')).toContainText('nothing was charged');
        expect(lists() - listed).toBeGreaterThanOrEqual(1);
      }
      expect(runs() - before).toBe(1);
    });
  }
  await test.step('429: the same jobs go again after the Retry-After, and are bought once', async () => {
    const before = runs();
    sandbox.addFault({ host: 'api.mindcase.co', path: '/run', method: 'POST', status: 429, headers: { 'retry-after': '2' } });
    await panel.getByRole('button', { name: /^(Enrich|Retry)/ }).click();
    await expect(panel.getByRole('heading', { name: 'This job' })).toBeVisible({ timeout: 20_000 });
    expect(runs() - before).toBe(2);
    expect(count(sandbox, isMindcase('/results'))).toBe(1);
  });
  expect(errors).toEqual([]);
});

test('Mindcase job and results: a failed poll is said and polled again; a lost run or bad key ends it', async ({ context, extensionId, sandbox, worker }) => {
  test.setTimeout(150_000);
  // Polls at 0.35 of their pace (every 0.7 s, then slower): each failed poll is still said for most of a second.
  await shortenWaits(worker, 0.35);
  const errors = collectErrors(context);
  await saveKeys(context, extensionId);
  const { tabId } = await openUpwork(context, extensionId, NORTHWIND);
  const panel = await openPanel(context, extensionId, tabId);
  const runInfo = /^\/api\/v1\/jobs\/[^/]+$/;
  // A poll refused for good ends the run; anything else is polled again.
  const TERMINAL = ['401', '422'];
  const transient = faultFamilies('Mindcase').filter(([name]) => !TERMINAL.includes(name));
  const enrich = async () => {
    await panel.getByRole('button', { name: /^(Enrich|Retry)/ }).click();
    await expect(panel.getByText('Fetching from Mindcase…')).toBeVisible();
  };
  const buy = async () => {
    await expect(panel.getByRole('heading', { name: 'This job' })).toBeVisible({ timeout: 30_000 });
    // Bought again next time: forget the row.
    await forgetStored(panel, 'mindcase-row:');
    await panel.reload();
  };

  await test.step('job: every passing fault is said, then the run completes', async () => {
    for (const [, fault] of [...transient, ['429', { status: 429, headers: { 'retry-after': '2' } }] as const])
      sandbox.addFault({ host: 'api.mindcase.co', pathMatches: runInfo, method: 'GET', ...fault });
    await enrich();
    for (const [, , message] of transient) await expect(panel.getByText(/trying again/)).toContainText(message, { timeout: 20_000 });
    await expect(panel.getByText(/Mindcase asked us to slow down: trying again when Mindcase allows/)).toBeVisible({ timeout: 20_000 });
    await buy();
  });

  await test.step('results: every passing fault is said, then the rows arrive (bought once)', async () => {
    const before = count(sandbox, isMindcase('/run', 'POST'));
    for (const [, fault] of transient) sandbox.addFault({ host: 'api.mindcase.co', path: '/results', method: 'GET', ...fault });
    await enrich();
    for (const [, , message] of transient) await expect(panel.getByText(/trying again/)).toContainText(message, { timeout: 20_000 });
    await buy();
    expect(count(sandbox, isMindcase('/run', 'POST')) - before).toBe(1);
  });

  for (const [name, fault, message] of faultFamilies('Mindcase').filter(([n]) => TERMINAL.includes(n))) {
    await test.step(`job ${name}: the run ends and says why`, async () => {
      sandbox.addFault({ host: 'api.mindcase.co', pathMatches: runInfo, method: 'GET', ...fault });
      await enrich();
      await expect(panel.getByRole('alert')).toContainText(message, { timeout: 15_000 });
    });
  }
  expect(errors).toEqual([]);
});
