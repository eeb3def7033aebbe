/**
 * The badge beside a job tile's title: plain DOM in a closed shadow root, so Upwork's styles do not reach it
 * and its styles do not leak into Upwork. No UI framework: it ships in the content script.
 */
import type { BadgeView } from '@/utils/upwork/tiles';

// Each tone meets WCAG AA (4.5:1) on its own background, light and dark.
const STYLE = `:host{all:initial;display:inline-block;margin-left:6px;vertical-align:middle}
button{font:600 11px/1.6 system-ui,sans-serif;border:1px solid currentColor;border-radius:10px;padding:0 7px;background:#fff;cursor:pointer}
button:focus-visible{outline:2px solid currentColor;outline-offset:1px}
.good{color:#108a00}.fair{color:#8a5c00}.risky{color:#b42318}
:host([data-theme=dark]) button{background:#181818}
:host([data-theme=dark]) .good{color:#6fdc5b}:host([data-theme=dark]) .fair{color:#f0c04a}:host([data-theme=dark]) .risky{color:#ff8a80}`;

/** Upwork's own theme: 2026 pages carry `<html theme="dark">`. */
export function pageTheme(): 'dark' | 'light' {
  return document.documentElement.getAttribute('theme') === 'dark' ? 'dark' : 'light';
}

export const BADGE_HOST = 'uphunt-tile-badge';

export function renderBadge(host: HTMLElement, view: BadgeView, onOpen: () => void): void {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  root.replaceChildren();
  const style = document.createElement('style');
  style.textContent = STYLE;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = view.tone;
  host.dataset.theme = pageTheme();
  button.textContent = view.word;
  button.title = `${view.detail}. Open in the UpHunt panel.`;
  button.setAttribute('aria-label', `Client: ${view.word} (${view.detail}). Open in the UpHunt panel`);
  button.addEventListener('click', (event) => {
    // The badge sits inside the tile's link area: the click is ours, not a navigation.
    event.preventDefault();
    event.stopPropagation();
    onOpen();
  });
  root.append(style, button);
}
