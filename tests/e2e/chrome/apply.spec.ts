import { applyPanel, NORTHWIND_JOB as NORTHWIND, expect, openPanel, openUpwork, saveKeys, setUndo, shortenWaits, test, stopWorker } from './fixtures';

const CIPHER = '~022052895097657407455';
const posts = (sandbox: { requests(): Array<{ method: string; path: string }> }) =>
  sandbox.requests().filter((r) => r.method === 'POST' && r.path.endsWith('/apply')).length;

test('fill the form, apply, watch processing turn into applied: one POST, even on a double click', async ({ context, extensionId, sandbox }) => {
  sandbox.setApplyOutcome('applied', 2500);
  await setUndo(context, extensionId, 2);
  const { panel } = await applyPanel(context, extensionId);
  // The letter starts from the template, filled in; the rate from what this client paid.
  const letter = panel.getByLabel('Cover letter');
  await expect(letter).toHaveValue(/Hi Northwind Analytics GmbH,/);
  await expect(panel.getByLabel('Hourly rate (USD)')).not.toHaveValue('');
  await letter.fill('Hello Northwind, I build React dashboards. — Ada');
  await panel.getByLabel('Hourly rate (USD)').fill('55');
  await panel.getByLabel('Timeline').selectOption('3 to 6 months');

  await panel.getByRole('button', { name: /^Apply as/ }).dblclick();
  const status = panel.getByRole('status').filter({ hasText: /About to send|Sending|Processing|Applied/ });
  await expect(status).toContainText('About to send');
  await expect(status).toContainText('Processing', { timeout: 10_000 });
  await expect(status).toContainText('Applied', { timeout: 20_000 });
  await expect(status).toContainText('One credit was spent.');
  // What it brought, from the client's UpHunt history: the job is still among its open jobs.
  await expect(panel.getByRole('region', { name: 'Apply' }).getByLabel('What it brought')).toContainText(/Still open · UpHunt's data of/);
  expect(posts(sandbox)).toBe(1);
  expect(sandbox.requests().find((r) => r.method === 'POST' && r.path.endsWith('/apply'))?.body).toEqual({
    jobId: CIPHER,
    coverLetter: 'Hello Northwind, I build React dashboards. — Ada',
    proposal: { hourlyRate: 55, timeline: '3 to 6 months' },
    profileId: '1700000000000000001',
  });

  // A second panel for the same job cannot apply again.
  const { panel: again } = await applyPanel(context, extensionId);
  await expect(again.getByText('Already applied to this job.')).toBeVisible();
  await expect(again.getByRole('button', { name: /^Apply as/ })).toBeDisabled();
  expect(posts(sandbox)).toBe(1);
  // The log keeps the Connects the job page asked for when the application was made.
  await again.getByRole('heading', { name: 'Applications (1)' }).click();
  await expect(again.getByRole('list', { name: 'Applications (1)' })).toContainText('16 Connects');
});

test('Undo in the moment before sending sends nothing and keeps the letter', async ({ context, extensionId, sandbox }) => {
  await setUndo(context, extensionId, 5);
  const { panel } = await applyPanel(context, extensionId);
  await panel.getByLabel('Cover letter').fill('Keep me');
  await panel.getByRole('button', { name: /^Apply as/ }).click();
  await panel.getByRole('button', { name: 'Undo' }).click();
  await expect(panel.getByRole('button', { name: /^Apply as/ })).toBeEnabled();
  await expect(panel.getByLabel('Cover letter')).toHaveValue('Keep me');
  expect(posts(sandbox)).toBe(0);
});

test('the service worker stopped right after the click still ends applied, with one request', async ({ context, extensionId, sandbox }) => {
  test.setTimeout(120_000);
  sandbox.setApplyOutcome('applied', 1000);
  await setUndo(context, extensionId, 1);
  const { panel } = await applyPanel(context, extensionId);
  await panel.getByRole('button', { name: /^Apply as/ }).click();
  await stopWorker(panel);
  await expect(panel.getByRole('status').filter({ hasText: 'Applied' })).toBeVisible({ timeout: 90_000 });
  expect(posts(sandbox)).toBe(1);
});

test('a final status other than applied says what happened and what to do next (words: unit tests)', async ({ context, extensionId, sandbox, worker }) => {
  test.setTimeout(120_000);
  // UpHunt's 5 s polling schedule at a fifth: each outcome is read a second after it is decided.
  await shortenWaits(worker, 0.2);
  await setUndo(context, extensionId, 0);
  const { panel } = await applyPanel(context, extensionId);
  const outcomes: Array<[string, RegExp]> = [
    ['not_enough_connects', /Not enough Connects.*Buy Connects for the agency on Upwork/s],
    ['failed', /Failed.*captcha/s],
  ];
  for (const [outcome, text] of outcomes) {
    sandbox.setApplyOutcome(outcome, 300);
    await panel.getByRole('button', { name: /^Apply as/ }).click();
    await expect(panel.getByRole('status').filter({ hasText: text })).toBeVisible({ timeout: 20_000 });
    await expect(panel.getByRole('status').filter({ hasText: text })).toContainText('Your credit was returned.');
  }
  expect(posts(sandbox)).toBe(outcomes.length);
  expect(sandbox.requests().filter((r) => r.path.includes(`jobId=${encodeURIComponent(CIPHER)}`))).toHaveLength(0);
});

test('an empty agency explains the UpHunt setup', async ({ context, extensionId, sandbox }) => {
  sandbox.addFault({ host: 'uphunt.io', path: '/freelancers', status: 200, body: { freelancers: [] }, times: 5 });
  await saveKeys(context, extensionId);
  const { tabId } = await openUpwork(context, extensionId, NORTHWIND);
  const panel = await openPanel(context, extensionId, tabId);
  await expect(panel.getByText(/UpHunt lists no freelancers for your agency yet/)).toBeVisible();
  await expect(panel.getByRole('button', { name: /^Apply/ })).toBeDisabled();
});

test('popup quick-apply ends applied, with the profile the panel suggests for the job and the template', async ({ context, extensionId, sandbox }) => {
  sandbox.setApplyOutcome('applied', 1500);
  await setUndo(context, extensionId, 1);
  const { tabId } = await openUpwork(context, extensionId, NORTHWIND);
  // Let the panel's lookup finish, so the popup knows the client.
  const panel = await openPanel(context, extensionId, tabId);
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Northwind Analytics GmbH');
  await expect(panel.getByText('Suggested: Ada Novak. Profile matches the job on')).toBeVisible();
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
  await expect(popup.getByText('Senior React Developer for Analytics Dashboard')).toBeVisible();
  await expect(popup.getByText('As Ada Novak')).toBeVisible();
  await expect(popup.getByText(/Northwind Analytics GmbH · score \d+\/100/)).toBeVisible();
  await popup.getByRole('button', { name: 'Quick apply' }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'Applied' })).toBeVisible({ timeout: 20_000 });
  expect(posts(sandbox)).toBe(1);
  // The panel's suggestion (Ada's React profile), the template filled in, and a rate from this client's history.
  const sent = sandbox.requests().find((r) => r.method === 'POST' && r.path.endsWith('/apply'))?.body as {
    profileId: string;
    coverLetter: string;
    proposal: { hourlyRate: number };
  };
  expect(sent.profileId).toBe('1700000000000000001');
  expect(sent.coverLetter).toMatch(/^Hi Northwind Analytics GmbH,\n\nI read "Senior React Developer for Analytics Dashboard"/);
  expect(sent.proposal.hourlyRate).toBeGreaterThan(0);
});

test('the popup on a tab without a job says so and offers the side panel', async ({ context, extensionId }) => {
  await saveKeys(context, extensionId);
  const { tabId } = await openUpwork(context, extensionId, '/nx/find-work/');
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
  await expect(popup.getByText('No job in this tab.', { exact: false })).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Open side panel' })).toBeVisible();
});

test('a 409 (an application to the job made elsewhere) reads as already applied and is followed to its end, with one POST', async ({
  context,
  extensionId,
  sandbox,
}) => {
  sandbox.setApplyOutcome('applied', 2500);
  await setUndo(context, extensionId, 0);
  const { panel } = await applyPanel(context, extensionId);
  // Meanwhile, someone of the agency applied to the same job from UpHunt's dashboard.
  sandbox.applyElsewhere(CIPHER);
  await panel.getByRole('button', { name: /^Apply as/ }).click();
  const status = panel.getByRole('status').filter({ hasText: /Already applied|Processing|Applied|Not sent/ });
  await expect(status).toContainText(/Already applied or in progress|Processing/);
  await expect(status).toContainText('Applied', { timeout: 20_000 });
  await expect(status).not.toContainText('Not sent');
  expect(posts(sandbox)).toBe(1);
  expect(sandbox.requests().filter((r) => r.path.includes('/status?jobId=')).length).toBeGreaterThanOrEqual(1);
});
