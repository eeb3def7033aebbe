/**
 * `npm run bench`: how fast and how frugal the extension is, measured in real Chromium against the sandbox,
 * beside a naive baseline (the same product with caching and de-duplication switched off). Prints a table and
 * writes the same figures as JSON. `npm run bench:check` (`--check`) also exits 1 when a budget is missed.
 *
 * Sizes come from the production build. Times come from the browser's performance timeline: the bench builds
 * (`wxt build --mode bench` / `bench-naive`) are the production build plus `uphunt:*` marks (utils/bench.ts).
 *
 * Options: --runs N (default 3), --check, --sizes-only (no browser; what `npm test` runs),
 * --only content,navigation,session,outcomes (some scenarios only), --no-build (measure the production build already in .output).
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { options } from './figures';
import { report } from './report';
import { measureSizes } from './sizes';
import { measureContentScript, measureNavigation } from './navigation';
import { measureSessions } from './sessions';
import { measureOutcomeTracking } from './outcomes';

const run = (cmd: string, cmdArgs: string[]) => execFileSync(cmd, cmdArgs, { stdio: ['ignore', 'ignore', 'inherit'] });
if (options.build) {
  console.log('Building: production (Chrome, Firefox)…');
  run('npx', ['wxt', 'build']);
  run('npx', ['wxt', 'build', '-b', 'firefox']);
}
await measureSizes();
if (!options.sizesOnly && options.only.includes('outcomes')) {
  console.log('Outcome tracking over 60 simulated days…');
  await measureOutcomeTracking();
}
if (!options.sizesOnly) {
  console.log('Building: bench and naive baseline (Chrome)…');
  run('npx', ['wxt', 'build', '--mode', 'bench']);
  run('npx', ['wxt', 'build', '--mode', 'bench-naive']);
  if (options.only.includes('content')) {
    console.log(`Content script on the 2 MB feed (${options.runs} runs)…`);
    await measureContentScript('.output/chrome-mv3-bench');
  }
  if (options.only.includes('navigation')) {
    console.log(`Navigation → client shown (${options.runs * 3} of each)…`);
    await measureNavigation('.output/chrome-mv3-bench');
  }
  if (options.only.includes('session')) {
    console.log('Browsing sessions of 200 views, product and naive baseline…');
    await measureSessions();
  }
}
const rows = report();
await mkdir(options.out, { recursive: true });
const file = resolve(options.out, options.sizesOnly ? 'sizes.json' : 'latest.json');
await writeFile(file, JSON.stringify({ measuredAt: new Date().toISOString(), runs: options.runs, figures: rows }, null, 2));
console.log(`\nFigures written to ${file}`);
const missed = rows.filter((r) => r.ok === false);
if (options.check && missed.length > 0) {
  console.error(`Budgets missed: ${missed.map((r) => r.figure).join('; ')}`);
  process.exit(1);
}
process.exit(0);
