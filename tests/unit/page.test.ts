import fc from 'fast-check';
import { proposalSent } from '@/utils/upwork/nuxt';
import { describe, expect, it } from 'vitest';
import { isUpworkUrl, parseUpworkUrl } from '@/utils/upwork/page';

describe('parseUpworkUrl', () => {
  it.each([
    ['https://www.upwork.com/jobs/~022051005096520707758', 'job', '~022051005096520707758'],
    ['https://www.upwork.com/jobs/Creative-Label-Design_~022051005096520707758/', 'job', '~022051005096520707758'],
    ['https://www.upwork.com/jobs/Old-Job_~01abcdef0123456789/', 'job', '~01abcdef0123456789'],
    ['https://www.upwork.com/jobs/Old-Job_~01ABCDEF0123456789/', 'job', '~01abcdef0123456789'],
    ['https://www.upwork.com/freelance-jobs/apply/Some-Title_~022051005096520707758/', 'public-job', '~022051005096520707758'],
    ['https://www.upwork.com/nx/search/jobs/details/~022051005096520707758?q=react', 'slide-over', '~022051005096520707758'],
    ['https://www.upwork.com/nx/find-work/best-matches/details/~022051005096520707758', 'slide-over', '~022051005096520707758'],
    ['https://www.upwork.com/nx/find-work/details/~022051005096520707758', 'slide-over', '~022051005096520707758'],
    ['https://www.upwork.com/ab/proposals/job/~022051005096520707758/apply/', 'apply', '~022051005096520707758'],
    // 2026: the job viewer (both forms), slide-overs over the universal and saved searches, and a route nobody named.
    ['https://www.upwork.com/nx/s/job-details-viewer/jobs/~022051005096520707758', 'job-viewer', '~022051005096520707758'],
    ['https://www.upwork.com/nx/s/job-details-viewer/~022051005096520707758/', 'job-viewer', '~022051005096520707758'],
    ['https://www.upwork.com/nx/s/universal-search/jobs/details/~022051005096520707758?q=react', 'slide-over', '~022051005096520707758'],
    ['https://www.upwork.com/nx/s/react-contracts/jobs/details/~01abcdef0123456789', 'slide-over', '~01abcdef0123456789'],
    ['https://www.upwork.com/nx/jobs-v3/view/~022051005096520707758/overview', 'unknown-route', '~022051005096520707758'],
  ])('reads %s as a %s page of %s', (url, kind, ciphertext) => {
    expect(parseUpworkUrl(url)).toEqual({ kind, ciphertext });
  });

  it.each([
    // The query names another job: only the path counts.
    'https://www.upwork.com/nx/find-work/?referrer=/jobs/~022051005096520707758',
    // A freelancer profile's ~01 id is not a job, under /nx/ either.
    'https://www.upwork.com/freelancers/~01abcdef0123456789',
    'https://www.upwork.com/nx/freelancers/~01abcdef0123456789',
    'https://www.upwork.com/nx/agencies/some-agency/~01abcdef0123456789',
    'https://www.upwork.com/nx/search/jobs/?q=react',
    'https://www.upwork.com/jobs/~02123',
    'https://evil.example/jobs/~022051005096520707758',
    'https://www.upwork.com.evil.example/jobs/~022051005096520707758',
    'not a url',
  ])('finds no job in %s', (url) => {
    expect(parseUpworkUrl(url).ciphertext).toBeNull();
  });

  it('accepts only https Upwork URLs as Upwork', () => {
    expect(isUpworkUrl('https://www.upwork.com/nx/find-work/')).toBe(true);
    expect(isUpworkUrl('http://www.upwork.com/nx/find-work/')).toBe(false);
    expect(isUpworkUrl('https://upwork.com.example/')).toBe(false);
  });

  it('never throws, and only returns a ciphertext that is in the path', () => {
    const segment = fc.oneof(
      fc.string(),
      fc.constantFrom('jobs', 'nx', 'find-work', 'details', 'freelance-jobs', 'apply', '~022051005096520707758', 'T_~01abcdef0123456789'),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), fc.string(), (segments, query) => {
        const url = `https://www.upwork.com/${segments.map(encodeURIComponent).join('/')}?${encodeURIComponent(query)}`;
        const { ciphertext } = parseUpworkUrl(url);
        if (ciphertext !== null) expect(new URL(url).pathname.toLowerCase()).toContain(ciphertext);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('pages that name no job in their path', () => {
  it.each([
    ['https://www.upwork.com/nx/proposals/1234567890', 'proposal'],
    ['https://www.upwork.com/nx/search/jobs/?q=react', 'search'],
    ['https://www.upwork.com/nx/s/universal-search/jobs/?q=react', 'search'],
    ['https://www.upwork.com/nx/s/react-contracts/jobs', 'search'],
    ['https://www.upwork.com/nx/search/jobs/saved/', 'saved'],
    ['https://www.upwork.com/nx/find-work/saved-jobs/', 'saved'],
    ['https://www.upwork.com/nx/find-work/', 'feed'],
    ['https://www.upwork.com/nx/find-work/best-matches', 'feed'],
    ['https://www.upwork.com/nx/find-work/most-recent', 'feed'],
    ['https://www.upwork.com/nx/find-work/1765432', 'feed'],
    ['https://www.upwork.com/nx/messages/', 'other'],
  ])('reads %s as a %s page', (url, kind) => {
    expect(parseUpworkUrl(url)).toEqual({ kind, ciphertext: null });
  });
});

describe('a proposal sent by hand, as Upwork confirms it', () => {
  it('a proposal page with a success parameter or the words "Your proposal was submitted"; never the apply page, never a plain proposal page', () => {
    const page = 'https://www.upwork.com/nx/proposals/1766554433';
    expect(proposalSent('proposal', `${page}?success`, null)).toBe(true);
    expect(proposalSent('proposal', `${page}?success=true&ref=apply`, null)).toBe(true);
    expect(proposalSent('proposal', page, 'Proposal details … Your proposal was submitted. View it anytime')).toBe(true);
    expect(proposalSent('proposal', `${page}?success=false`, null)).toBe(false);
    expect(proposalSent('proposal', page, 'Proposal details · Cover letter')).toBe(false);
    expect(proposalSent('apply', 'https://www.upwork.com/nx/proposals/job/~022051005096520707758/apply/?success', 'Your proposal was submitted')).toBe(false);
  });
});
