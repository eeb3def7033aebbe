import { defineConfig } from '@playwright/test';
import { filesWithoutTheirData } from './tests/real/absent';

/** Chromium tests that read large pages: the 2 MB feed, the real captures, list rules over them. */
const CPU_HEAVY = ['**/badges.spec.ts', '**/real-pages.spec.ts', '**/lists.spec.ts'];
const WITHOUT_DATA = filesWithoutTheirData();

// Both browsers load the production build in .output/; `npm test` builds it first.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Two browsers at a time (most of a test is waiting on a schedule, not on the CPU); Firefox one at a time,
  // since its sandbox owns port 443.
  workers: 2,
  testIgnore: WITHOUT_DATA,
  retries: 0,
  reporter: [['list']],
  projects: [
    // Firefox first, on one worker, beside the Chromium tests that mostly wait on a schedule; the CPU-heavy
    // Chromium pages (the 2 MB feed, the real captures) wait until it is done: beside them, Firefox's sidebar page
    // missed its deadlines in a cold CI run. Run after Chromium instead, Firefox is a serial tail of 1.5 minutes.
    { name: 'firefox', testDir: 'tests/e2e/firefox', workers: 1 },
    // Every Chromium test has its own browser and sandbox: they spread over the workers one by one.
    { name: 'chrome', testDir: 'tests/e2e/chrome', testIgnore: [...CPU_HEAVY, ...WITHOUT_DATA], fullyParallel: true },
    { name: 'chrome-pages', testDir: 'tests/e2e/chrome', testMatch: CPU_HEAVY, testIgnore: WITHOUT_DATA, fullyParallel: true, dependencies: ['firefox'] },
  ],
});
