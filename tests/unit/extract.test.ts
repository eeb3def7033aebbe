import { readFileSync } from 'node:fs';
import { stringify } from 'devalue';
import { describe, expect, it } from 'vitest';
import { readPage as readOnly } from '@/utils/upwork/extract';
import { companyIdFromNuxt, decodeNuxtData, digestPage } from '@/utils/upwork/nuxt';
import { fixturePage } from '../fixtures/pages';

// What the background makes of what the content script read.
const readPage = (doc: Document, url: string) => digestPage(readOnly(doc, url));

interface Expected {
  file: string;
  url: string;
  kind: string;
  ciphertext: string;
  companyIdHint: string | null;
  paymentVerified: boolean | null;
  signedIn: boolean | null;
  account: string | null;
}

const expected = JSON.parse(readFileSync('tests/fixtures/expected.json', 'utf8')) as Expected[];
const load = (file: string) => new DOMParser().parseFromString(fixturePage(file), 'text/html');

describe('readPage on the fixture pages', () => {
  it.each(expected)('$file gives the ids written beside it', (page) => {
    expect(readPage(load(page.file), page.url)).toMatchObject({
      url: page.url,
      kind: page.kind,
      ciphertext: page.ciphertext,
      companyIdHint: page.companyIdHint,
      paymentVerified: page.paymentVerified,
      signedIn: page.signedIn,
      account: page.account,
    });
  });

  it('ignores page state describing another job (a slide-over opened over the first page)', () => {
    const doc = load('job-page.html');
    expect(readPage(doc, 'https://www.upwork.com/nx/search/jobs/details/~022051005096520707758').companyIdHint).toBeNull();
  });

  it("reads the client box's payment verification in words, and says nothing where there is no box", () => {
    const doc = load('job-page.html');
    const box = doc.querySelector('[data-test~="about-client-container"]')!;
    box.querySelector('strong')!.textContent = 'Payment method not verified';
    expect(readPage(doc, expected[0]!.url).paymentVerified).toBe(false);
    box.remove();
    expect(readPage(doc, expected[0]!.url).paymentVerified).toBeNull();
  });

  it('survives a broken state script', () => {
    const doc = load('job-page.html');
    doc.getElementById('__NUXT_DATA__')!.textContent = '[["ShallowReactive",1],{"state":';
    expect(readPage(doc, expected[0]!.url).companyIdHint).toBeNull();
  });
});

describe('Nuxt payload decoding', () => {
  const payload = (wrapper: string) => {
    const flat = JSON.parse(
      stringify({ state: { jobDetails: { job: { uid: '2051005096520707758' }, buyer: { info: { company: { companyUid: '1991212616395436888' } } } } } }),
    ) as unknown[];
    // Wrap the root in a Nuxt type, as Nuxt does.
    return JSON.stringify([[wrapper, 1], ...flat.map((item) => shift(item))]);
  };

  it('unwraps known Nuxt types and matches the job by uid', () => {
    expect(companyIdFromNuxt(decodeNuxtData(payload('ShallowReactive')), '~022051005096520707758')).toBe('1991212616395436888');
  });

  it('passes an unknown wrapper type through instead of failing', () => {
    expect(companyIdFromNuxt(decodeNuxtData(payload('SomeFutureRef')), '~022051005096520707758')).toBe('1991212616395436888');
  });
});

/** Moves every index reference of a devalue array one place on, after a new root was put in front. */
function shift(item: unknown): unknown {
  if (typeof item === 'number') return item;
  if (Array.isArray(item)) return item.map((x) => (typeof x === 'number' && x >= 0 ? x + 1 : x));
  if (item && typeof item === 'object') return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, typeof v === 'number' && v >= 0 ? v + 1 : v]));
  return item;
}
