/** The seeds' own examples (../shared/seeds), served verbatim by the sandbox, shown right. */
import { expect, openPanel, openUpwork, saveKeys, test } from './fixtures';

test("the seeds' own examples show right: seed 000's client and contract, seed 002's four similar jobs with budgets and skills", async ({
  context,
  extensionId,
  sandbox,
}) => {
  sandbox.useSeeds();
  await saveKeys(context, extensionId);
  const { tabId } = await openUpwork(context, extensionId, '/jobs/~022051005096520707758');
  const panel = await openPanel(context, extensionId, tabId);
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Acme Inc.');
  await expect(panel.getByRole('heading', { name: /Work history \(\d+\)/ })).toBeVisible();
  await panel.getByRole('button', { name: /^Enrich/ }).click();
  await expect(panel.getByRole('heading', { name: 'Similar jobs (4)' })).toBeVisible({ timeout: 15_000 });
  const similar = panel.getByRole('list', { name: 'Similar jobs (4)' });
  await expect(similar.getByRole('listitem').nth(0)).toContainText('VSP Logo Re-imagined · Hourly, range not given');
  await expect(similar.getByRole('listitem').nth(0)).toContainText('5 skills: Logo Design, Graphic Design, Print Design, Brand Positioning, Branding');
  await expect(similar.getByRole('listitem').nth(1)).toContainText('$10 fixed');
  await expect(similar.getByRole('listitem').nth(2)).toContainText('$25 fixed');
  await expect(similar.getByRole('listitem').nth(3)).toContainText('$325 fixed');
  await expect(similar).not.toContainText('$0–0/hr');
  await expect(panel.getByText('Creative Product Label Pouch Design').first()).toBeVisible();
});
