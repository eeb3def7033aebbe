import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { recordDroppedMessage, recordPageRead, recordRequestsAndErrors, testConnection } from '@/utils/diagnostics/background';
import { requestJson } from '@/utils/http';
import { activityLog, backgroundErrors, droppedMessages, pageReadings } from '@/utils/diagnostics/stored';
import { keysItem } from '@/utils/keys';
import { pageSeen } from './tab-state';
import * as z from 'zod/mini';

afterEach(() => {
  vi.unstubAllGlobals();
  fakeBrowser.reset();
});

const answer = (status: number, body: unknown) => vi.stubGlobal('fetch', async () => new Response(JSON.stringify(body), { status }));

describe('Test connection', () => {
  it('takes any 2xx from UpHunt as "key accepted", whatever the list looks like', async () => {
    await keysItem.setValue({ uphunt: 'sk_uphunt_test', mindcase: '' });
    answer(200, { data: { members: [] } });
    await expect(testConnection('UpHunt')).resolves.toEqual({
      ok: true,
      message: 'UpHunt accepted the key (its list of freelancers came in a shape this extension does not know).',
    });
    answer(200, [{ id: 1, name: 'Ada', profiles: [] }]);
    await expect(testConnection('UpHunt')).resolves.toEqual({ ok: true, message: 'UpHunt accepted the key (1 freelancer in your agency).' });
    answer(401, { error: 'Invalid or missing API key' });
    await expect(testConnection('UpHunt')).resolves.toMatchObject({ ok: false, message: expect.stringContaining('UpHunt rejected the API key') });
  });

  it('explains a retired up_ key without sending it', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    await keysItem.setValue({ uphunt: 'up_old', mindcase: '' });
    await expect(testConnection('UpHunt')).resolves.toMatchObject({ ok: false, message: expect.stringContaining('This UpHunt key was retired') });
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe("what the background records for Options' diagnostics", () => {
  it('counts a refused message by type and reason, and a job page read without a job as a failure with its path', async () => {
    await recordDroppedMessage('lookupTab', 'sender');
    await recordDroppedMessage('pageSeen', 'shape');
    expect(await droppedMessages.getValue()).toMatchObject({ count: 2, lastType: 'pageSeen', lastReason: 'shape' });
    await recordPageRead(pageSeen());
    await recordPageRead(pageSeen({ ciphertext: null, strategy: null, url: 'https://www.upwork.com/jobs/Some-title_~0?x=1' }));
    expect((await pageReadings.getValue())?.job).toMatchObject({ views: 2, failures: 1, lastPath: '/jobs/Some-title_~0' });
  });

  it('puts every request in Activity without its query values, and counts an error nothing caught', async () => {
    const scope = new EventTarget();
    recordRequestsAndErrors(scope as unknown as Pick<typeof globalThis, 'addEventListener'>);
    vi.stubGlobal('fetch', async () => new Response('{"ok":true}', { status: 200 }));
    await requestJson({
      service: 'UpHunt',
      method: 'GET',
      url: 'https://uphunt.io/api/v1/applied-jobs?limit=100&token=secret',
      headers: {},
      schema: z.object({ ok: z.boolean() }),
    });
    await vi.waitFor(async () => expect(await activityLog.getValue()).toHaveLength(1));
    expect(JSON.stringify(await activityLog.getValue())).not.toContain('secret');
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    scope.dispatchEvent(Object.assign(new Event('error'), { error: new Error('boom') }));
    await vi.waitFor(async () => expect(await backgroundErrors.getValue()).toMatchObject({ count: 1, last: 'boom' }));
  });
});
