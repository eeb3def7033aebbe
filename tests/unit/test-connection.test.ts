import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { testConnection } from '@/utils/diagnostics/background';
import { keysItem } from '@/utils/storage';

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
