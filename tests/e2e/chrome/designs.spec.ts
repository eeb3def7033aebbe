/**
 * Upwork's 2026 redesign and routes (no capture is shared: the sandbox's page made from ../shared/upwork-pages.md):
 * the job viewer shows its job and client, found through the newest archived job of a long history within one
 * view; the page's Connects and activity show before any Mindcase purchase; Find the client goes further down a
 * history whose only archived job is an old one; the universal search is a search.
 */
import { JOBS } from '../../sandbox/data';
import { renderJobPage2026 } from '../../sandbox/upwork-pages';
import { byCipher, expect, figure, openPanel, openUpwork, saveKeys, test } from './fixtures';

// Kestrel's job that UpHunt never archived, and its job that UpHunt did (Kestrel Mobile Ltd).
const UNARCHIVED = JOBS.find((job) => job.ciphertext === '~022046600099988877766')!;
const ARCHIVED = '~022047700011122233344';
const VIEWER = `/nx/s/job-details-viewer/jobs/${UNARCHIVED.ciphertext}`;
const LEGACY = Array.from({ length: 12 }, (_, i) => `~01bb0000000000${String(i).padStart(4, '0')}`);

test('the 2026 job viewer: its client found through the newest archived job of a long history in one view; Connects and activity from the page', async ({
  context,
  extensionId,
  sandbox,
}) => {
  await saveKeys(context, extensionId);
  // Newest first, as Upwork lists it, but with the archived job last, below years of legacy jobs.
  sandbox.servePage(VIEWER, renderJobPage2026(UNARCHIVED, JOBS, { history: [...LEGACY.slice(0, 6), '~022030000000000000001', ...LEGACY.slice(6), ARCHIVED] }));
  const { tabId } = await openUpwork(context, extensionId, VIEWER);
  const panel = await openPanel(context, extensionId, tabId);
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Kestrel Mobile Ltd');
  await expect(panel.getByText('Payment verified')).toBeVisible();
  expect(byCipher(sandbox)).toEqual([UNARCHIVED.ciphertext, ARCHIVED]);
  // Free, from the page: nothing is bought from Mindcase for it.
  await expect(panel.getByRole('heading', { name: 'On the Upwork page' })).toBeVisible();
  await expect(figure(panel, 'Connects to apply')).toHaveText('20 (you have 216)');
  await expect(figure(panel, 'Proposals')).toHaveText('20 to 50');
  await expect(figure(panel, 'Client last viewed')).toHaveText('2 hours ago');
  await expect(figure(panel, 'Interviewing')).toHaveText('3');
  await expect(figure(panel, 'Hired')).toHaveText('1');
  expect(sandbox.requests().filter((r) => r.host === 'api.mindcase.co' && r.method === 'POST')).toHaveLength(0);
});

test('Find the client: when the only archived job is an old one far down the history, the panel says how many were asked, and one click asks ten more', async ({
  context,
  extensionId,
  sandbox,
}) => {
  await saveKeys(context, extensionId);
  sandbox.servePage(VIEWER, renderJobPage2026(UNARCHIVED, JOBS, { history: LEGACY }));
  sandbox.archive(LEGACY[8]!, JOBS.find((job) => job.ciphertext === ARCHIVED)!.companyId);
  const { tabId } = await openUpwork(context, extensionId, VIEWER);
  const panel = await openPanel(context, extensionId, tabId);
  // Meanwhile, the client as the page describes them.
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('The client, as the Upwork page describes them');
  await expect(panel.getByRole('note').filter({ hasText: 'Asked UpHunt' })).toHaveText(/Asked UpHunt about 3 of this client's 13 jobs\./);
  await panel.getByRole('button', { name: 'Find the client' }).click();
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Kestrel Mobile Ltd');
  expect(byCipher(sandbox)).toEqual([UNARCHIVED.ciphertext, ...LEGACY.slice(0, 9)]);
});

test("the universal search and a saved search are searches: tiles badged, counted as search; a slide-over from them shows its job's client", async ({
  context,
  extensionId,
  sandbox,
  worker,
}) => {
  await saveKeys(context, extensionId);
  const { page, tabId } = await openUpwork(context, extensionId, '/nx/s/universal-search/jobs/?q=react');
  await expect.poll(() => page.evaluate(() => document.querySelectorAll('uphunt-tile-badge').length)).toBeGreaterThan(5);
  const panel = await openPanel(context, extensionId, tabId);
  await expect(panel.getByRole('heading', { name: 'No job on this page' })).toBeVisible();
  await openUpwork(context, extensionId, '/nx/s/react-contracts/jobs');
  const kinds = () => worker.evaluate(async () => Object.keys(((await chrome.storage.local.get('diagnostics')).diagnostics ?? {}) as object));
  await expect.poll(kinds).toContain('search');
  expect(await kinds()).not.toContain('other');
  await page.goto(`https://www.upwork.com/nx/s/universal-search/jobs/details/${JOBS[0]!.ciphertext}`);
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Northwind Analytics GmbH');
  expect(sandbox.requests().some((r) => r.host === 'uphunt.io')).toBe(true);
});
