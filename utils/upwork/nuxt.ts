/**
 * Reads the client's companyId from the page's Nuxt state (`__NUXT_DATA__`, a devalue payload).
 *
 * The payload is a flat array where objects hold the indices of their values. Rather than rebuilding the whole
 * state (devalue's `unflatten`: 4.5 KB in the content script, and work proportional to a state that can be
 * hundreds of KB), we follow indices along the few paths we need. Typed entries (`["Reactive", 5]`) are
 * wrappers Nuxt adds around state, so any type we do not know is passed through instead of failing the page.
 */
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
 * The companyId of the job the page state describes, but only if that job is `ciphertext`:
 * after SPA navigation the state can still describe the first page loaded.
 */
export function companyIdFromNuxt(payload: NuxtPayload | null, ciphertext: string): string | null {
  if (!payload) return null;
  const wanted = ciphertext.toLowerCase();
  const at = (from: Ref, path: string[]) => walk(payload.flat, from, path);
  // Nuxt keeps useState under `state` (keys may carry its `$s` prefix), Pinia stores under `pinia`.
  for (const rootKey of ['state', 'pinia', 'data']) {
    const root = at(0, [rootKey]);
    for (const key of ['jobDetails', '$sjobDetails']) {
      const details = at(root, [key]);
      if (details === undefined || !describesJob(payload.flat, at(details, ['job']), wanted)) continue;
      for (const path of [
        ['buyer', 'company', 'companyId'],
        ['buyer', 'info', 'company', 'companyId'],
        ['buyer', 'info', 'company', 'companyUid'],
      ]) {
        // Only strings: an 18-digit id as a JS number has already lost digits.
        const id = primitive(payload.flat, at(details, path));
        if (typeof id === 'string' && COMPANY_ID.test(id)) return id;
      }
    }
  }
  return null;
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
