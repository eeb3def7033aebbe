/**
 * `npm run demo`: the built extension on the sandbox, keys pre-set, Upwork test pages open beside their
 * side panels. With a display it leaves the window open; without one it writes screenshots and exits.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { KEYS } from '../tests/sandbox/data';
import { startSandbox } from '../tests/sandbox/server';
import { launchWithExtension, openPanel, openUpwork, saveKeys } from '../tests/e2e/chrome/launch';

const headless = !process.env.DISPLAY || process.env.DEMO_HEADLESS === '1';
const outDir = resolve(process.env.DEMO_OUT ?? 'demo-screenshots');

const JOURNEY = [
  {
    name: '01-job-page-client-history',
    path: '/jobs/Senior-React-Developer-for-Analytics-Dashboard_~022052895097657407455/',
    what: 'job page whose Nuxt state names the client',
  },
  { name: '02-client-found-through-uphunt', path: '/jobs/~022049912345678901234', what: 'job page without a companyId: found through by-ciphertext' },
  { name: '03-public-job-page', path: '/freelance-jobs/apply/Mobile-App-QA-Tester_~022047700011122233344/', what: 'public job page' },
  { name: '04-client-without-history', path: '/jobs/Logo-and-Brand-Kit-for-New-Bakery_~022048811122233344455/', what: 'a client UpHunt has no history of' },
  { name: '05-risky-client', path: '/jobs/Data-Entry-VA-Needed-ASAP_~022045500011122233344/', what: 'a risky client: low score and red flags' },
];

const sandbox = await startSandbox({ latencyMs: 150 });
// The demo's two destinations were allowed once, as a user's Allow would be kept (no prompt to answer).
const { context, extensionId } = await launchWithExtension(sandbox, headless, undefined, true, ['https://ntfy.sh/*', 'https://hooks.slack.com/*']);
try {
  await mkdir(outDir, { recursive: true });
  const options = await saveKeys(context, extensionId, { uphunt: KEYS.uphunt, mindcase: KEYS.mindcase });
  await options.getByRole('button', { name: 'Test connection' }).click();
  await options.getByRole('form', { name: 'API keys' }).getByRole('status').filter({ hasText: 'accepted' }).waitFor();
  if (headless) await options.screenshot({ path: `${outDir}/00-options.png` });

  for (const step of JOURNEY) {
    const { page, tabId } = await openUpwork(context, extensionId, step.path);
    const panel = await openPanel(context, extensionId, tabId);
    await panel.setViewportSize({ width: 420, height: 1000 });
    await panel.locator('main h1').waitFor();
    await panel.locator('[aria-busy="true"]').waitFor({ state: 'detached' });
    console.log(`✓ ${step.what}: ${await panel.locator('main h1').first().textContent()}`);
    if (headless) {
      await panel.screenshot({ path: `${outDir}/${step.name}.png` });
      const history = panel.locator('section[aria-labelledby="history-title"]');
      if (await history.count()) {
        await history.scrollIntoViewIfNeeded();
        await panel.screenshot({ path: `${outDir}/${step.name}-work-history.png` });
      }
      await page.close();
      await panel.close();
    }
  }

  // Upwork's 2026 redesign (the job viewer): its client, and what the page shows for free, before any Mindcase purchase.
  {
    const { tabId } = await openUpwork(context, extensionId, '/nx/s/job-details-viewer/jobs/~022047700011122233344');
    const panel = await openPanel(context, extensionId, tabId);
    await panel.setViewportSize({ width: 420, height: 1000 });
    const facts = panel.getByRole('heading', { name: 'On the Upwork page' });
    await facts.waitFor({ timeout: 20_000 });
    await facts.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    if (headless) await panel.screenshot({ path: `${outDir}/10-2026-design-page-facts.png` });
    console.log(`✓ 2026 design: ${await panel.locator('main h1').first().textContent()}, with the page's Connects, activity and bid range`);
  }

  // Mindcase enrichment, bought with one click: job details, client activity, similar jobs.
  {
    const { tabId } = await openUpwork(context, extensionId, JOURNEY[0]!.path);
    const panel = await openPanel(context, extensionId, tabId);
    await panel.setViewportSize({ width: 420, height: 1000 });
    await panel.getByRole('button', { name: /^Enrich/ }).click();
    const details = panel.getByRole('heading', { name: 'This job' });
    await details.waitFor({ timeout: 20_000 });
    await details.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    if (headless) await panel.screenshot({ path: `${outDir}/06-mindcase-job-details.png` });
    console.log('✓ Mindcase enrichment: job details, client activity and similar jobs');
  }

  // A long feed: every tile badged with what the page shows (and the score, for clients already looked up).
  {
    const { page } = await openUpwork(context, extensionId, '/nx/find-work/');
    await page.locator('uphunt-tile-badge').first().waitFor();
    if (headless) await page.screenshot({ path: `${outDir}/07-feed-badges.png` });
    console.log(`✓ Feed: ${await page.locator('uphunt-tile-badge').count()} tiles near the view badged (the rest as they scroll in)`);
  }

  // Lists: a rule folds the tiles of clients whose payment is not verified, each saying why; the count is on the page.
  {
    const rules = options.getByRole('form', { name: 'List rules' });
    await rules.getByLabel("Hide jobs whose client's payment is not verified").check();
    await rules.getByRole('button', { name: 'Save list rules' }).click();
    await rules.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const { page } = await openUpwork(context, extensionId, '/nx/search/jobs/?q=demo');
    await page.locator('uphunt-fold').first().waitFor();
    await page
      .locator('uphunt-fold')
      .first()
      .evaluate((element) => element.scrollIntoView({ block: 'center' }));
    if (headless) await page.screenshot({ path: `${outDir}/08-list-hidden-tiles.png` });
    console.log(`✓ Lists: ${await page.locator('uphunt-fold').count()} tiles near the view folded by the rule, each with its reason and Show`);
  }

  // Watched searches: a check through Mindcase finds new jobs; the panel lists them (the rule above keeps the unverified one out),
  // and they go to the phone (ntfy) and the team's Slack.
  {
    const where = options.getByRole('form', { name: 'New destination' });
    for (const [kind, name, label, url] of [
      ['ntfy', 'Phone', /^Topic address/, 'https://ntfy.sh/my-upwork-jobs'],
      ['slack', 'Team Slack', 'Slack incoming webhook URL', 'https://hooks.slack.com/services/T000/B000/demo0secret0a1b'],
    ] as const) {
      await where.getByLabel('Kind').selectOption(kind);
      await where.getByLabel('Name').fill(name);
      await where.getByLabel(label).fill(url);
      await where.getByRole('button', { name: 'Add destination' }).click();
      await where
        .getByRole('status')
        .filter({ hasText: `Added "${name}"` })
        .waitFor();
    }
    sandbox.publishJobs(3);
    const form = options.getByRole('form', { name: 'New watch' });
    await form.getByLabel('Name').fill('shopify dashboard');
    await form.getByLabel('Searches (one per line)').fill('shopify');
    await form.getByLabel('How often').selectOption({ label: 'every 2 hours' });
    await form.getByRole('button', { name: 'Save watch' }).click();
    const watch = options.getByRole('listitem', { name: 'Watch shopify dashboard' });
    for (const name of ['Phone', 'Team Slack']) {
      await watch.getByLabel(name).click();
      await watch.getByLabel(name).and(options.locator(':checked')).waitFor();
    }
    await watch.getByRole('button', { name: 'Check now' }).click();
    await watch.getByRole('status').filter({ hasText: 'new.' }).waitFor({ timeout: 20_000 });
    const slack = options.getByRole('listitem', { name: 'Destination Team Slack' });
    await slack.getByText('Last delivered').waitFor({ timeout: 20_000 });
    await options.getByRole('region', { name: 'Destinations' }).evaluate((element) => element.scrollIntoView({ block: 'start' }));
    if (headless) await options.screenshot({ path: `${outDir}/12-destinations.png` });
    const sent = sandbox.requests().filter((r) => ['ntfy.sh', 'hooks.slack.com'].includes(r.host) && r.method === 'POST');
    console.log(`✓ Destinations: ${sent.map((r) => r.host).join(' and ')} got one message each`);
    const { tabId } = await openUpwork(context, extensionId, '/nx/find-work/best-matches');
    const panel = await openPanel(context, extensionId, tabId);
    await panel.setViewportSize({ width: 420, height: 1000 });
    const list = panel.getByRole('region', { name: 'New jobs' });
    await list.getByRole('listitem').first().waitFor();
    await list.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    if (headless) await panel.screenshot({ path: `${outDir}/09-new-jobs.png` });
    console.log(`✓ Watched search: ${await list.getByRole('listitem').count()} new jobs listed; ${(await watch.getByRole('status').textContent()) ?? ''}`);
  }

  // What three applications brought: the clients hire one of ours, hire someone else, close the third; Results.
  {
    sandbox.setApplyOutcome('applied', 1500);
    const jobs = ['~022052895097657407455', '~022049912345678901234', '~022047700011122233344'];
    const panels = [];
    for (const job of jobs) {
      const { tabId } = await openUpwork(context, extensionId, `/jobs/A-job_${job}/`);
      const panel = await openPanel(context, extensionId, tabId);
      await panel.getByRole('button', { name: /^Apply as/ }).click();
      const anyway = panel.getByRole('button', { name: 'Apply anyway' });
      const applied = panel.getByRole('region', { name: 'Apply' }).getByLabel('What it brought');
      await anyway.or(applied).or(panel.getByText('About to send')).first().waitFor({ timeout: 20_000 });
      if (await anyway.isVisible()) await anyway.click();
      await applied.waitFor({ timeout: 30_000 });
      panels.push(panel);
    }
    sandbox.setDataClock(-15 * 86_400_000);
    sandbox.endJob(jobs[0]!, 'hire-ours');
    sandbox.endJob(jobs[1]!, 'hire-other');
    sandbox.endJob(jobs[2]!, 'close');
    for (const panel of panels) await panel.getByRole('button', { name: "Refresh the client's history from UpHunt" }).click();
    await panels[2]!.getByText('No longer open').first().waitFor();
    sandbox.setDataClock(0);
    await panels[2]!.getByRole('button', { name: "Refresh the client's history from UpHunt" }).click();
    await panels[2]!.getByText('Closed without a hire seen').first().waitFor();
    await options.goto(`chrome-extension://${extensionId}/options.html#results`);
    await options.getByRole('row', { name: /^All/ }).waitFor();
    await options.locator('#results').evaluate((element) => element.scrollIntoView({ block: 'start' }));
    if (headless) await options.screenshot({ path: `${outDir}/11-results.png` });
    console.log(`✓ Results: ${(await options.getByRole('row', { name: /^All/ }).textContent()) ?? ''}`);
  }

  if (headless) {
    console.log(`\nScreenshots of the side panel are in ${outDir}/ (start with 01-job-page-client-history.png).`);
  } else {
    console.log('\nChromium is open with the extension on sandbox-backed Upwork pages. Close the window (or press Ctrl+C) to stop.');
    await new Promise<void>((done) => {
      context.on('close', () => done());
      process.on('SIGINT', () => done());
    });
  }
} finally {
  await context.close().catch(() => undefined);
  await sandbox.close();
}
