/**
 * The badge beside a job tile's title: plain DOM in a closed shadow root, so Upwork's styles do not reach it
 * and its styles do not leak into Upwork. No UI framework: it ships in the content script.
 */
import type { BadgeView } from '@/utils/upwork/tiles';

const COLOURS = { good: '#108a00', fair: '#9a6700', risky: '#b42318' } as const;
const STYLE = `:host{all:initial;display:inline-block;margin-left:6px;vertical-align:middle}
button{font:600 11px/1.6 system-ui,sans-serif;border:1px solid currentColor;border-radius:10px;padding:0 7px;background:#fff;cursor:pointer}
button:focus-visible{outline:2px solid currentColor;outline-offset:1px}`;

export const BADGE_HOST = 'uphunt-tile-badge';

export function renderBadge(host: HTMLElement, view: BadgeView, onOpen: () => void): void {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  root.replaceChildren();
  const style = document.createElement('style');
  style.textContent = STYLE;
  const button = document.createElement('button');
  button.type = 'button';
  button.style.color = COLOURS[view.tone];
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
