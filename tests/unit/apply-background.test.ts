import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createFreelancerList, FREELANCERS_WAKE, forgetKeyProblems, loadFreelancers } from '@/utils/apply/background';
import { freelancerList } from '@/utils/apply/stored';
import { keysItem } from '@/utils/keys';
import { fakeWakeUps } from './fake-wake-ups';

const AGENCY = [{ id: 'a', name: 'Ada Novak', profiles: [{ profileId: '2', title: 'Data engineer' }] }];
const calls: string[] = [];
/** UpHunt answers each call with the next answer given, the last one again once they run out. */
function uphuntAnswers(...answers: Array<{ status: number; body: unknown; headers?: Record<string, string> }>) {
  vi.stubGlobal('fetch', async (url: string) => {
    calls.push(new URL(url).pathname);
    const next = answers.length > 1 ? answers.shift()! : answers[0]!;
    return new Response(JSON.stringify(next.body), { status: next.status, headers: next.headers });
  });
}

beforeEach(async () => {
  calls.length = 0;
  await keysItem.setValue({ uphunt: 'sk_uphunt_test', mindcase: '' });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  fakeBrowser.reset();
});

describe("the agency's freelancers, as the apply form gets them", () => {
  it('are asked once and kept for minutes; Refresh asks again', async () => {
    uphuntAnswers({ status: 200, body: AGENCY });
    expect((await loadFreelancers(false)).value?.freelancers[0]?.name).toBe('Ada Novak');
    await loadFreelancers(false);
    expect(calls).toHaveLength(1);
    await loadFreelancers(true);
    expect(calls).toHaveLength(2);
  });

  it('a failed refresh keeps the last list beside its problem, so the form can still apply', async () => {
    uphuntAnswers({ status: 200, body: AGENCY }, { status: 503, body: { error: 'down' } });
    await loadFreelancers(false);
    const failed = await loadFreelancers(true);
    expect(failed.problem).toMatchObject({ kind: 'server', status: 503 });
    expect(failed.value?.freelancers[0]?.name).toBe('Ada Novak');
  });

  it("within a 429's Retry-After not even Refresh calls; the background asks again when it ends", async () => {
    uphuntAnswers({ status: 429, body: { error: 'slow down' }, headers: { 'retry-after': '30' } }, { status: 200, body: AGENCY });
    const { wake, handlers, timers } = fakeWakeUps();
    const load = createFreelancerList(wake);
    const limited = await load(true);
    expect(limited.problem?.kind).toBe('rate_limited');
    await load(true);
    expect(calls).toHaveLength(1);
    const [name, at] = timers.at(-1)!;
    expect(name).toBe(FREELANCERS_WAKE);
    expect(at! - Date.now()).toBeGreaterThan(25_000);
    // The Retry-After is over: the wake-up asks UpHunt again, and the list comes in.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(at! + 1);
    handlers.get(FREELANCERS_WAKE)!();
    await vi.waitFor(async () => expect(((await freelancerList.getValue()) as { problem: unknown }).problem).toBeNull());
    expect((await loadFreelancers(false)).value?.freelancers).toHaveLength(1);
    expect(calls).toHaveLength(2);
  });

  it('a key fixed in Options clears the rejected key’s message and asks again at once', async () => {
    uphuntAnswers({ status: 401, body: { error: 'Invalid or missing API key' } }, { status: 200, body: AGENCY });
    expect((await loadFreelancers(false)).problem?.kind).toBe('unauthorized');
    await keysItem.setValue({ uphunt: 'sk_uphunt_fixed', mindcase: '' });
    await forgetKeyProblems();
    const entry = await loadFreelancers(false);
    expect(entry.problem).toBeNull();
    expect(entry.value?.freelancers[0]?.name).toBe('Ada Novak');
  });
});
