/** The sizes of the production build: the content script, the panel and the background, against their budgets. */
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { record } from './figures';

async function sizes(dir: string) {
  const manifest = JSON.parse(await readFile(`${dir}/manifest.json`, 'utf8')) as {
    content_scripts: Array<{ js?: string[]; css?: string[] }>;
    background: { service_worker?: string; scripts?: string[] };
  };
  const bytes = async (file: string) => (await readFile(`${dir}/${file}`)).length;
  const gz = async (file: string) => gzipSync(await readFile(`${dir}/${file}`), { level: 9 }).length;
  const contentFiles = manifest.content_scripts.flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]);
  let content = 0;
  for (const file of contentFiles) content += await bytes(file);
  // The panel page loads its entry module and the chunks it preloads.
  const html = await readFile(`${dir}/sidepanel.html`, 'utf8');
  const panelFiles = [...html.matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].map((m) => m[1]!);
  let panel = 0;
  for (const file of panelFiles) panel += await gz(file);
  let background = 0;
  for (const file of manifest.background.service_worker ? [manifest.background.service_worker] : (manifest.background.scripts ?? []))
    background += await gz(file);
  return { content, panel, background };
}

/**
 * Size budgets: the content script's 12 KB is met (an unlisted script with our own URL follower and protocol).
 * The panel and the background stay above #17's 100 and 30 KB: React DOM alone is 63 KB of the panel, and zod,
 * the user-chosen polyfill and WXT's storage about 11 KB of the background; lists and watched searches came
 * after those goals were set. Their budgets hold what they weigh now, with a little room. The background's went
 * from 40 to 42 KB with #23: it reads the page's words for every design (Connects, activity, bid range, payment,
 * the design itself) and names the page kind, work taken out of the content script, which runs in every tab.
 * #25 raised them again, deliberately: the worker follows what each application brought (about 2 KB: the tracker,
 * its schedule and the outcome rules, which must run where the histories arrive, with no panel open), to 44 KB;
 * the panel shows each outcome in its log and links to Options' sections, to 111 KB (Results itself is Options').
 * #26 raised the background's to 46 KB: it formats and sends watched searches' new jobs to five kinds of
 * destination through an outbox that outlives it (about 3 KB); the destinations' code stays out of the panel.
 */
export async function measureSizes() {
  const chrome = await sizes('.output/chrome-mv3');
  const firefox = await sizes('.output/firefox-mv2');
  record('content script, minified (Chrome)', 'KB', [chrome.content / 1024], { budget: 12 });
  record('content script, minified (Firefox)', 'KB', [firefox.content / 1024], { budget: 12 });
  record('side panel JS, gzipped', 'KB', [chrome.panel / 1024], { budget: 111 });
  record('background, gzipped', 'KB', [chrome.background / 1024], { budget: 46 });
}
