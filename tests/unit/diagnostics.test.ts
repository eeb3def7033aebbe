import { describe, expect, it } from 'vitest';
import { DiagnosticsSchema, diagnosticsReport, lackingFacts, recordPage, recordTiles } from '@/utils/diagnostics/page-readings';
import { digestPage } from '@/utils/upwork/nuxt';
import { readPage } from '@/utils/upwork/extract';
import { missingFacts, TILE_SELECTOR } from '@/utils/upwork/tiles';
import { fixturePage } from '../fixtures/pages';

const VIEWER = 'https://www.upwork.com/nx/s/job-details-viewer/jobs/~022051005096520707758';

describe('diagnostics', () => {
  it('counts pages by the strategy that found their job, pages not read, and tiles lacking each fact', () => {
    let d = recordPage(null, 'job', 'url', null, 1, { design: '2026 redesign', lacking: ['connects'] });
    d = recordPage(d, 'proposal', 'link', null, 2);
    d = recordPage(d, 'proposal', null, '/nx/proposals/1766554433', 3);
    d = recordTiles(d, 'feed', 10, { rating: 10, proposals: 2 }, 4);
    d = recordTiles(d, 'feed', 5, { rating: 5 }, 5);
    expect(d.proposal).toMatchObject({ views: 2, failures: 1, strategies: { link: 1 }, lastPath: '/nx/proposals/1766554433' });
    expect(d.feed).toMatchObject({ tiles: 15, missing: { rating: 15, proposals: 2 } });
    const report = diagnosticsReport(d, { version: '0.1.0', browser: 'Chrome', now: Date.UTC(2026, 10, 24) });
    expect(report).toBe(
      [
        'UpHunt Overlay 0.1.0 · Chrome · 2026-11-24',
        'feed: 0 pages, 0 not read; 15 tiles, lacking rating 15, proposals 2',
        'job: 1 pages, 0 not read; job found by url 1; designs 2026 redesign 1; pages lacking connects 1',
        'proposal: 2 pages, 1 not read; job found by link 1',
      ].join('\n'),
    );
    // No path, id or URL goes into the report.
    expect(report).not.toMatch(/\/|~0|\d{6,}/);
  });

  it('names which facts a job page lacked, and none of a page without a job', () => {
    const job = digestPage(readPage(new DOMParser().parseFromString(fixturePage('job-2026-design.html'), 'text/html'), VIEWER));
    expect(lackingFacts(job)).toEqual([]);
    const bare = digestPage(readPage(new DOMParser().parseFromString('<main><h1>A job</h1></main>', 'text/html'), VIEWER));
    expect(lackingFacts(bare)).toEqual(['client box', 'payment', 'connects', 'activity', "client's jobs"]);
    expect(lackingFacts(digestPage(readPage(new DOMParser().parseFromString('', 'text/html'), 'https://www.upwork.com/nx/find-work/')))).toEqual([]);
  });

  it('reads what earlier versions stored (failures only)', () => {
    expect(DiagnosticsSchema.parse({ job: { failures: 2, lastAt: 1, lastPath: '/x' } }).job).toMatchObject({ views: 0, strategies: {}, tiles: 0, missing: {} });
  });

  it('a tile that shows a fact is not counted as lacking it; one that does not, is', () => {
    const doc = new DOMParser().parseFromString(
      '<article class="job-tile"><h2 class="job-tile-title"><a href="/jobs/~022052895097657407455">t</a></h2><li data-test="payment-verified">Payment unverified</li></article>',
      'text/html',
    );
    expect(missingFacts(doc.querySelector(TILE_SELECTOR)!)).toEqual(['spent', 'rating', 'country', 'proposals']);
    expect(readPage(doc, 'https://www.upwork.com/jobs/~022052895097657407455').strategy).toBe('url');
  });
});
