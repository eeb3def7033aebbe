/** Browsing sessions of 200 views, product and naive baseline: the calls made, rows bought, views lost. */
import type { Page } from '@playwright/test';
import { BENCH_JOBS, CLIENTS, type SandboxJob } from '../sandbox/data';
import { type LoggedRequest } from '../sandbox/server';
import { jobPath } from '../sandbox/upwork-pages';
import { openPanel, openUpwork } from '../e2e/chrome/launch';
import { options, record } from './figures';
import { start, stop } from './browser';

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

export async function measureSessions() {
  const product: SessionFigures[] = [];
  const naive: SessionFigures[] = [];
  for (let run = 0; run < Math.max(1, Math.ceil(options.runs / 2)); run++) {
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
