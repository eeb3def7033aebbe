import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, openPanel, openUpwork, setUndo, test } from './fixtures';

const DAY = 86_400_000;
/** Northwind's React job (its page names the client), Blue Harbor's and Kestrel's (found through UpHunt's archive). */
const JOBS = ['~022052895097657407455', '~022049912345678901234', '~022047700011122233344'];

/** What the application in the panel's apply form brought. */
const brought = (panel: Page) => panel.getByRole('region', { name: 'Apply' }).getByLabel('What it brought');

async function applyTo(panel: Page) {
  await expect(panel.getByLabel('Freelancer', { exact: true })).toContainText('Ada Novak');
  await panel.getByRole('button', { name: /^Apply as/ }).click();
  // A client the score doubts asks once more.
  const anyway = panel.getByRole('button', { name: 'Apply anyway' });
  const applied = panel.getByRole('status').filter({ hasText: 'Applied' });
  await expect(anyway.or(applied)).toBeVisible({ timeout: 20_000 });
  if (await anyway.isVisible()) await anyway.click();
  await expect(applied).toBeVisible({ timeout: 20_000 });
}

test('three applications: the client hires ours, hires someone else, closes without a hire; the panel and Results say 1 / 1 / 1', async ({
  context,
  extensionId,
  sandbox,
}) => {
  test.setTimeout(120_000);
  sandbox.setApplyOutcome('applied', 300);
  await setUndo(context, extensionId, 0);
  const panels: Page[] = [];
  let lastTab = 0;
  for (const job of JOBS) {
    const { tabId } = await openUpwork(context, extensionId, `/jobs/A-job_${job}/`);
    lastTab = tabId;
    const panel = await openPanel(context, extensionId, tabId);
    await applyTo(panel);
    // Followed from the client's history at once.
    await expect(brought(panel)).toContainText('Still open');
    panels.push(panel);
  }
  const [hired, other, closed] = panels as [Page, Page, Page];

  // Two weeks and a day ago in UpHunt's data, each job ended; a Refresh of the client tells its application at once.
  sandbox.setDataClock(-15 * DAY);
  sandbox.endJob(JOBS[0]!, 'hire-ours');
  sandbox.endJob(JOBS[1]!, 'hire-other');
  sandbox.endJob(JOBS[2]!, 'close');
  const refresh = (panel: Page) => panel.getByRole('button', { name: "Refresh the client's history from UpHunt" }).click();
  for (const panel of panels) await refresh(panel);
  await expect(brought(hired)).toContainText("Hired you (Ada Novak) · UpHunt's data of 2 weeks ago");
  await expect(brought(other)).toContainText('Hired someone else: Carla M.');
  await expect(brought(closed)).toContainText('No longer open; no contract seen yet');
  // Today's data still has no contract for it: closed without a hire.
  sandbox.setDataClock(0);
  await refresh(closed);
  await expect(brought(closed)).toContainText("Closed without a hire seen · UpHunt's data of just now");

  // The panel's log says each one.
  await closed.getByRole('heading', { name: 'Applications (3)' }).click();
  await expect(closed.getByRole('list', { name: 'Applications (3)' }).getByLabel('What it brought')).toHaveText([
    /Closed without a hire seen/,
    /Hired someone else: Carla M\./,
    /Hired you \(Ada Novak\)/,
  ]);

  // Results, reached from the log's link: 1 / 1 / 1, the Connects the pages asked for, those spent on the closed job.
  const [options] = await Promise.all([context.waitForEvent('page'), closed.getByRole('button', { name: 'Results…' }).click()]);
  expect(options.url()).toMatch(/options\.html#results$/);
  const all = options.getByRole('row', { name: /^All/ }).getByRole('cell');
  // Sent, hired you, someone else, closed, still open, unknown, Connects, on closed jobs, credits.
  await expect(all).toHaveText(['3', '1', '1', '1', '0', '0', '48', '16', '3']);
  await expect(options.getByRole('list', { name: 'Hired you, by client score' })).toContainText(/score \d+–\d+: 1 of \d hired you/);
  await expect(options.getByRole('img', { name: /Hired you, by client score/ })).toBeVisible();

  // The popup says it in one line.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${lastTab}`);
  await expect(popup.getByRole('button', { name: 'Last 30 days: 3 sent · 1 hired you · 48 Connects' })).toBeVisible();

  const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export CSV' }).click()]);
  const csv = await readFile((await download.path())!, 'utf8');
  const rows = csv.trim().split('\r\n');
  expect(rows).toHaveLength(4);
  expect(csv).toContain('Hired you (Ada Novak)');
  expect(csv).toContain('Hired someone else: Carla M.');
  expect(csv).toContain('Closed without a hire seen');
});

test('a proposal sent by hand on Upwork is recorded when Upwork confirms it, with the Connects its apply page asked for, and followed', async ({
  context,
  extensionId,
  sandbox,
}) => {
  const job = '~022045500011122233366';
  await setUndo(context, extensionId, 0);
  const { page, tabId } = await openUpwork(context, extensionId, `/nx/proposals/job/${job}/apply/`);
  const panel = await openPanel(context, extensionId, tabId);
  await expect(panel.getByRole('region', { name: 'On the Upwork page' })).toContainText('12');
  // Upwork lands on the proposal's own page once it was sent (the sandbox's proposal 1000000009 is that job's).
  await page.goto('https://www.upwork.com/nx/proposals/1000000009?success');
  await panel.getByRole('heading', { name: 'Applications (1)' }).click();
  const log = panel.getByRole('list', { name: 'Applications (1)' });
  await expect(log).toContainText('Sent on Upwork');
  await expect(log).toContainText('12 Connects · sent just now · sent on Upwork');
  // Its title, from the client's history once UpHunt's answer came.
  await expect(log.getByRole('link', { name: 'Cold Calling, Commission Only' })).toBeVisible();
  await expect(log.getByLabel('What it brought')).toContainText('Still open');
  // Seen again (a reload), it stays one application; the extension sent nothing itself.
  await page.reload();
  await expect(panel.getByRole('heading', { name: 'Applications (1)' })).toBeVisible();
  expect(sandbox.requests().filter((r) => r.method === 'POST' && r.host === 'uphunt.io')).toHaveLength(0);
});
