import { defineConfig } from '@playwright/test';
import { filesWithoutTheirData } from './tests/real/absent';

// Both browsers load the production build in .output/; `npm test` builds it first.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Two browsers at a time (most of a test is waiting on a schedule, not on the CPU); Firefox one at a time,
  // since its sandbox owns port 443.
  workers: 2,
  testIgnore: filesWithoutTheirData(),
  retries: 0,
  reporter: [['list']],
  projects: [
    // Every Chromium test has its own browser and sandbox: they spread over the workers one by one.
    { name: 'chrome', testDir: 'tests/e2e/chrome', fullyParallel: true },
    // Firefox after: run beside Chromium's CPU-heavy first tests (the 2 MB feed, the real pages), its sidebar
    // page missed its deadlines in one cold CI run of three.
    { name: 'firefox', testDir: 'tests/e2e/firefox', workers: 1 },
  ],
});
