import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCiphertext, readPage } from '@/utils/upwork/extract';
import { digestPage } from '@/utils/upwork/nuxt';

const PROPOSAL = 'https://www.upwork.com/nx/proposals/1766554433';
const html = (body: string) => new DOMParser().parseFromString(`<!doctype html><html><body>${body}</body></html>`, 'text/html');

describe('finding the job when the URL does not name it', () => {
  it('reads the numeric id attributes as ~02 + id', () => {
    expect(findCiphertext(html('<div job-uid="2051005096520707758"></div>'), PROPOSAL)).toEqual({
      ciphertext: '~022051005096520707758',
      strategy: 'attribute',
    });
    expect(findCiphertext(html('<section class="job-details" data-ev-opening_uid="2051005096520707758"></section>'), PROPOSAL)?.strategy).toBe('attribute');
  });

  it("reads a legacy ~01 job from the job's own link, never from the client's other jobs", () => {
    const doc = html(`
      <div class="extra-jobs-cards"><a href="/jobs/Other_~022049912345678901234/">Other job</a></div>
      <section class="job-details"><h1><a href="/jobs/Old-Job_~01ABCDEF0123456789/">Old job</a></h1></section>`);
    expect(findCiphertext(doc, PROPOSAL)).toEqual({ ciphertext: '~01abcdef0123456789', strategy: 'link' });
  });

  it('finds nothing where there is nothing, and never reads list pages as one job', () => {
    expect(findCiphertext(html('<p>Proposal withdrawn</p>'), PROPOSAL)).toBeNull();
    const feed = digestPage(readPage(html('<div job-uid="2051005096520707758"></div>'), 'https://www.upwork.com/nx/find-work/'));
    expect(feed).toMatchObject({ kind: 'feed', ciphertext: null, strategy: null });
    // A freelancer's id in the path is not a job, whatever the content script made of it.
    expect(digestPage(readPage(html(''), 'https://www.upwork.com/nx/freelancers/~01abcdef0123456789')).ciphertext).toBeNull();
  });

  it('never throws and never returns an id that is not in the page', () => {
    const piece = fc.oneof(
      fc.constant('<div job-uid="2051005096520707758"></div>'),
      fc.constant('<section class="job-details"><a href="/jobs/T_~01abcdef0123456789">x</a></section>'),
      fc.constant('<div class="extra-jobs-cards"><a href="/jobs/~022049912345678901234">y</a></div>'),
      fc.constant('<div job-uid="12"></div><a href="/freelancers/~01abcdef0123456789">me</a>'),
      fc.string().map((s) => s.replace(/</g, '')),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 6 }),
        fc.constantFrom(PROPOSAL, 'https://www.upwork.com/jobs/~022051005096520707758', 'https://www.upwork.com/nx/find-work/'),
        (pieces, url) => {
          const body = pieces.join('');
          const page = digestPage(readPage(html(body), url));
          if (page.ciphertext) expect(`${url} ${body}`.toLowerCase()).toContain(page.ciphertext.slice(3));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('who is looking', () => {
  // What the background makes of what the content script read on a job page.
  const viewerIn = (doc: Document) => {
    const { signedIn, account } = digestPage(readPage(doc, 'https://www.upwork.com/jobs/~022051005096520707758'));
    return { signedIn, account };
  };
  const nav = (state: unknown) => html(`<script>window.__TOP_NAVIGATION_USER_STATE__=${JSON.stringify(state)}</script>`);
  it('tells an agency, a freelancer, a client and a signed-out visitor apart', () => {
    expect(viewerIn(nav({ context: { isLoggedIn: true }, orgs: { current: { flag: { agency: true } } } }))).toEqual({ signedIn: true, account: 'agency' });
    expect(viewerIn(nav({ context: { isLoggedIn: true }, orgs: { current: { flag: { vendor: true } } } }))).toEqual({ signedIn: true, account: 'freelancer' });
    expect(viewerIn(nav({ context: { isLoggedIn: true }, orgs: { current: { flag: { client: true } } } }))).toEqual({ signedIn: true, account: 'client' });
    expect(viewerIn(nav({ context: { isLoggedIn: false } }))).toEqual({ signedIn: false, account: null });
    expect(viewerIn(html('<script>window.__TOP_NAVIGATION_USER_STATE__={broken</script>'))).toEqual({ signedIn: null, account: null });
  });
});
