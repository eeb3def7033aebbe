/** Where on Upwork a URL points, and which job it names. Pure: no DOM, no browser API. */

export const PAGE_KINDS = ['job', 'public-job', 'slide-over', 'job-viewer', 'apply', 'proposal', 'unknown-route', 'search', 'feed', 'saved', 'other'] as const;
/** `job-viewer`: the 2026 design's job page; `unknown-route`: a path under /nx/ that names a job, on a route not known here. */
export type PageKind = (typeof PAGE_KINDS)[number];

/** Pages that show one job: reading no job there means Upwork's markup moved. */
export const JOB_PAGE_KINDS: ReadonlySet<PageKind> = new Set(['job', 'public-job', 'slide-over', 'job-viewer', 'apply', 'proposal', 'unknown-route']);

export interface PageRef {
  kind: PageKind;
  /** `~02…` or legacy `~01…` ciphertext of the job the path names, or null. */
  ciphertext: string | null;
}

const CIPHER = '~0(?:2\\d{15,20}|1[0-9a-f]{16})';
// Only the path is matched: a query string can name another job (e.g. ?referrer=/jobs/~02…).
const RULES: ReadonlyArray<[PageKind, RegExp]> = [
  ['job', new RegExp(`^/jobs/(?:[^/]*_)?(${CIPHER})/?$`, 'i')],
  ['public-job', new RegExp(`^/freelance-jobs/apply/(?:[^/]*_)?(${CIPHER})/?$`, 'i')],
  ['job-viewer', new RegExp(`^/nx/s/job-details-viewer/(?:jobs/)?(?:[^/]*_)?(${CIPHER})/?$`, 'i')],
  // Over search, feeds and (2026) the universal and saved searches: /nx/s/<name>/jobs/details/~…
  ['slide-over', new RegExp(`^/nx/(?:search/jobs|s/[a-z0-9-]+/jobs|find-work(?:/[a-z0-9-]+)?)/details/(${CIPHER})/?$`, 'i')],
  ['apply', new RegExp(`^/(?:ab|nx)/proposals/job/(${CIPHER})/apply/?$`, 'i')],
  // The next route Upwork invents still shows its job, and Diagnostics counts it under its own kind. People's and
  // companies' ids look like legacy job ids (`~01…`): a path through such a segment is not a job.
  [
    'unknown-route',
    new RegExp(`^/nx/(?!(?:[^/]+/)*(?:freelancers?|agenc(?:y|ies)|compan(?:y|ies)|profiles?|users?|clients?)/)(?:[^/]+/)*?(?:[^/]*_)?(${CIPHER})(?:/|$)`, 'i'),
  ],
];
// Pages whose path names no job: the job (if any) is read from the page itself.
const LIST_RULES: ReadonlyArray<[PageKind, RegExp]> = [
  ['proposal', /^\/nx\/proposals\/\d+\/?$/],
  ['saved', /^\/nx\/(?:search\/jobs\/saved|find-work\/saved-jobs)\/?$/],
  // 2026: the universal search and saved searches (/nx/s/<name>/jobs) show the same tiles.
  ['search', /^\/nx\/(?:search|s\/[a-z0-9-]+)\/jobs\/?$/i],
  ['feed', /^\/nx\/find-work(?:\/(?:best-matches|most-recent|\d+))?\/?$/],
];

const UPWORK_HOST = /^(?:www\.)?upwork\.com$/i;

export function isUpworkUrl(url: string): boolean {
  const parsed = safeUrl(url);
  return parsed !== null && parsed.protocol === 'https:' && UPWORK_HOST.test(parsed.hostname);
}

export function parseUpworkUrl(url: string): PageRef {
  const parsed = safeUrl(url);
  if (!parsed || !UPWORK_HOST.test(parsed.hostname)) return { kind: 'other', ciphertext: null };
  for (const [kind, pattern] of RULES) {
    const match = pattern.exec(parsed.pathname);
    if (match?.[1]) return { kind, ciphertext: normaliseCiphertext(match[1]) };
  }
  for (const [kind, pattern] of LIST_RULES) if (pattern.test(parsed.pathname)) return { kind, ciphertext: null };
  return { kind: 'other', ciphertext: null };
}

/** `~02` ids are digits; legacy `~01` ids are hex, which Upwork writes in lower case. */
export function normaliseCiphertext(cipher: string): string {
  return cipher.toLowerCase();
}

export function isCiphertext(value: string): boolean {
  return new RegExp(`^${CIPHER}$`, 'i').test(value);
}

const JOB_LINK = /\/jobs\/(?:[^/?#]*_)?(~0[0-9a-f]+)/i;

/** The job a link names (`/jobs/Title_~02…`, with or without the host), or null. */
export function linkedCiphertext(href: string | null | undefined): string | null {
  const match = JOB_LINK.exec(href ?? '')?.[1];
  return match && isCiphertext(match) ? normaliseCiphertext(match) : null;
}

/** The job of one of Upwork's numeric job ids: `~02` + id holds only for numeric ids (not for legacy `~01` jobs). */
export function numericCiphertext(id: string | null | undefined): string | null {
  return id && /^\d{15,20}$/.test(id) ? `~02${id}` : null;
}

/** The public URL of a job, for links and for APIs that take a URL. */
export function jobUrl(ciphertext: string): string {
  return `https://www.upwork.com/jobs/${ciphertext}`;
}

export function freelancerUrl(ciphertext: string): string {
  return `https://www.upwork.com/freelancers/${ciphertext}`;
}

function safeUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
