/**
 * Reads the client's companyId from the page's Nuxt state (`__NUXT_DATA__`, a devalue payload).
 *
 * The payload is a flat array where objects hold the indices of their values. Rather than rebuilding the whole
 * state (devalue's `unflatten`: 4.5 KB in the content script, and work proportional to a state that can be
 * hundreds of KB), we follow indices along the few paths we need. Typed entries (`["Reactive", 5]`) are
 * wrappers Nuxt adds around state, so any type we do not know is passed through instead of failing the page.
 */
import type { PageClientSeen, PageRead } from './schemas';
import type { Strategy } from './extract';
import type { PageKind } from './page';
import type { Design, PageFacts } from './page-facts';
import { isCiphertext, JOB_PAGE_KINDS, normaliseCiphertext, parseUpworkUrl } from './page';
import { designOf, pageFacts, paymentVerified, type StateFacts } from './page-facts';

/** A page as the background understands it (digestPage), and as a tab's look-up starts from. */
export interface PageSeen {
  url: string;
  kind: PageKind;
  ciphertext: string | null;
  /** How the job was found: its URL, an id attribute, or its own link (Options → Diagnostics). */
  strategy: Strategy | null;
  companyIdHint: string | null;
  /** What the page's client box (or state) says of the payment method; null where the page does not say. */
  paymentVerified: boolean | null;
  /** Who is looking: signed in or not, and as which kind of account (null when the page does not say). */
  signedIn: boolean | null;
  account: 'agency' | 'freelancer' | 'client' | null;
  /** What the page says about the client; null where it shows no client. */
  client: PageClientSeen | null;
  /** The client's other jobs the page names (open ones, its history, the state's), in page order: ways to find the client. */
  otherJobs: string[];
  /** Which of otherJobs are open: asked about first. */
  openJobs: string[];
  /** Which of Upwork's designs the page is (Options → Diagnostics). */
  design: Design | null;
  /** What the page shows for free: Connects, the client's activity on the job, the bid range. */
  facts: PageFacts | null;
  /** A proposal page confirming a proposal the user just sent on Upwork (proposalSent). */
  proposalSent?: boolean;
}

/**
 * Upwork confirms a proposal sent on its apply page on the proposal's own page: a `success` parameter on its URL
 * (as 2026's overlays read it) or the words "Your proposal was submitted". No shared capture shows that page, so
 * either is enough, and only on a proposal page (`/nx/proposals/<digits>`), never on the apply page before it.
 */
export function proposalSent(kind: PageKind, url: string, text: string | null): boolean {
  if (kind !== 'proposal' || !URL.canParse(url)) return false;
  const success = new URL(url).searchParams.get('success');
  return (success !== null && !/^(false|0)$/i.test(success)) || /proposal (?:was|has been) (?:submitted|sent)/i.test(text ?? '');
}

/**
 * Makes sense of what the content script read (run in the background): the page kind, from the URL; the job,
 * kept from the DOM only on pages that show one; the companyId hint, the client's record and recent contracts and
 * open jobs from the page state; the payment; what the page shows for free (Connects, activity, bid range) and
 * which design it is. The state's JSON and the page's words themselves are not kept.
 */
export function digestPage(read: PageRead): PageSeen {
  const { nuxt, viewerState, text, ...rest } = read;
  const ref = parseUpworkUrl(read.url);
  // The URL names the job, or (on a page that shows one) an id attribute or the job's own link does.
  const found: Pick<PageSeen, 'ciphertext' | 'strategy'> = ref.ciphertext
    ? { ciphertext: ref.ciphertext, strategy: 'url' }
    : JOB_PAGE_KINDS.has(ref.kind) && read.ciphertext && read.strategy !== 'url'
      ? { ciphertext: read.ciphertext, strategy: read.strategy }
      : { ciphertext: null, strategy: null };
  const viewer = viewerState ? viewerOf(viewerState) : { signedIn: null, account: null };
  const base: PageSeen = {
    ...rest,
    ...found,
    ...viewer,
    kind: ref.kind,
    companyIdHint: null,
    paymentVerified: null,
    design: null,
    facts: null,
  };
  if (!found.ciphertext) return { ...base, client: null, otherJobs: [], openJobs: [] };
  const ciphertext = found.ciphertext;
  let payload: NuxtPayload | null = null;
  try {
    payload = nuxt ? decodeNuxtData(nuxt) : null;
  } catch {
    // A payload we cannot decode costs only what the client box and the page's words do not say.
  }
  const state = clientFromNuxt(payload, ciphertext);
  const client = state || read.client ? { fields: read.client?.fields ?? {}, text: read.client?.text ?? '', state } : null;
  const stated = (state?.buyer as { isPaymentMethodVerified?: unknown } | null)?.isPaymentMethodVerified;
  const openInState = openJobsFromNuxt(payload, ciphertext);
  const others = (list: string[]) => [...new Set(list)].filter((c) => c !== ciphertext).slice(0, 50);
  return {
    ...base,
    companyIdHint: companyIdFromNuxt(payload, ciphertext),
    client,
    paymentVerified: typeof stated === 'boolean' ? stated : paymentVerified(client?.text ?? ''),
    openJobs: others([...read.openJobs, ...openInState]),
    otherJobs: others([...openInState, ...read.otherJobs]),
    design: designOf(read.design),
    facts: pageFacts(text, factsFromNuxt(payload, ciphertext)),
    proposalSent: proposalSent(ref.kind, read.url, text),
  };
}

/** Who is looking, from the text of Upwork's `__TOP_NAVIGATION_USER_STATE__ = {…};`. */
export function viewerOf(text: string): Pick<PageSeen, 'signedIn' | 'account'> {
  const json = text
    .slice(text.indexOf('=') + 1)
    .trim()
    .replace(/;\s*$/, '');
  try {
    const state = JSON.parse(json) as { context?: { isLoggedIn?: unknown }; orgs?: { current?: { flag?: Record<string, unknown> } } };
    const flag = state.orgs?.current?.flag ?? {};
    const signedIn = typeof state.context?.isLoggedIn === 'boolean' ? state.context.isLoggedIn : null;
    const account = flag.agency === true ? 'agency' : flag.client === true ? 'client' : flag.vendor === true || signedIn ? 'freelancer' : null;
    return { signedIn, account: signedIn === false ? null : account };
  } catch {
    return { signedIn: null, account: null };
  }
}

export interface NuxtPayload {
  flat: unknown[];
}

/** A position in the payload: the index of a value, or undefined when a path leads nowhere. */
type Ref = number | undefined;

const COMPANY_ID = /^\d{15,20}$/;

export function decodeNuxtData(json: string): NuxtPayload | null {
  const flat: unknown = JSON.parse(json);
  return Array.isArray(flat) && flat.length > 0 ? { flat } : null;
}

/**
 * Where the page state keeps the details of `ciphertext`'s job, or undefined when it describes another job:
 * after SPA navigation the state can still describe the first page loaded.
 */
function jobDetails(payload: NuxtPayload, ciphertext: string): Ref {
  const wanted = ciphertext.toLowerCase();
  // 2025–2026 job pages keep it under `vuex`; Nuxt keeps useState under `state` (keys may carry its `$s`
  // prefix), Pinia stores under `pinia`.
  for (const rootKey of ['vuex', 'state', 'pinia', 'data']) {
    const root = walk(payload.flat, 0, [rootKey]);
    for (const key of ['jobDetails', '$sjobDetails']) {
      const details = walk(payload.flat, root, [key]);
      if (details !== undefined && describesJob(payload.flat, walk(payload.flat, details, ['job']), wanted)) return details;
    }
  }
  return undefined;
}

/** The companyId of the job the page state describes, but only if that job is `ciphertext` (no real page has it). */
export function companyIdFromNuxt(payload: NuxtPayload | null, ciphertext: string): string | null {
  const details = payload ? jobDetails(payload, ciphertext) : undefined;
  if (!payload || details === undefined) return null;
  for (const path of [
    ['buyer', 'company', 'companyId'],
    ['buyer', 'info', 'company', 'companyId'],
    ['buyer', 'info', 'company', 'companyUid'],
  ]) {
    // Only strings: an 18-digit id as a JS number has already lost digits.
    const id = primitive(payload.flat, walk(payload.flat, details, path));
    if (typeof id === 'string' && COMPANY_ID.test(id)) return id;
  }
  return null;
}

/** The client (`buyer`) and its recent contracts (`workHistory`) as plain values, when the state describes this job. */
export function clientFromNuxt(payload: NuxtPayload | null, ciphertext: string): { buyer: unknown; workHistory: unknown } | null {
  const details = payload ? jobDetails(payload, ciphertext) : undefined;
  if (!payload || details === undefined) return null;
  const part = (key: string) => plain(payload.flat, walk(payload.flat, details, [key]), 0);
  return { buyer: part('buyer'), workHistory: part('workHistory') };
}

/** What the state says of Connects, the client's activity on the job and the bids so far, when it describes this job. */
export function factsFromNuxt(payload: NuxtPayload | null, ciphertext: string): StateFacts | null {
  const details = payload ? jobDetails(payload, ciphertext) : undefined;
  if (!payload || details === undefined) return null;
  const part = (path: string[]) => plain(payload.flat, walk(payload.flat, details, path), 0) as Record<string, unknown> | null;
  return { connects: part(['connects']), clientActivity: part(['job', 'clientActivity']), bids: part(['applicants', 'applicantsBidsStats']) };
}

/** The client's other open jobs the state names (`jobDetails.openJobs[].ciphertext`), when it describes this job. */
export function openJobsFromNuxt(payload: NuxtPayload | null, ciphertext: string): string[] {
  const details = payload ? jobDetails(payload, ciphertext) : undefined;
  if (!payload || details === undefined) return [];
  const jobs = plain(payload.flat, walk(payload.flat, details, ['openJobs']), 0);
  return Array.isArray(jobs)
    ? jobs.flatMap((job) => {
        const cipher = (job as { ciphertext?: unknown } | null)?.ciphertext;
        return typeof cipher === 'string' && isCiphertext(cipher) ? [normaliseCiphertext(cipher)] : [];
      })
    : [];
}

/** Rebuilds a value from the payload, bounded in depth and length (a hostile page cannot make it loop or grow). */
function plain(flat: unknown[], from: Ref, depth: number): unknown {
  const ref = unwrap(flat, from);
  if (ref === undefined || depth > 6) return null;
  const value = flat[ref];
  if (Array.isArray(value)) return value.slice(0, 50).map((i) => plain(flat, typeof i === 'number' ? i : undefined, depth + 1));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, i] of Object.entries(value).slice(0, 60)) out[key] = plain(flat, typeof i === 'number' ? i : undefined, depth + 1);
  return out;
}

function describesJob(flat: unknown[], job: Ref, ciphertext: string): boolean {
  const cipher = primitive(flat, walk(flat, job, ['ciphertext']));
  if (typeof cipher === 'string') return cipher.toLowerCase() === ciphertext;
  const uid = primitive(flat, walk(flat, job, ['uid']));
  return (typeof uid === 'string' || typeof uid === 'number') && ciphertext === `~02${uid}`;
}

function walk(flat: unknown[], from: Ref, path: string[]): Ref {
  let ref = unwrap(flat, from);
  for (const key of path) {
    if (ref === undefined) return undefined;
    const value = flat[ref];
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const next: unknown = Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
    ref = unwrap(flat, typeof next === 'number' ? next : undefined);
  }
  return ref;
}

/** Follows wrapper types (`["Reactive", 5]`, `["SomeFutureRef", 7]`) to the value they hold; a bounded number of steps. */
function unwrap(flat: unknown[], ref: Ref): Ref {
  for (let step = 0; step < 8 && ref !== undefined; step++) {
    if (!Number.isInteger(ref) || ref < 0 || ref >= flat.length) return undefined;
    const value = flat[ref];
    if (!Array.isArray(value) || typeof value[0] !== 'string') return ref;
    ref = value.length === 2 && typeof value[1] === 'number' ? value[1] : undefined;
  }
  return ref;
}

function primitive(flat: unknown[], ref: Ref): unknown {
  if (ref === undefined) return undefined;
  const value = flat[ref];
  return value !== null && typeof value === 'object' ? undefined : value;
}
