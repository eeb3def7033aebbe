/** The bench's options, its figures and their budgets: what every measurement records into. */
import { resolve } from 'node:path';

const args = process.argv.slice(2);
export const options = {
  runs: Number(args[args.indexOf('--runs') + 1] || 3) || 3,
  check: args.includes('--check'),
  sizesOnly: args.includes('--sizes-only'),
  build: !args.includes('--no-build'),
  only: args.includes('--only') ? args[args.indexOf('--only') + 1]!.split(',') : ['content', 'navigation', 'session', 'outcomes'],
  out: resolve('bench-results'),
};

export interface Figure {
  name: string;
  unit: string;
  /** One value per run. */
  values: number[];
  budget?: number;
  /** The same figure for the naive baseline, where one is meaningful. */
  naive?: number[];
  /** A timing's floor, measured in the same run: the bench's minimal extension, or the same DOM work without one. */
  floor?: number[];
  /** The budget of a timing: the most its median may be, as a multiple of the floor's median. */
  ratioBudget?: number;
}

/**
 * Timing budgets, as multiples of the floor measured in the same run, so that a slower or busier machine moves
 * both. Each is about twice the ratio measured here (content at load 1.5–2.6×, per screen 7×, longest piece
 * 0.7–1.4×; full page 6.1× cold / 4.2× warm, slide-over 11.5× / 5.9×): single timings on this shared two-core
 * machine strayed up to ±60% from their median. A screen scrolled costs the product 7× its floor because the
 * floor only puts a word by each tile, where the product builds a badge of three buttons in a shadow root,
 * follows the scroll and notes which facts a tile lacks: 1.8 ms a screen, against a floor of 0.3 ms.
 */
export const CONTENT_RATIO = 6;
export const SCREEN_RATIO = 15;
export const FULL_COLD_RATIO = 12;
export const SLIDE_COLD_RATIO = 25;
/** From navigation start both wait for the same page to load, so the ratio is smaller: 2.0–2.6× measured here. */
export const FROM_START_RATIO = 5;
export const WARM_RATIO = 12;

export const figures: Figure[] = [];
export const record = (name: string, unit: string, values: number[], extra: Partial<Figure> = {}) => figures.push({ name, unit, values, ...extra });

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
