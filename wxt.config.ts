import { defineConfig } from 'wxt';

// The hosts the background may call. Kept in one place so the manifest test pins them.
export const API_HOSTS = ['https://uphunt.io/*', 'https://api.mindcase.co/*'];
export const UPWORK_MATCHES = ['https://www.upwork.com/*'];
export const DESTINATION_ORIGINS = ['https://*/*', 'http://*/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // No auto-imports: every file names what it uses (and one name is never exported twice by accident).
  imports: false,
  hooks: {
    // The content script runs in every Upwork tab all day and must stay small (#17: 12 KB). It uses only
    // runtime messaging, which both browsers offer natively with promises, so it gets WXT's thin `browser`
    // instead of webextension-polyfill (10 KB). Every other context keeps the polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entry) => entry.name === 'upwork')) return;
      const alias = config.resolve?.alias;
      const thin = { find: 'wxt/browser', replacement: '@wxt-dev/browser' };
      config.resolve = {
        ...config.resolve,
        alias: Array.isArray(alias) ? [thin, ...alias] : [thin, ...Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement }))],
      };
    },
  },
  zip: { excludeSources: ['demo-screenshots/**', 'test-results/**', 'playwright-report/**', 'bench-results/**'] },
  manifest: ({ browser }) => ({
    name: 'UpHunt Overlay for Upwork',
    description: "See an Upwork client's hiring history beside the job, and apply through UpHunt.",
    // Chrome needs sidePanel; Firefox gets sidebar_action from the same entrypoint and has no such permission.
    // alarms: wakes the worker to finish a Mindcase run or an application after Chrome stopped it.
    // notifications: says how an application ended when no panel is open to show it.
    permissions: browser === 'firefox' ? ['storage', 'alarms', 'notifications'] : ['storage', 'alarms', 'notifications', 'sidePanel'],
    // upwork.com lets the panel read which Upwork job the active tab shows (tab URLs without "tabs").
    host_permissions: [...UPWORK_MATCHES, ...API_HOSTS],
    // Where watched searches deliver new jobs (ntfy, Slack, Discord, Telegram, a webhook): asked for one origin at a
    // time when the user adds a destination, never held at install.
    ...(browser === 'firefox' ? { optional_permissions: DESTINATION_ORIGINS } : { optional_host_permissions: DESTINATION_ORIGINS }),
    // entrypoints/upwork is an unlisted script declared here, without WXT's content-script context (see there).
    content_scripts: [{ matches: UPWORK_MATCHES, js: ['upwork.js'], run_at: 'document_end' }],
    // A shortcut opens the panel; the toolbar button opens the quick-apply popup.
    commands:
      browser === 'firefox'
        ? { _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+U' }, description: 'Open the UpHunt sidebar' } }
        : { 'open-side-panel': { suggested_key: { default: 'Alt+Shift+U' }, description: 'Open the UpHunt side panel' } },
    browser_specific_settings:
      browser === 'firefox'
        ? {
            gecko: {
              id: 'uphunt-overlay@uphunt-overlay.dev',
              strict_min_version: '142.0',
              // The job and client ids of pages the user opens are sent to UpHunt (and Mindcase when allowed).
              data_collection_permissions: { required: ['browsingActivity'] },
            },
          }
        : undefined,
  }),
});
