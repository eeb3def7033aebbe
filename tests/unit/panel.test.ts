/** One way to open the panel, from the background, the popup and a notification's click, in both browsers. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { hasChromeSidePanel, openPanel } from '@/utils/panel';

const scope = globalThis as { chrome?: unknown };
const withSidebar = browser as unknown as { sidebarAction?: { open(): Promise<void> } };
const original = scope.chrome;

afterEach(() => {
  scope.chrome = original;
  delete withSidebar.sidebarAction;
});

describe('openPanel', () => {
  it("Chrome: the tab's side panel, or the current window's when no tab is named", async () => {
    const open = vi.fn(async () => undefined);
    scope.chrome = { sidePanel: { open }, windows: { WINDOW_ID_CURRENT: -2 } };
    await openPanel(7);
    await openPanel(null);
    expect(open.mock.calls).toEqual([[{ tabId: 7 }], [{ windowId: -2 }]]);
    expect(hasChromeSidePanel()).toBe(true);
  });

  it("Firefox: the sidebar; a browser refusing (outside a click) or having neither rejects, for the caller's fallback", async () => {
    scope.chrome = {};
    const open = vi.fn(async () => undefined);
    withSidebar.sidebarAction = { open };
    await openPanel(7);
    expect(open).toHaveBeenCalledTimes(1);
    expect(hasChromeSidePanel()).toBe(false);
    withSidebar.sidebarAction = {
      open: () => {
        throw new Error('sidebarAction.open may only be called from a user input handler');
      },
    };
    await expect(openPanel(7)).rejects.toThrow('user input handler');
    delete withSidebar.sidebarAction;
    await expect(openPanel(7)).rejects.toThrow('no side panel or sidebar');
  });
});
