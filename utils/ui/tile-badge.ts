/**
 * The badge beside a job tile's title, the fold of a tile the list rules hide, and the count of hidden tiles:
 * plain DOM in shadow roots, so Upwork's styles do not reach them and theirs do not leak into Upwork. No UI
 * framework: they ship in the content script.
 */
import type { TileView } from '@/utils/lists/tiles-answer';

// Each tone meets WCAG AA (4.5:1) on its own background, light and dark.
const STYLE = `:host{all:initial;display:inline-block;margin-left:6px;font:600 11px/1.6 system-ui;--b:#fff;--g:#108a00;--f:#8a5c00;--r:#b42318;--t:#333}
:host([data-theme=dark]){--b:#181818;--g:#6fdc5b;--f:#f0c04a;--r:#ff8a80;--t:#ddd}
button,span{font:inherit;border:1px solid;border-radius:9px;padding:0 6px;background:var(--b);color:var(--t);cursor:pointer}
.good{color:var(--g)}.fair{color:var(--f)}.risky{color:var(--r)}`;

export const BADGE_HOST = 'uphunt-tile-badge';
export const FOLD_HOST = 'uphunt-fold';
const COUNTER_HOST = 'uphunt-counter';
/** The key that hides the client (or the job) of the focused badge. */
export const HIDE_KEY = 'x';

/** Upwork's dark themes: `dark` (2024–2026) and `ngm-dark` (the 2026 redesign); anything else is light. */
export function pageTheme(): 'dark' | 'light' {
  return /dark/.test(document.documentElement.getAttribute('theme') ?? '') ? 'dark' : 'light';
}

function button(text: string, label: string, className: string, onClick: () => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = className;
  element.textContent = text;
  element.setAttribute('aria-label', label);
  element.title = label;
  element.addEventListener('click', (event) => {
    // The badge sits inside the tile's link area: the click is ours, not a navigation.
    event.preventDefault();
    event.stopPropagation();
    onClick();
  });
  return element;
}

function shadow(host: HTMLElement, ...children: Node[]): void {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  host.dataset.theme = pageTheme();
  root.replaceChildren(style, ...children);
}

export function renderBadge(host: HTMLElement, view: TileView, actions: { open: () => void; hide: (what: 'job' | 'client') => void }): void {
  const badge = button(view.word, `Client: ${view.word} (${view.detail}). Open in the UpHunt panel`, view.tone, actions.open);
  badge.title = `${view.detail} · ${HIDE_KEY.toUpperCase()}: hide`;
  badge.addEventListener('keydown', (event) => {
    if (event.key.toLowerCase() !== HIDE_KEY || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    actions.hide(view.clientKnown ? 'client' : 'job');
  });
  const hideJob = button('✕', 'Hide this job', '', () => actions.hide('job'));
  const hideClient = view.clientKnown ? [button('✕ client', 'Hide this client', '', () => actions.hide('client'))] : [];
  shadow(host, badge, hideJob, ...hideClient);
}

/** Folds a tile to one line: "Hidden: payment not verified · Show" (and Undo for a block of the user's). */
export function foldTile(tile: Element, reason: string, actions: { show: () => void; undo?: () => void }): void {
  let host = tile.querySelector<HTMLElement>(`:scope > ${FOLD_HOST}`);
  if (!host) {
    host = document.createElement(FOLD_HOST);
    tile.prepend(host);
  }
  tile.setAttribute('data-uphunt-hidden', reason);
  const text = document.createTextNode(`Hidden: ${reason} · `);
  const undo = actions.undo ? [button('Undo', `Undo: ${reason}`, '', actions.undo)] : [];
  shadow(host, text, button('Show', `Show this job (hidden: ${reason})`, '', actions.show), ...undo);
  if (!document.getElementById('uphunt-fold-style')) {
    const style = document.createElement('style');
    style.id = 'uphunt-fold-style';
    style.textContent = `[data-uphunt-hidden]>:not(${FOLD_HOST}){display:none!important}`;
    document.head.append(style);
  }
}

export function unfoldTile(tile: Element): void {
  tile.removeAttribute('data-uphunt-hidden');
  tile.querySelector(`:scope > ${FOLD_HOST}`)?.remove();
}

/** The page's count of tiles the rules hid, with the reasons in its title. */
export function renderCounter(reasons: string[]): void {
  let host = document.querySelector<HTMLElement>(COUNTER_HOST);
  if (reasons.length === 0) return void host?.remove();
  if (!host) {
    host = document.createElement(COUNTER_HOST);
    host.style.cssText = 'position:fixed;left:12px;bottom:12px;z-index:2147483646';
    document.body.append(host);
  }
  const label = document.createElement('span');
  label.setAttribute('role', 'status');
  label.textContent = `UpHunt: ${reasons.length} job${reasons.length === 1 ? '' : 's'} hidden`;
  label.title = [...new Set(reasons)].join('\n');
  shadow(host, label);
}
