/** Upwork pages as the sandbox serves them at www.upwork.com, in the markup upwork-pages.md describes. */
import { stringify } from 'devalue';
import type { SandboxJob } from './data';

/** Nuxt wraps its payload in reactive types; devalue writes them as `["ShallowReactive", i]`. */
class Wrapped {
  constructor(
    readonly type: string,
    readonly value: unknown,
  ) {}
}
const reducer = (type: string) => (value: unknown) => value instanceof Wrapped && value.type === type && value.value;

export function nuxtData(payload: { job: SandboxJob; includeCompany: boolean }): string {
  const { job, includeCompany } = payload;
  const state = new Wrapped('Reactive', {
    jobDetails: {
      job: { uid: job.ciphertext.slice(3), ciphertext: job.ciphertext, title: job.title },
      buyer: includeCompany ? { company: { companyId: job.companyId }, isPaymentVerified: true } : { isPaymentVerified: true },
    },
  });
  const root = new Wrapped('ShallowReactive', {
    data: new Wrapped('ShallowReactive', {}),
    state,
    once: new Set<string>(),
    _errors: new Wrapped('ShallowReactive', {}),
  });
  return stringify(root, {
    ShallowReactive: reducer('ShallowReactive'),
    Reactive: reducer('Reactive'),
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function slug(title: string): string {
  return title.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export function jobPath(job: SandboxJob): string {
  return `/jobs/${slug(job.title)}_${job.ciphertext}/`;
}

/**
 * A job page in the markup of real 2025–2026 job pages: the client box says payment in words, its lines carry
 * `data-qa`; "Client's recent history" links the same client's other jobs, "Similar jobs" other clients'.
 */
export function renderJobPage(job: SandboxJob, all: SandboxJob[]): string {
  const id = job.ciphertext.slice(3);
  const links = (jobs: SandboxJob[]) => jobs.map((o) => `<li><a href="${jobPath(o)}">${escapeHtml(o.title)}</a></li>`).join('');
  const card = (title: string, jobs: SandboxJob[]) =>
    jobs.length ? `<div class="air3-card"><header><h2>${title}</h2></header><ul>${links(jobs)}</ul></div>` : '';
  const others = all.filter((o) => o !== job && o.companyId === job.companyId);
  const similar = all.filter((o) => o.companyId !== job.companyId).slice(0, 3);
  const nuxt = job.pageHasCompanyId
    ? `<script type="application/json" id="__NUXT_DATA__" data-ssr="true">${nuxtData({ job, includeCompany: true })}</script>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(job.title)} - Freelance Job - Upwork</title>
<style>body{font-family:sans-serif;margin:0}header{background:#14a800;color:#fff;padding:12px 24px}main{display:flex;gap:24px;padding:24px}.job-details{flex:2}aside{flex:1;border:1px solid #ddd;border-radius:8px;padding:12px}</style>
</head><body>
<script>window.__TOP_NAVIGATION_USER_STATE__={"context":{"isLoggedIn":true},"orgs":{"current":{"id":"555000111222333444","flag":{"agency":true,"vendor":false,"client":false}}}}</script>
<header>Upwork (sandbox page)</header>
<main>
  <section class="job-details" data-ev-opening_uid="${id}">
    <div job-uid="${id}">
      <h1 class="m-0 h4">${escapeHtml(job.title)}</h1>
      <p>${job.type === 'HOURLY' ? 'Hourly' : 'Fixed-price'} · Posted 2 hours ago</p>
      <div data-test="Description"><p>We are looking for an experienced freelancer. This page is served by the extension's sandbox; no real Upwork data is shown.</p></div>
      <div data-test="ConnectsDesktop">Send a proposal for: 16 Connects</div>
      <ul class="client-activity-items"><li><span class="title">Proposals:</span><span class="value">10 to 15</span></li><li><span class="title">Interviewing:</span><span class="value">2</span></li></ul>
    </div>
  </section>
  <aside class="cfe-ui-job-about-client" data-test="about-client-container">
    <h2>About the client</h2>
    <div><strong>Payment method verified</strong></div>
    <div data-testid="buyer-rating"><span class="sr-only">Rating is 4.8 out of 5.</span><span>4.79 of 12 reviews</span></div>
    <ul class="features">
      <li data-qa="client-location"><strong>Germany</strong><div><span>Stuttgart</span><span>3:12 PM</span></div></li>
      <li data-qa="client-job-posting-stats"><strong>9 jobs posted</strong><div>78% hire rate, 1 open job</div></li>
      <li><strong data-qa="client-spend"><span>$10K</span> total spent</strong><div data-qa="client-hires">7 hires, 1 active</div></li>
      <li data-qa="client-contract-date"><small>Member since Apr 11, 2019</small></li>
    </ul>
  </aside>
</main>
<div class="extra-jobs-cards">
  ${card(`Client's recent history (${others.length})`, others)}
  ${card('Similar jobs on Upwork', similar)}
</div>
${nuxt}
</body></html>`;
}

export interface Page2026Options {
  /** The client's recent history, newest first, as the history section links them (absolute URLs). */
  history?: string[];
  /** The theme Upwork's <html> carries: `ngm-dark` or light (none). */
  theme?: 'ngm-dark' | null;
}

/**
 * A job page in Upwork's 2026 redesign, from the facts in ../shared/upwork-pages.md (no capture is shared):
 * `ngm-` components, the client box `[data-test="about-client"]` twice (a narrow copy and a wide one) with
 * `about-client-…` lines and "Payment verified", the client's recent history with absolute links, Connects as
 * "20 required Connects ( 216 available)", the bid range as "High $X Average $Y Low $Z", a `__NUXT_DATA__` with
 * no job details. Served at the job viewer's route and used as the unit tests' fixture.
 */
export function renderJobPage2026(job: SandboxJob, all: SandboxJob[], options: Page2026Options = {}): string {
  const others = options.history ?? all.filter((o) => o !== job && o.companyId === job.companyId).map((o) => o.ciphertext);
  const title = (cipher: string) => all.find((o) => o.ciphertext === cipher)?.title ?? `Earlier job ${cipher.slice(-4)}`;
  const items = others
    .map(
      (cipher) =>
        `<div data-test="history-item" class="ngm-history-item"><a data-test="history-item-title" href="https://www.upwork.com/jobs/${cipher}">${escapeHtml(title(cipher))}</a><span class="ngm-rating" aria-label="Rating 5.0 out of 5">5.0</span><p>Great to work with.</p></div>`,
    )
    .join('');
  const box = (copy: string) => `<div data-test="about-client" class="${copy}">
      <h2 class="ngm-heading">About the client</h2>
      <div data-test="about-client-metrics">
        <div data-test="about-client-payment-verified"><span class="ngm-tag-inline-sm is-verified" aria-label="Payment verified">Payment verified</span></div>
        <p class="ngm-text-sm">Verified · This client has a verified payment method with Upwork</p>
        <div data-test="about-client-rating"><span class="sr-only">Rating is 4.8 out of 5.</span><span>4.79 of 12 reviews</span></div>
        <div data-test="about-client-location"><strong>Germany</strong><span>Stuttgart 3:12 PM</span></div>
        <div data-test="about-client-job-stats"><strong>9 jobs posted</strong><span>78% hire rate, 1 open job</span></div>
        <div data-test="about-client-spend-stats"><strong>$10K total spent</strong><span>9 hires 2 active</span></div>
        <div data-test="about-client-member-since">Member since Apr 11, 2019</div>
      </div>
    </div>`;
  return `<!doctype html>
<html ${options.theme === null ? '' : `theme="${options.theme ?? 'ngm-dark'}" `}lang="en" class="has-cq fluid-adapter"><head><meta charset="utf-8"><title>${escapeHtml(job.title)} - Upwork</title>
<style>body{font-family:sans-serif;margin:0}main{display:flex;gap:24px;padding:24px}.ngm-job{flex:2}aside{flex:1}.d-lg-none{display:none}</style>
</head><body>
<script>window.__TOP_NAVIGATION_USER_STATE__={"context":{"isLoggedIn":true},"orgs":{"current":{"id":"555000111222333444","flag":{"agency":true,"vendor":false,"client":false}}}}</script>
<ngm-top-nav>Upwork (sandbox page, 2026 design)</ngm-top-nav>
<main>
  <ngm-job-details class="ngm-job">
    <h1 data-test="job-title">${escapeHtml(job.title)}</h1>
    <span data-test="posted-time">Posted 3 hours ago</span>
    <p class="ngm-connects">20 required Connects ( 216 available)</p>
    <div data-test="job-description-content"><p>This page is served by the extension's sandbox in Upwork's 2026 design; no real Upwork data is shown.</p></div>
    <ul class="ngm-metrics"><li data-test="job-metrics-workload">Less than 30 hrs/week</li><li data-test="job-metrics-duration">1 to 3 months</li><li data-test="job-metrics-experience">Expert</li></ul>
    <ul class="ngm-skills"><li data-test="skill">React</li><li data-test="skill">TypeScript</li></ul>
    <section class="ngm-activity"><h2>Activity on this job</h2>
      <div data-test="activity-proposals"><span>Proposals:</span><span>20 to 50</span></div>
      <div><span>Last viewed by client:</span><span>2 hours ago</span></div>
      <div><span>Already hired:</span><span>1</span></div>
      <div><span>Interviewing:</span><span>3</span></div>
      <div><span>Invites sent:</span><span>5</span></div>
      <div><span>Unanswered invites:</span><span>1</span></div>
      <div class="ngm-bid-range"><span>Bid range</span><span>High $85.00</span><span>Average $42.50</span><span>Low $15.00</span></div>
    </section>
  </ngm-job-details>
  <aside>
    ${box('d-lg-none')}
    <div class="ngm-apply"><button type="button">Apply now</button><p>Required Connects to submit a proposal: 20</p><p>Available Connects: 216</p></div>
    ${box('d-none d-lg-block')}
  </aside>
</main>
<section data-test="client-history" class="ngm-client-history"><h3>Client's recent history (${others.length})</h3>${items}</section>
<section class="ngm-similar"><h3>Similar jobs</h3><a href="https://www.upwork.com/jobs/~022040000000000000001">Someone else's job</a></section>
<script type="application/json" id="__NUXT_DATA__" data-ssr="true">[{"state":1},{"config":2},{"theme":3},"ngm-dark"]</script>
</body></html>`;
}

/**
 * A feed as Upwork renders it: the sandbox's jobs and `filler` more in the 2026 tile markup, one 2024-style
 * tile and one feed tile whose link is a legacy ~01 job with an unrelated numeric id.
 */
export function renderFeedPage(jobs: SandboxJob[], filler = 50): string {
  const tile = (id: string, cipher: string, title: string, verified: boolean, spent: string) =>
    `<article class="job-tile" data-ev-job-uid="${id}"><div class="job-tile-header"><h2 class="job-tile-title"><a data-test="job-tile-title-link UpLink" data-ev-opening_uid="${id}" href="/jobs/${slug(title)}_${cipher}/">${escapeHtml(title)}</a></h2></div>` +
    `<small data-test="job-pubilshed-date">Posted 2 hours ago</small><p class="description">${'Looking for help with a project. '.repeat(12)}</p>` +
    `<ul><li data-test="payment-verified">Payment ${verified ? 'verified' : 'unverified'}</li><li data-test="total-spent">${spent} spent</li><li data-test="total-feedback"><span class="sr-only">Rating is 4.9 out of 5.</span></li><li data-test="location">United States</li><li data-test="proposals-tier">Proposals: 10 to 15</li></ul></article>`;
  const known = jobs.map((job, i) => tile(job.ciphertext.slice(3), job.ciphertext, job.title, i % 3 !== 2, ['$10K+', '$500+', '$0'][i % 3]!));
  const more = Array.from({ length: filler }, (_, i) => {
    const id = `20600000000000${String(10000 + i)}`;
    return tile(id, `~02${id}`, `Sandbox job number ${i + 1}`, i % 4 !== 0, ['$1M+', '$20K+', '$800+', '$0'][i % 4]!);
  });
  const older = `<article data-test="JobTile"><h2><a data-test="job-tile-title-link UpCLink" href="/jobs/Legacy-Style-Tile_~022049912345678901234/">Shopify Store Redesign (2024 tile)</a></h2><span data-test="payment-verified">Payment verified</span></article>`;
  const legacy = `<section class="air3-card-section" data-ev-opening_uid="1999999999999999999" data-ev-sublocation="job_feed_tile"><h3 class="job-tile-title"><a href="/jobs/Old-Job_~01abcdef0123456789/">An old ~01 job</a></h3></section>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Find Work - Upwork</title></head><body><h1>Jobs you might like (sandbox)</h1><div id="tiles">${[...known, older, legacy, ...more].join('\n')}</div></body></html>`;
}

export function renderNotFound(): string {
  return '<!doctype html><html><head><title>Page not found - Upwork</title></head><body><h1>This page does not exist (sandbox)</h1></body></html>';
}

/** A proposal's page: the path names no job; the job's own link does. `job` null: a page whose markup moved. */
/** Upwork's apply page for a job (`/nx/proposals/job/~0…/apply/`), with the Connects it asks for as the 2025-12 capture words them. */
export function renderApplyPage(job: SandboxJob): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Submit a proposal - Upwork</title></head><body><main><h1>Submit a proposal</h1><h2>${escapeHtml(job.title)}</h2><p>This proposal requires 12 Connects</p><p>When you submit this proposal, you'll have 204 Connects remaining.</p><button type="button">Send for 12 Connects</button></main></body></html>`;
}

export function renderProposalPage(job: SandboxJob | null, justSent = false): string {
  const body = job
    ? `<section class="job-details"><h2><a href="${jobPath(job)}">${escapeHtml(job.title)}</a></h2>${justSent ? '<p>Your proposal was submitted.</p>' : ''}</section>`
    : '<section class="proposal-v2"><h2>Proposal details</h2><p>The job is described somewhere the extension does not look.</p></section>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Proposal - Upwork</title></head><body><h1>Proposal (sandbox)</h1>${body}</body></html>`;
}
