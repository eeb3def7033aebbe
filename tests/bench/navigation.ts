/** Timings: the content script on the 2 MB feed, and navigation until the client is shown, each beside its floor. */
import { resolve } from 'node:path';
import { build } from 'esbuild';
import type { BrowserContext, Page } from '@playwright/test';
import { BENCH_JOBS, type SandboxJob } from '../sandbox/data';
import { startSandbox } from '../sandbox/server';
import { jobPath } from '../sandbox/upwork-pages';
import { launchWithExtension, openPanel, openUpwork } from '../e2e/chrome/launch';
import { CONTENT_RATIO, FROM_START_RATIO, FULL_COLD_RATIO, SCREEN_RATIO, SLIDE_COLD_RATIO, WARM_RATIO, median, options, record } from './figures';
import { clearCaches, shownAt, start, stop, timeline } from './browser';

export async function measureContentScript(build: string) {
  const totals: number[] = [];
  const longest: number[] = [];
  const longTasks: number[] = [];
  const perScreen: number[] = [];
  const reference: number[] = [];
  const referenceLongest: number[] = [];
  const referencePerScreen: number[] = [];
  for (let run = 0; run < options.runs; run++) {
    const session = await start(build);
    try {
      const page = await session.context.newPage();
      await page.addInitScript(() => {
        const seen: Array<{ start: number; end: number }> = [];
        (globalThis as unknown as { __longTasks: typeof seen }).__longTasks = seen;
        new PerformanceObserver((list) => list.getEntries().forEach((e) => seen.push({ start: e.startTime, end: e.startTime + e.duration }))).observe({
          type: 'longtask',
          buffered: true,
        });
      });
      await page.goto('https://www.upwork.com/nx/find-work/most-recent');
      await page.locator('uphunt-tile-badge').first().waitFor();
      const settle = () => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      await settle();
      const atLoad = (await timeline(page, 'measure')).filter((m) => m.name.startsWith('uphunt:'));
      if (atLoad.length === 0) throw new Error('No uphunt:* measures on the page: is this a bench build?');
      // The floor: the same DOM work (read the page, read the tiles badged at load) as a page script, cold.
      const badged = await page.locator('uphunt-tile-badge').count();
      await page.addScriptTag({ content: await referenceScript() });
      const pass = (from: number, to: number, withPage: boolean) =>
        page.evaluate(
          ([a, b, p]) =>
            (globalThis as unknown as { referencePass: (a: number, b: number, p: boolean) => { total: number; longest: number } }).referencePass(a, b, p),
          [from, to, withPage] as const,
        );
      const atLoadPass = await pass(0, badged, true);
      reference.push(atLoadPass.total);
      let longestPiece = atLoadPass.longest;
      let screensFloor = 0;
      // Then five screens scrolled, as a reader does: tiles coming into view are read and badged. Their floor
      // reads the tiles that were badged on each screen, as one batch.
      for (let screen = 1; screen <= 5; screen++) {
        const before = await page.locator('uphunt-tile-badge').count();
        await page.evaluate((y) => scrollTo(0, y * innerHeight), screen);
        await page.waitForFunction((n) => document.querySelectorAll('uphunt-tile-badge').length > n, before);
        await settle();
        const after = await page.locator('uphunt-tile-badge').count();
        // A screen's tiles take a fraction of a millisecond to read, a few ticks of the page's clock: ten passes.
        const passes = [];
        for (let i = 0; i < 10; i++) passes.push(await pass(before, after, false));
        screensFloor += passes.reduce((sum, p) => sum + p.total, 0) / passes.length;
        longestPiece = Math.max(longestPiece, median(passes.map((p) => p.longest)));
      }
      referencePerScreen.push(screensFloor / 5);
      referenceLongest.push(longestPiece);
      const measures = (await timeline(page, 'measure')).filter((m) => m.name.startsWith('uphunt:'));
      totals.push(atLoad.reduce((sum, m) => sum + m.duration, 0));
      perScreen.push((measures.reduce((sum, m) => sum + m.duration, 0) - totals.at(-1)!) / 5);
      longest.push(Math.max(...measures.map((m) => m.duration)));
      // A long task the extension caused: one in which the extension's own work took 50 ms or more.
      const tasks = await page.evaluate(() => (globalThis as unknown as { __longTasks: Array<{ start: number; end: number }> }).__longTasks);
      const origin = await page.evaluate(() => performance.timeOrigin);
      longTasks.push(
        tasks.filter((t) => {
          const inside = measures.filter((m) => m.at - origin >= t.start && m.at - origin + m.duration <= t.end);
          return inside.reduce((sum, m) => sum + m.duration, 0) >= 50;
        }).length,
      );
    } finally {
      await stop(session);
    }
  }
  record('content script main-thread time, loading the 2 MB feed (2,211 tiles)', 'ms', totals, { floor: reference, ratioBudget: CONTENT_RATIO });
  record('content script main-thread time per screen scrolled on it', 'ms', perScreen, { floor: referencePerScreen, ratioBudget: SCREEN_RATIO });
  // Also held absolutely: a piece of 50 ms is a long task, which the user feels whatever the machine.
  record('content script longest single piece of work', 'ms', longest, { floor: referenceLongest, ratioBudget: CONTENT_RATIO, budget: 50 });
  record('long tasks caused by the extension', 'count', longTasks, { budget: 0 });
}

/** Navigation → client name shown in the open panel, cold (nothing cached) and warm (client cached). */
export async function measureNavigation(build: string) {
  const result = {
    fullCold: [] as number[],
    fullWarm: [] as number[],
    fullColdFromStart: [] as number[],
    fullWarmFromStart: [] as number[],
    slideCold: [] as number[],
    slideWarm: [] as number[],
  };
  const session = await start(build);
  try {
    const { page: jobTab, tabId: jobTabId } = await openUpwork(session.context, session.extensionId, '/nx/find-work/');
    const jobPanel = await openPanel(session.context, session.extensionId, jobTabId);
    const { page: searchTab, tabId: searchTabId } = await openUpwork(session.context, session.extensionId, '/nx/search/jobs/?q=bench');
    const searchPanel = await openPanel(session.context, session.extensionId, searchTabId);
    // Pairs of jobs of one client: the first is opened cold, the second warm.
    const byClient = new Map<string, SandboxJob[]>();
    for (const job of BENCH_JOBS) byClient.set(job.companyId, [...(byClient.get(job.companyId) ?? []), job]);
    const clients = [...byClient.values()];
    for (let run = 0; run < options.runs * 3; run++) {
      await clearCaches(session.worker);
      const first = clients[(2 * run) % clients.length]!;
      const withId = first.filter((j) => j.pageHasCompanyId);
      // Cold: nothing of the client is cached. Warm: another job of the same client (or the same job again).
      const fullPages = [
        [withId[0]!, result.fullCold],
        [withId[1] ?? withId[0]!, result.fullWarm],
      ] as const;
      for (const [job, into] of fullPages) {
        // From the browser's navigation start, and from the page being parsed (DOMContentLoaded: the first
        // moment an extension can read it), to the name in the panel.
        await jobTab.goto(`https://www.upwork.com${jobPath(job)}`);
        const { start, parsed } = await jobTab.evaluate(() => {
          const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          return { start: performance.timeOrigin, parsed: performance.timeOrigin + entry.domContentLoadedEventStart };
        });
        const shown = await shownAt(jobPanel, job.ciphertext, start);
        into.push(shown - parsed);
        (into === result.fullCold ? result.fullColdFromStart : result.fullWarmFromStart).push(shown - start);
      }
      // Cold: a job of a client not seen yet (its page state never names the client). Warm: the job just seen.
      const slideOvers = [
        [clients[(2 * run + 1) % clients.length]![0]!, result.slideCold],
        [withId[0]!, result.slideWarm],
      ] as const;
      for (const [job, into] of slideOvers) {
        // From the click that opens it (Upwork opens slide-overs with pushState) to the name in the panel.
        const clicked = await searchTab.evaluate((cipher) => {
          performance.mark('bench:open-slide-over');
          history.pushState({}, '', `/nx/search/jobs/details/${cipher}?q=bench`);
          return performance.timeOrigin + performance.getEntriesByName('bench:open-slide-over').at(-1)!.startTime;
        }, job.ciphertext);
        into.push((await shownAt(searchPanel, job.ciphertext, clicked)) - clicked);
      }
    }
  } finally {
    await stop(session);
  }
  const floor = await measureFloorNavigation();
  record('navigation → client shown, full page, cold (from the page parsed)', 'ms', result.fullCold, { floor: floor.full, ratioBudget: FULL_COLD_RATIO });
  record('navigation → client shown, full page, warm (from the page parsed)', 'ms', result.fullWarm, { floor: floor.full, ratioBudget: WARM_RATIO });
  record('navigation → client shown, full page, cold (from navigation start)', 'ms', result.fullColdFromStart, {
    floor: floor.fullFromStart,
    ratioBudget: FROM_START_RATIO,
  });
  record('navigation → client shown, full page, warm (from navigation start)', 'ms', result.fullWarmFromStart, {
    floor: floor.fullFromStart,
    ratioBudget: FROM_START_RATIO,
  });
  record('navigation → client shown, slide-over, cold', 'ms', result.slideCold, { floor: floor.slide, ratioBudget: SLIDE_COLD_RATIO });
  record('navigation → client shown, slide-over, warm', 'ms', result.slideWarm, { floor: floor.slide, ratioBudget: WARM_RATIO });
}

/**
 * The floor of the navigation timings: the bench's minimal extension (tests/bench/floor: a content script that
 * reports the URL in one message, a panel that shows one stored line) on the same pages and journeys.
 */
async function measureFloorNavigation(): Promise<{ full: number[]; fullFromStart: number[]; slide: number[] }> {
  const full: number[] = [];
  const fullFromStart: number[] = [];
  const slide: number[] = [];
  const sandbox = await startSandbox();
  const { context, extensionId } = await launchWithExtension(sandbox, true, resolve('tests/bench/floor'), false);
  try {
    const open = async (path: string) => {
      const { page, tabId } = await openFloorTab(context, path);
      const panel = await context.newPage();
      await panel.goto(`chrome-extension://${extensionId}/panel.html?tabId=${tabId}`);
      return { page, panel };
    };
    const jobs = await open('/nx/find-work/');
    const search = await open('/nx/search/jobs/?q=bench');
    for (let run = 0; run < options.runs * 6; run++) {
      const job = BENCH_JOBS[run % BENCH_JOBS.length]!;
      await jobs.page.goto(`https://www.upwork.com${jobPath(job)}`);
      const { start, parsed } = await jobs.page.evaluate(() => {
        const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return { start: performance.timeOrigin, parsed: performance.timeOrigin + entry.domContentLoadedEventStart };
      });
      const shown = await floorShownAt(jobs.panel, job.ciphertext, parsed - 1000);
      full.push(shown - parsed);
      fullFromStart.push(shown - start);
      const clicked = await search.page.evaluate((cipher) => {
        const at = performance.timeOrigin + performance.now();
        history.pushState({}, '', `/nx/search/jobs/details/${cipher}?q=bench`);
        return at;
      }, job.ciphertext);
      slide.push((await floorShownAt(search.panel, job.ciphertext, clicked)) - clicked);
    }
  } finally {
    await context.close();
    await sandbox.close();
  }
  return { full, fullFromStart, slide };
}

async function openFloorTab(context: BrowserContext, path: string): Promise<{ page: Page; tabId: number }> {
  const page = await context.newPage();
  await page.goto(`https://www.upwork.com${path}`);
  const worker = context.serviceWorkers()[0]!;
  const tabId = await worker.evaluate(async (url) => (await chrome.tabs.query({})).find((tab) => tab.url === url)?.id ?? -1, page.url());
  return { page, tabId };
}

/** When the floor's panel showed a URL naming `ciphertext`, after `since` (epoch ms). */
async function floorShownAt(panel: Page, ciphertext: string, since: number): Promise<number> {
  const handle = await panel.waitForFunction(
    ({ ciphertext, since }) =>
      performance
        .getEntriesByName('floor:shown')
        .map((e) => ({ at: performance.timeOrigin + e.startTime, url: ((e as PerformanceMark).detail as { url: string }).url }))
        .find((e) => e.url.includes(ciphertext) && e.at >= since)?.at ?? false,
    { ciphertext, since },
    { timeout: 15_000, polling: 10 },
  );
  return (await handle.jsonValue()) as number;
}

let bundled: string | null = null;
/** tests/bench/reference.ts as one page script. */
async function referenceScript(): Promise<string> {
  bundled ??= (await build({ entryPoints: [resolve('tests/bench/reference.ts')], bundle: true, write: false, format: 'iife', minify: true })).outputFiles[0]!
    .text;
  return bundled;
}
