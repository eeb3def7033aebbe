import { defineConfig } from '@playwright/test';
import { filesWithoutTheirData } from './tests/real/absent';

// Both browsers load the production build in .output/; `npm test` builds it first.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // One browser at a time: the Firefox sandbox owns port 443 and the machine has two cores.
  workers: 1,
  testIgnore: filesWithoutTheirData(),
  retries: 0,
  reporter: [['list']],
  projects: [
    { name: 'chrome', testDir: 'tests/e2e/chrome' },
    { name: 'firefox', testDir: 'tests/e2e/firefox' },
  ],
});
