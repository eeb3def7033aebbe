/** Reads the client's companyId from the page's Nuxt state (`__NUXT_DATA__`, a devalue payload). */
import { unflatten } from 'devalue';

// Nuxt wraps state in its own types; each reviver unwraps one.
const NUXT_TYPES = ['ShallowReactive', 'Reactive', 'Ref', 'ShallowRef', 'EmptyRef', 'EmptyShallowRef', 'NuxtError', 'Island'];
const UNKNOWN_TYPE = /^Unknown type (.+)$/;

const COMPANY_ID = /^\d{15,20}$/;

/** Decodes the payload; a wrapper type Nuxt adds later is passed through rather than failing the page. */
export function decodeNuxtData(json: string): unknown {
  const flat: unknown = JSON.parse(json);
  if (!Array.isArray(flat)) return null;
  const revivers: Record<string, (value: unknown) => unknown> = {};
  for (const name of NUXT_TYPES) revivers[name] = (value) => value;
  // devalue throws on a type it has no reviver for; learn the name and try again, a bounded number of times.
  for (let attempt = 0; attempt < 8; attempt++) {
    try {
      return unflatten(flat, revivers);
    } catch (error) {
      const unknown = error instanceof Error ? UNKNOWN_TYPE.exec(error.message)?.[1] : undefined;
      if (!unknown || revivers[unknown]) throw error;
      revivers[unknown] = (value) => value;
    }
  }
  return null;
}

/**
 * The companyId of the job the page state describes, but only if that job is `ciphertext`:
 * after SPA navigation the state can still describe the first page loaded.
 */
export function companyIdFromNuxt(payload: unknown, ciphertext: string): string | null {
  const wanted = ciphertext.toLowerCase();
  // Nuxt keeps useState under `state` (keys may carry its `$s` prefix), Pinia stores under `pinia`.
  const roots = [get(payload, ['state']), get(payload, ['pinia']), get(payload, ['data'])];
  for (const root of roots) {
    for (const key of ['jobDetails', '$sjobDetails']) {
      const details = get(root, [key]);
      if (!details || !describesJob(get(details, ['job']), wanted)) continue;
      for (const path of [
        ['buyer', 'company', 'companyId'],
        ['buyer', 'info', 'company', 'companyId'],
        ['buyer', 'info', 'company', 'companyUid'],
      ]) {
        // Only strings: an 18-digit id as a JS number has already lost digits.
        const id = get(details, path);
        if (typeof id === 'string' && COMPANY_ID.test(id)) return id;
      }
    }
  }
  return null;
}

function describesJob(job: unknown, ciphertext: string): boolean {
  const cipher = get(job, ['ciphertext']);
  if (typeof cipher === 'string') return cipher.toLowerCase() === ciphertext;
  const uid = get(job, ['uid']);
  return (typeof uid === 'string' || typeof uid === 'number') && ciphertext === `~02${uid}`;
}

function get(value: unknown, path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
