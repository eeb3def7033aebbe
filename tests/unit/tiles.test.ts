import { describe, expect, it } from 'vitest';
import { JOBS } from '../sandbox/data';
import { badgeView, readTile, TILE_SELECTOR } from '@/utils/upwork/tiles';
import { pageTheme } from '@/utils/ui/tile-badge';
import { fixturePage } from '../fixtures/pages';

const feed = new DOMParser().parseFromString(fixturePage('search-page.html'), 'text/html');
const tiles = [...feed.querySelectorAll(TILE_SELECTOR)];

describe('job tiles', () => {
  it('reads the job of 2026 tiles, a 2024 tile and a legacy ~01 feed tile (not its unrelated numeric id)', () => {
    const ciphers = tiles.map((tile) => readTile(tile)?.ciphertext);
    expect(ciphers.slice(0, JOBS.length)).toEqual(JOBS.map((j) => j.ciphertext));
    expect(ciphers).toContain('~022049912345678901234');
    expect(ciphers).toContain('~01abcdef0123456789');
    expect(ciphers).not.toContain('~021999999999999999999');
    expect(tiles.every((tile) => readTile(tile)?.title)).toBe(true);
  });

  it('rates a client from the tile alone, or from its score where the extension holds it', () => {
    const first = readTile(tiles[0]!)!;
    expect(first).toMatchObject({ paymentVerified: true, totalSpent: '$10K+ spent', proposals: '10 to 15', rating: 4.9, country: 'United States' });
    expect(badgeView(first, null)).toMatchObject({ word: 'Good', tone: 'good' });
    expect(badgeView(readTile(tiles[2]!)!, null)).toMatchObject({ word: 'Risky', tone: 'risky' });
    expect(badgeView(first, { score: 30, hireRate: 0.2, avgHourly: 8 })).toEqual({
      word: 'Risky',
      tone: 'risky',
      detail: 'score 30 · hires 20% · avg $8/hr · payment verified · $10K+ spent · 4.9★ · United States · proposals: 10 to 15',
    });
  });
});

describe("badges follow Upwork's theme", () => {
  it('dark on `dark` (2024–2026) and `ngm-dark` (the 2026 redesign), light on `air-3-0`, `ngm-light` or none', () => {
    const themed = (theme: string | null) => {
      if (theme === null) document.documentElement.removeAttribute('theme');
      else document.documentElement.setAttribute('theme', theme);
      return pageTheme();
    };
    expect([themed('dark'), themed('ngm-dark'), themed('air-3-0'), themed('ngm-light'), themed(null)]).toEqual(['dark', 'dark', 'light', 'light', 'light']);
  });
});

describe('the ~2 MB feed', () => {
  it('every tile yields its job', () => {
    const long = new DOMParser().parseFromString(fixturePage('long-feed.html'), 'text/html');
    const all = [...long.querySelectorAll(TILE_SELECTOR)];
    expect(all.length).toBeGreaterThan(2000);
    expect(all.every((tile) => readTile(tile) !== null)).toBe(true);
  });
});
