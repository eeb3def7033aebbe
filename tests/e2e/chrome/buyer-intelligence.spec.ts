import { readFile } from 'node:fs/promises';
import { expect, openPanel, openUpwork, saveKeys, test, NORTHWIND_JOB as NORTHWIND } from './fixtures';

const QUICKBUCK = '/jobs/Data-Entry-VA-Needed-ASAP_~022045500011122233344/';

test('a risky client gets a low score, its red flags name the contracts behind them', async ({ context, extensionId }) => {
  await saveKeys(context, extensionId);
  const { tabId } = await openUpwork(context, extensionId, QUICKBUCK);
  const panel = await openPanel(context, extensionId, tabId);
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Quickbuck Ventures');
  await expect(panel.getByRole('heading', { name: /Client score: \d+\/100 · Risky client/ })).toBeVisible();
  const flags = panel.getByRole('list', { name: 'Red flags' });
  await expect(flags).toContainText('Never paid more than $8.73/hr');
  await expect(flags).toContainText('contracts ended with $0 paid');
  await expect(flags).toContainText(/Account \d+ days old with 4 open jobs/);
  // The rules are there to read, one line each.
  await panel.getByText('How the score is made').click();
  await expect(panel.getByRole('row', { name: /Rates paid/ })).toContainText('15 for a median of $40/hr+');
  // Charts are named for screen readers.
  await expect(panel.getByRole('img', { name: /Hourly rates paid/ })).toBeVisible();
});

test('the history table sorts, filters and exports what it shows', async ({ context, extensionId }) => {
  await saveKeys(context, extensionId);
  const { tabId } = await openUpwork(context, extensionId, NORTHWIND);
  const panel = await openPanel(context, extensionId, tabId);
  const table = panel.getByRole('table').filter({ has: panel.getByRole('columnheader', { name: /Contract/ }) });
  await expect(panel.getByText('28 contracts')).toBeVisible();

  await panel.getByRole('button', { name: 'Paid' }).click();
  await expect(panel.getByRole('columnheader', { name: /Paid/ })).toHaveAttribute('aria-sort', 'descending');
  const paid = await table.locator('tbody tr:not(.comments) td:nth-child(3)').allInnerTexts();
  const amounts = paid.map((text) => Number(text.split('\n')[0]!.replace(/[$,]/g, '')));
  expect(amounts).toEqual([...amounts].sort((a, b) => b - a));

  await panel.getByLabel('Show').selectOption('active');
  await expect(panel.getByText('2 of 28 contracts')).toBeVisible();
  await panel.getByLabel('Show').selectOption('all');
  await panel.getByLabel('min $/hr').fill('60');
  const shown = Number((await panel.getByText(/of 28 contracts/).innerText()).split(' ')[0]);
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(28);

  const download = panel.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Northwind_Analytics_GmbH-work-history.csv');
  const csv = await readFile((await file.path())!, 'utf8');
  expect(csv.trim().split('\r\n')).toHaveLength(shown + 1);
  expect(csv.split('\r\n')[0]).toContain('Job title,Job URL,Freelancer');
});
