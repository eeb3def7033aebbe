import { describe, expect, it } from 'vitest';
import { fromExtensionPage, fromUpworkTab } from '@/utils/messaging/sender';

const ID = 'ext-id';
const ORIGIN = 'chrome-extension://ext-id/';
const tab = { id: 7, url: 'https://www.upwork.com/jobs/~022052895097657407455' };

describe('who may message the background', () => {
  it('our content script in the top frame of an Upwork tab, and nothing that only looks like it', () => {
    expect(fromUpworkTab({ id: ID, frameId: 0, url: tab.url, tab }, ID)).toBe(7);
    // A frame inside the page, another extension, a page that is not Upwork's, a look-alike host, plain http.
    expect(fromUpworkTab({ id: ID, frameId: 3, url: tab.url, tab }, ID)).toBeNull();
    expect(fromUpworkTab({ id: 'other', frameId: 0, url: tab.url, tab }, ID)).toBeNull();
    expect(fromUpworkTab({ id: ID, frameId: 0, url: 'https://example.com/', tab: { id: 7, url: 'https://example.com/' } }, ID)).toBeNull();
    expect(fromUpworkTab({ id: ID, frameId: 0, url: 'https://www.upwork.com.evil.test/jobs/', tab }, ID)).toBeNull();
    expect(fromUpworkTab({ id: ID, frameId: 0, url: 'http://www.upwork.com/jobs/', tab }, ID)).toBeNull();
    // No tab (an extension page), or a tab id the browser uses for no real tab.
    expect(fromUpworkTab({ id: ID, frameId: 0, url: tab.url }, ID)).toBeNull();
    expect(fromUpworkTab({ id: ID, frameId: 0, url: tab.url, tab: { id: -1, url: tab.url } }, ID)).toBeNull();
  });

  it("our own pages, by their origin; not a content script's page nor another extension's", () => {
    expect(fromExtensionPage({ id: ID, url: `${ORIGIN}sidepanel.html` }, ID, ORIGIN)).toBe(true);
    expect(fromExtensionPage({ id: ID, url: tab.url, tab }, ID, ORIGIN)).toBe(false);
    expect(fromExtensionPage({ id: 'other', url: 'chrome-extension://other/popup.html' }, ID, ORIGIN)).toBe(false);
    expect(fromExtensionPage({ id: ID }, ID, ORIGIN)).toBe(false);
  });
});
