import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { followTab, usePanel } from '@/utils/ui/panel-store';
import { jobView } from '@/utils/ui/job-view';
import { clientJobsEntries, tabStates } from '@/utils/client/stored';
import { ClientJobsSchema } from '@/utils/uphunt/schemas';
import { tabState } from './tab-state';

const NORTHWIND = '1991212616395436888';
const OTHER = '1744032957718093824';
const OTHER_JOB = 'https://www.upwork.com/jobs/~022049912345678901234';
const history = (companyId: string, name: string) => ({ storedAt: Date.now(), value: ClientJobsSchema.parse({ companyId, buyer: { company: { name } } }) });
const view = () => jobView(usePanel.getState());
const asked: Array<{ type: string; data: unknown }> = [];

beforeEach(() => {
  asked.length = 0;
  // The background: every message the panel sends is noted and answered.
  fakeBrowser.runtime.onMessage.addListener((message: { type: string; data: unknown }, _sender: unknown, reply: (answer: unknown) => void) => {
    asked.push({ type: message.type, data: message.data });
    reply({ res: null });
    return true;
  });
});
afterEach(() => fakeBrowser.reset());

describe('the store the panel and the popup share', () => {
  it("shows the tab's job with its client, and never one client's history under another client's job", async () => {
    const tab = await fakeBrowser.tabs.create({ url: tabState().url });
    await tabStates.set(tab.id!, tabState());
    await clientJobsEntries.set(NORTHWIND, history(NORTHWIND, 'Northwind Analytics GmbH'));
    await clientJobsEntries.set(OTHER, history(OTHER, 'Blue Harbor Studio'));
    await followTab(tab.id!);
    expect(view()).toMatchObject({ ciphertext: '~022051005096520707758', clientName: 'Northwind Analytics GmbH' });
    expect(asked).toEqual([]);

    // The tab opens another client's job: its state is written first, the history follows from storage.
    const shown: Array<string | null> = [];
    const stop = usePanel.subscribe((panel) => {
      const next = jobView(panel);
      if (next.ciphertext === '~022049912345678901234') shown.push(next.clientName);
    });
    await fakeBrowser.tabs.update(tab.id!, { url: OTHER_JOB });
    usePanel.setState({ tabUrl: OTHER_JOB });
    await tabStates.set(tab.id!, tabState({ url: OTHER_JOB, ciphertext: '~022049912345678901234', companyId: OTHER }));
    await expect.poll(() => view().clientName).toBe('Blue Harbor Studio');
    expect(usePanel.getState().entry?.value.companyId).toBe(OTHER);
    stop();
    expect(shown).not.toContain('Northwind Analytics GmbH');
  });

  it('asks the background to look the tab up when nothing stored is about its page', async () => {
    const tab = await fakeBrowser.tabs.create({ url: OTHER_JOB });
    // What is stored describes the job the tab showed before.
    await tabStates.set(tab.id!, tabState());
    await followTab(tab.id!);
    expect(view().current).toBeNull();
    expect(asked).toEqual([{ type: 'lookupTab', data: { tabId: tab.id, force: false, findMore: false } }]);
  });
});
