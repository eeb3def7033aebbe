/**
 * Tests that read the real Upwork captures or the seeds need those folders beside the repository (here and in
 * CI they are). In a clone without them, the test configs leave those files out and say so in one line each.
 */
import { ABSENT_NOTE, HAVE_REAL_PAGES } from './captures';
import { HAVE_SEEDS, SEEDS_DIR } from './seeds';

/** Test files that read the real captures, and those that read the seeds. */
const NEEDS_REAL_PAGES = ['**/real-upwork.test.ts', '**/real-pages.spec.ts', '**/lists.spec.ts'];
const NEEDS_SEEDS = ['**/seeds.test.ts', '**/seeds.spec.ts'];

export function filesWithoutTheirData(): string[] {
  const left: string[] = [];
  if (!HAVE_REAL_PAGES) {
    console.warn(ABSENT_NOTE);
    left.push(...NEEDS_REAL_PAGES);
  }
  if (!HAVE_SEEDS) {
    console.warn(`Seeds not found at ${SEEDS_DIR} (set SEEDS_DIR): their tests are not run.`);
    left.push(...NEEDS_SEEDS);
  }
  return left;
}
