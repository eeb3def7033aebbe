/**
 * `npm run bench`: how fast and how frugal the extension is, measured in real Chromium against the sandbox,
 * beside a naive baseline (the same product with caching and de-duplication switched off). Prints a table and
 * writes the same figures as JSON. `npm run bench:check` (`--check`) also exits 1 when a budget is missed.
 *
 * Sizes come from the production build. Times come from the browser's performance timeline: the bench builds
 * (`wxt build --mode bench` / `bench-naive`) are the production build plus `uphunt:*` marks (utils/bench.ts).
 *
 * Options: --runs N (default 3), --check, --sizes-only (no browser; what `npm test` runs),
 * --only content,navigation,session (some scenarios only), --no-build (measure the production build already in .output).
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { BENCH_JOBS, CLIENTS, KEYS, type SandboxJob } from '../tests/sandbox/data';
import { startSandbox, type LoggedRequest, type Sandbox } from '../tests/sandbox/server';
import { jobPath } from '../tests/sandbox/upwork-pages';
import { launchWithExtension, openPanel, openUpwork, saveKeys } from '../tests/e2e/chrome/launch';

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1] || 3) || 3;
const CHECK = args.includes('--check');
const SIZES_ONLY = args.includes('--sizes-only');
const ONLY = args.includes('--only') ? args[args.indexOf('--only') + 1]!.split(',') : ['content', 'navigation', 'session'];
const OUT = resolve('bench-results');

// ---------------------------------------------------------------------------------------------- budgets

interface Figure {
  name: string;
  unit: string;
  /** One value per run. */
  values: number[];
  budget?: number;
  /** The same figure for the naive baseline, where one is meaningful. */
  naive?: number[];
  /** A timing's floor, measured in the same run: the bench's minimal extension, or the same DOM work without one. */
  floor?: number[];
  /** The budget of a timing: the most its median may be, as a multiple of the floor's median. */
  ratioBudget?: number;
}

/**
 * Timing budgets, as multiples of the floor measured in the same run, so that a slower or busier machine moves
 * both. Each is about twice the ratio measured here (content at load 1.5–2.6×, per screen 7×, longest piece
 * 0.7–1.4×; full page 6.1× cold / 4.2× warm, slide-over 11.5× / 5.9×): single timings on this shared two-core
 * machine strayed up to ±60% from their median. A screen scrolled costs the product 7× its floor because the
 * floor only puts a word by each tile, where the product builds a badge of three buttons in a shadow root,
 * follows the scroll and notes which facts a tile lacks: 1.8 ms a screen, against a floor of 0.3 ms.
 */
const CONTENT_RATIO = 6;
const SCREEN_RATIO = 15;
const FULL_COLD_RATIO = 12;
const SLIDE_COLD_RATIO = 25;
/** From navigation start both wait for the same page to load, so the ratio is smaller: 2.0–2.6× measured here. */
const FROM_START_RATIO = 5;
const WARM_RATIO = 12;

const figures: Figure[] = [];
const record = (name: string, unit: string, values: number[], extra: Partial<Figure> = {}) => figures.push({ name, unit, values, ...extra });

// ---------------------------------------------------------------------------------------------- sizes

async function sizes(dir: string) {
  const manifest = JSON.parse(await readFile(`${dir}/manifest.json`, 'utf8')) as {
    content_scripts: Array<{ js?: string[]; css?: string[] }>;
    background: { service_worker?: string; scripts?: string[] };
  };
  const bytes = async (file: string) => (await readFile(`${dir}/${file}`)).length;
  const gz = async (file: string) => gzipSync(await readFile(`${dir}/${file}`), { level: 9 }).length;
  const contentFiles = manifest.content_scripts.flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]);
  let content = 0;
  for (const file of contentFiles) content += await bytes(file);
  // The panel page loads its entry module and the chunks it preloads.
  const html = await readFile(`${dir}/sidepanel.html`, 'utf8');
  const panelFiles = [...html.matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].map((m) => m[1]!);
  let panel = 0;
  for (const file of panelFiles) panel += await gz(file);
  let background = 0;
  for (const file of manifest.background.service_worker ? [manifest.background.service_worker] : (manifest.background.scripts ?? []))
    background += await gz(file);
  return { content, panel, background };
}

/**
 * Size budgets: the content script's 12 KB is met (an unlisted script with our own URL follower and protocol).
 * The panel and the background stay above #17's 100 and 30 KB: React DOM alone is 63 KB of the panel, and zod,
 * the user-chosen polyfill and WXT's storage about 11 KB of the background; lists and watched searches came
 * after those goals were set. Their budgets hold what they weigh now, with a little room. The background's went
 * from 40 to 42 KB with #23: it reads the page's words for every design (Connects, activity, bid range, payment,
 * the design itself) and names the page kind, work taken out of the content script, which runs in every tab.
 */
async function measureSizes() {
  const chrome = await sizes('.output/chrome-mv3');
  const firefox = await sizes('.output/firefox-mv2');
  record('content script, minified (Chrome)', 'KB', [chrome.content / 1024], { budget: 12 });
  record('content script, minified (Firefox)', 'KB', [firefox.content / 1024], { budget: 12 });
  record('side panel JS, gzipped', 'KB', [chrome.panel / 1024], { budget: 110 });
  record('background, gzipped', 'KB', [chrome.background / 1024], { budget: 42 });
}

// ---------------------------------------------------------------------------------------------- browser helpers

interface Session {
  sandbox: Sandbox;
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
}

async function start(build: string): Promise<Session> {
  const sandbox = await startSandbox();
  const { context, worker, extensionId } = await launchWithExtension(sandbox, true, resolve(build));
  const options = await saveKeys(context, extensionId, { uphunt: KEYS.uphunt, mindcase: KEYS.mindcase });
  await options.close();
  return { sandbox, context, worker, extensionId };
}

async function stop(session: Session) {
  await session.context.close();
  await session.sandbox.close();
}

/** Entries of one page's performance timeline, with their epoch times (so two pages' timelines compare). */
async function timeline(page: Page, type: 'mark' | 'measure') {
  return page.evaluate(
    (kind) =>
      performance.getEntriesByType(kind).map((e) => ({
        name: e.name,
        at: performance.timeOrigin + e.startTime,
        duration: e.duration,
        detail: (e as PerformanceMark).detail as Record<string, unknown> | null,
      })),
    type,
  );
}

/** Waits until the panel has marked the client of `ciphertext` as shown after `since` (epoch ms); returns when. */
async function shownAt(panel: Page, ciphertext: string, since: number, timeoutMs = 15_000): Promise<number> {
  const handle = await panel.waitForFunction(
    ({ ciphertext, since }) =>
      performance
        .getEntriesByName('uphunt:client-shown')
        .map((e) => ({ at: performance.timeOrigin + e.startTime, detail: (e as PerformanceMark).detail as { ciphertext?: string } }))
        .find((e) => e.detail.ciphertext === ciphertext && e.at >= since)?.at ?? false,
    { ciphertext, since },
    { timeout: timeoutMs, polling: 10 },
  );
  return (await handle.jsonValue()) as number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function clearCaches(worker: Worker) {
  await worker.evaluate(async () => {
    const all = await chrome.storage.local.get(null);
    const stale = Object.keys(all).filter((key) => key.startsWith('client-jobs:') || key.startsWith('company-of:'));
    await chrome.storage.local.remove(stale);
  });
}

// ---------------------------------------------------------------------------------------------- content script

async function measureContentScript(build: string) {
  const totals: number[] = [];
  const longest: number[] = [];
  const longTasks: number[] = [];
  const perScreen: number[] = [];
  const reference: number[] = [];
  const referenceLongest: number[] = [];
  const referencePerScreen: number[] = [];
  for (let run = 0; run < RUNS; run++) {
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

// ---------------------------------------------------------------------------------------------- navigation

/** Navigation → client name shown in the open panel, cold (nothing cached) and warm (client cached). */
async function measureNavigation(build: string) {
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
    for (let run = 0; run < RUNS * 3; run++) {
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
    for (let run = 0; run < RUNS * 6; run++) {
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

// ---------------------------------------------------------------------------------------------- browsing session

interface View {
  tab: 'job' | 'search';
  action: 'open' | 'back' | 'forward' | 'reload' | 'both-tabs';
  job: SandboxJob;
}

/** 200 job views of 80 distinct jobs of 25 clients, in two tabs: full pages, slide-overs, back/forward, reloads. */
function script(): View[] {
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const unseen = [...BENCH_JOBS].sort(() => random() - 0.5);
  const seen: SandboxJob[] = [];
  const history = { job: [] as SandboxJob[], search: [] as SandboxJob[] };
  const position = { job: -1, search: -1 };
  const views: View[] = [];
  while (views.length < 200) {
    const left = 200 - views.length;
    const tab = random() < 0.5 ? 'job' : 'search';
    const roll = random();
    const h = history[tab];
    if (roll < 0.08 && position[tab] > 0) {
      position[tab] -= 1;
      views.push({ tab, action: 'back', job: h[position[tab]]! });
    } else if (roll < 0.12 && position[tab] < h.length - 1) {
      position[tab] += 1;
      views.push({ tab, action: 'forward', job: h[position[tab]]! });
    } else if (roll < 0.2 && position[tab] >= 0) {
      views.push({ tab, action: 'reload', job: h[position[tab]]! });
    } else {
      const fresh = unseen.length > 0 && (unseen.length >= left - 1 || random() < 0.5 || seen.length === 0);
      const job = fresh ? unseen.pop()! : seen[Math.floor(random() * seen.length)]!;
      // Loading the URL a tab already shows adds no history entry: it is a reload.
      if (h[position[tab]] === job) {
        views.push({ tab, action: 'reload', job });
        continue;
      }
      if (fresh) seen.push(job);
      // Now and then the same job in both tabs at once: the two lookups must share one call.
      const other = tab === 'job' ? 'search' : 'job';
      const both = roll > 0.95 && left >= 2 && history[other][position[other]] !== job;
      h.splice(position[tab] + 1);
      h.push(job);
      position[tab] = h.length - 1;
      if (both) {
        history[other].splice(position[other] + 1);
        history[other].push(job);
        position[other] = history[other].length - 1;
      }
      views.push({ tab, action: both ? 'both-tabs' : 'open', job });
    }
  }
  return views;
}

interface SessionFigures {
  clientJobsCalls: number;
  byCiphertextCalls: number;
  byCiphertextBound: number;
  identicalInFlight: number;
  mindcaseRowsBoughtTwice: number;
  mindcaseRows: number;
  restarts: number;
  lostViews: number;
  seconds: number;
}

async function browsingSession(build: string): Promise<SessionFigures> {
  const session = await start(build);
  const started = Date.now();
  try {
    const { context, extensionId, sandbox } = session;
    // Auto-enrich on, so every job opened is bought from Mindcase once.
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const settings = options.getByRole('form', { name: 'Mindcase settings' });
    await settings.getByLabel('Enrich jobs I open').check();
    await settings.getByLabel('Monthly spending cap (USD)').fill('100');
    await settings.getByRole('button', { name: 'Save Mindcase settings' }).click();
    await settings.getByRole('status').waitFor();
    await options.close();
    sandbox.setLatency(60);

    const tabs = {
      job: await openUpwork(context, extensionId, '/nx/find-work/'),
      search: await openUpwork(context, extensionId, '/nx/search/jobs/?q=bench'),
    };
    const panels = { job: await openPanel(context, extensionId, tabs.job.tabId), search: await openPanel(context, extensionId, tabs.search.tabId) };
    const cdp = await context.newCDPSession(panels.job);
    await cdp.send('ServiceWorker.enable');

    const withoutPageCompanyId = new Set<string>();
    let restarts = 0;
    let lostViews = 0;
    const stops: number[] = [];
    const views = script().slice(0, Number(process.env.BENCH_VIEWS ?? 200));
    const go = async (tab: 'job' | 'search', view: View) => {
      const page = tabs[tab].page;
      if (view.action === 'back') await page.goBack();
      else if (view.action === 'forward') await page.goForward();
      else if (view.action === 'reload') await page.reload();
      else if (tab === 'job') await page.goto(`https://www.upwork.com${jobPath(view.job)}`);
      else await page.evaluate((cipher) => history.pushState({}, '', `/nx/search/jobs/details/${cipher}?q=bench`), view.job.ciphertext);
      // A slide-over's page state never names the client; a job page does only when Upwork put it there.
      const pageCarriesId = tab === 'job' && view.job.pageHasCompanyId;
      if (!pageCarriesId) withoutPageCompanyId.add(view.job.ciphertext);
    };
    for (const [index, view] of views.entries()) {
      const tabsNow = view.action === 'both-tabs' ? (['job', 'search'] as const) : ([view.tab] as const);
      await Promise.all(tabsNow.map((tab) => go(tab, { ...view, action: view.action === 'both-tabs' ? 'open' : view.action })));
      for (const tab of tabsNow) {
        const name = (CLIENTS.get(view.job.companyId)?.record as { buyer: { company: { name: string } } }).buyer.company.name;
        try {
          await panels[tab].getByRole('heading', { level: 1, name }).waitFor({ timeout: 10_000 });
        } catch {
          lostViews += 1;
          console.warn(`  view ${index + 1} (${view.action} ${view.job.ciphertext} in the ${tab} tab): the panel did not show ${name}`);
        }
      }
      // The worker dies now and then, as Chrome stops it after 30 s idle: nothing may be lost or repeated.
      if (index % 25 === 24) {
        stops.push(Date.now());
        await cdp.send('ServiceWorker.stopAllWorkers');
        restarts += 1;
      }
    }
    // Let Mindcase runs finish before counting what they bought.
    await waitForQuietMindcase(panels.job);
    const log = sandbox.requests();
    const uphunt = log.filter((r) => r.host === 'uphunt.io');
    const runs = log.filter((r) => r.host === 'api.mindcase.co' && r.method === 'POST' && r.path.includes('/run') && r.status === 202);
    const bought = runs.flatMap((r) => ((r.body as { params?: { inputs?: string[] } }).params?.inputs ?? []).map((u) => /~0[0-9a-f]+/i.exec(u)?.[0] ?? u));
    // Name each job bought twice, with its runs and the worker stops around them, so the cause can be found.
    for (const job of new Set(bought.filter((c, i) => bought.indexOf(c) !== i))) {
      const times = runs.filter((r) => JSON.stringify(r.body).includes(job)).map((r) => `${r.startedAt - started} ms`);
      console.warn(`  bought twice: ${job}, in runs sent at ${times.join(', ')}; worker stopped at ${stops.map((t) => `${t - started} ms`).join(', ')}`);
    }
    if (process.env.BENCH_TRACE)
      for (const r of log.filter((r) => r.host === 'api.mindcase.co'))
        console.warn(`  ${r.startedAt - started}–${r.at - started} ms ${r.method} ${r.path} ${r.status} ${r.method === 'POST' ? JSON.stringify(r.body) : ''}`);
    return {
      clientJobsCalls: uphunt.filter((r) => /\/clients\/[^/]+\/jobs/.test(r.path)).length,
      byCiphertextCalls: uphunt.filter((r) => r.path.includes('by-ciphertext') || /\/jobs\/~0/.test(r.path)).length,
      byCiphertextBound: withoutPageCompanyId.size,
      identicalInFlight: overlapping(log.filter((r) => r.host !== 'www.upwork.com')),
      mindcaseRowsBoughtTwice: bought.length - new Set(bought).size,
      mindcaseRows: bought.length,
      restarts,
      lostViews,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await stop(session);
  }
}

/** Pairs of identical API calls (same method, path and body) that were in flight at the same time. */
function overlapping(log: LoggedRequest[]): number {
  const byCall = new Map<string, LoggedRequest[]>();
  for (const r of log) {
    const key = `${r.method} ${r.host}${r.path} ${JSON.stringify(r.body ?? null)}`;
    byCall.set(key, [...(byCall.get(key) ?? []), r]);
  }
  let pairs = 0;
  for (const calls of byCall.values()) {
    for (let i = 0; i < calls.length; i++)
      for (let j = i + 1; j < calls.length; j++)
        if (calls[i]!.startedAt < calls[j]!.at && calls[j]!.startedAt < calls[i]!.at) {
          pairs += 1;
          console.warn(`  in flight together: ${calls[i]!.method} ${calls[i]!.host}${calls[i]!.path}`);
        }
  }
  return pairs;
}

/** Waits until the extension has no Mindcase job queued or running (a rate limit can hold some back a minute). */
async function waitForQuietMindcase(page: Page) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const busy = await page
      .evaluate(async () => {
        const { enrichment } = (await chrome.storage.local.get('enrichment')) as { enrichment?: { queue: unknown[]; runs: unknown[] } };
        return (enrichment?.queue.length ?? 0) + (enrichment?.runs.length ?? 0);
      })
      .catch(() => 1);
    if (busy === 0) return;
    await new Promise((done) => setTimeout(done, 1_000));
  }
}

async function measureSessions() {
  const product: SessionFigures[] = [];
  const naive: SessionFigures[] = [];
  for (let run = 0; run < Math.max(1, Math.ceil(RUNS / 2)); run++) {
    console.log(`  product session ${run + 1}`);
    product.push(await browsingSession('.output/chrome-mv3-bench'));
    if (process.env.BENCH_PRODUCT_ONLY) continue;
    console.log(`  naive session ${run + 1}`);
    naive.push(await browsingSession('.output/chrome-mv3-bench-naive'));
  }
  const pick = (list: SessionFigures[], key: keyof SessionFigures) => list.map((s) => s[key]);
  record('session: UpHunt client-jobs calls (200 views, 25 clients)', 'calls', pick(product, 'clientJobsCalls'), {
    budget: 25,
    naive: pick(naive, 'clientJobsCalls'),
  });
  const bound = Math.min(...pick(product, 'byCiphertextBound'));
  record(`session: by-ciphertext calls (bound: ${bound} jobs seen without a page companyId)`, 'calls', pick(product, 'byCiphertextCalls'), {
    budget: bound,
    naive: pick(naive, 'byCiphertextCalls'),
  });
  record('session: identical calls in flight at once', 'pairs', pick(product, 'identicalInFlight'), { budget: 0, naive: pick(naive, 'identicalInFlight') });
  record('session: Mindcase rows bought twice', 'rows', pick(product, 'mindcaseRowsBoughtTwice'), {
    budget: 0,
    naive: pick(naive, 'mindcaseRowsBoughtTwice'),
  });
  record('session: Mindcase rows bought (80 distinct jobs)', 'rows', pick(product, 'mindcaseRows'), { naive: pick(naive, 'mindcaseRows') });
  record('session: views whose client was not shown (after worker restarts)', 'views', pick(product, 'lostViews'), {
    budget: 0,
    naive: pick(naive, 'lostViews'),
  });
  record('session: service worker restarts', 'count', pick(product, 'restarts'));
  record('session: duration', 's', pick(product, 'seconds'), { naive: pick(naive, 'seconds') });
}

// ---------------------------------------------------------------------------------------------- report

function report() {
  const round = (n: number) => (Math.abs(n) >= 100 ? Math.round(n).toString() : n.toFixed(1));
  const rows = figures.map((f) => {
    const med = median(f.values);
    const naiveMed = f.naive ? median(f.naive) : null;
    const floorMed = f.floor?.length ? median(f.floor) : null;
    const ratio = floorMed !== null && floorMed > 0 ? med / floorMed : null;
    // A figure may have both: a ratio to its floor, and an absolute bound the user would feel on any machine.
    const checks = [
      ...(f.ratioBudget !== undefined ? [ratio !== null && ratio <= f.ratioBudget + 1e-9] : []),
      ...(f.budget !== undefined ? [med <= f.budget + 1e-9] : []),
    ];
    const ok = checks.length === 0 ? null : checks.every(Boolean);
    return {
      figure: f.name,
      unit: f.unit,
      median: med,
      min: Math.min(...f.values),
      max: Math.max(...f.values),
      /** Half the range, as a share of the median: how far one run strays. */
      spread: med > 0 ? (Math.max(...f.values) - Math.min(...f.values)) / 2 / med : 0,
      runs: f.values.length,
      floorMedian: floorMed,
      ratio,
      budget:
        [f.ratioBudget !== undefined ? `≤ ${f.ratioBudget}× floor` : null, f.budget !== undefined ? `≤ ${f.budget}` : null].filter(Boolean).join(', ') || null,
      ok,
      naiveMedian: naiveMed,
      naiveRatio: naiveMed !== null && med > 0 ? naiveMed / med : null,
    };
  });
  const header = ['figure', 'unit', 'median', 'spread', 'runs', 'floor', 'ratio', 'budget', 'naive', 'naive ÷ product', ''];
  const lines = rows.map((r) => [
    r.figure,
    r.unit,
    round(r.median),
    r.runs > 1 ? `±${Math.round(r.spread * 100)}%` : '',
    String(r.runs),
    r.floorMedian === null ? '' : round(r.floorMedian),
    r.ratio === null ? '' : `${r.ratio.toFixed(1)}×`,
    r.budget ?? '',
    r.naiveMedian === null ? '' : round(r.naiveMedian),
    r.naiveRatio === null ? (r.naiveMedian !== null && r.naiveMedian > 0 ? '∞' : '') : `${r.naiveRatio.toFixed(1)}×`,
    r.ok === null ? '' : r.ok ? 'ok' : 'MISSED',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(format(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const line of lines) console.log(format(line));
  return rows;
}

// ---------------------------------------------------------------------------------------------- main

const run = (cmd: string, cmdArgs: string[]) => execFileSync(cmd, cmdArgs, { stdio: ['ignore', 'ignore', 'inherit'] });
if (!args.includes('--no-build')) {
  console.log('Building: production (Chrome, Firefox)…');
  run('npx', ['wxt', 'build']);
  run('npx', ['wxt', 'build', '-b', 'firefox']);
}
await measureSizes();
if (!SIZES_ONLY) {
  console.log('Building: bench and naive baseline (Chrome)…');
  run('npx', ['wxt', 'build', '--mode', 'bench']);
  run('npx', ['wxt', 'build', '--mode', 'bench-naive']);
  if (ONLY.includes('content')) {
    console.log(`Content script on the 2 MB feed (${RUNS} runs)…`);
    await measureContentScript('.output/chrome-mv3-bench');
  }
  if (ONLY.includes('navigation')) {
    console.log(`Navigation → client shown (${RUNS * 3} of each)…`);
    await measureNavigation('.output/chrome-mv3-bench');
  }
  if (ONLY.includes('session')) {
    console.log('Browsing sessions of 200 views, product and naive baseline…');
    await measureSessions();
  }
}
const rows = report();
await mkdir(OUT, { recursive: true });
const file = resolve(OUT, SIZES_ONLY ? 'sizes.json' : 'latest.json');
await writeFile(file, JSON.stringify({ measuredAt: new Date().toISOString(), runs: RUNS, figures: rows }, null, 2));
console.log(`\nFigures written to ${file}`);
const missed = rows.filter((r) => r.ok === false);
if (CHECK && missed.length > 0) {
  console.error(`Budgets missed: ${missed.map((r) => r.figure).join('; ')}`);
  process.exit(1);
}
process.exit(0);
