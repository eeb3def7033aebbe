import { describe, expect, it } from 'vitest';
import type { Application } from '@/utils/apply/stored';
import { createApplyQueue } from '@/utils/apply/queue';
import { statusText } from '@/utils/apply/status';
import type { ApplyRequest } from '@/utils/apply/request';
import { ApiError } from '@/utils/http';
import type { ApplicationStatus, StatusAnswer } from '@/utils/uphunt/apply-schemas';

const JOB = '~022051005096520707758';
const draft: ApplyRequest = {
  ciphertext: JOB,
  jobTitle: 'Job',
  companyId: '1',
  clientName: 'Acme',
  profileId: 'p1',
  freelancerName: 'Ada',
  coverLetter: 'Hello',
  hourlyRate: 40,
  timeline: '1 to 3 months',
  connects: 16,
};

/** A browser: storage that outlives workers, a fake clock, and a fake UpHunt whose outcome the test sets. */
function world() {
  let apps: Application[] = [];
  let now = 1_000_000;
  let ids = 0;
  let outcome: ApplicationStatus = 'processing';
  const posts: unknown[] = [];
  const statusCalls: string[] = [];
  const notified: Application[] = [];
  let wake: number | null = null;
  let awake = false;
  let failPost: Error | null = null;
  let dieAfterPost: Error | null = null;
  let failStatus: Error | null = null;
  const postedAt: number[] = [];
  const queued = new Map<string, string>();
  const answer = (queueId: string): StatusAnswer => ({
    jobId: JOB,
    applicationStatus: outcome,
    queueId,
    errorMessage: outcome === 'failed' ? 'Captcha' : null,
  });
  const uphunt = {
    apply: async (request: unknown) => {
      posts.push(request);
      postedAt.push(now);
      if (failPost) throw failPost;
      const queueId = `q${posts.length}`;
      queued.set(JOB, queueId);
      if (dieAfterPost) throw dieAfterPost;
      return { queueId, creditsRemaining: 9 };
    },
    statusByQueue: async (queueId: string) => {
      statusCalls.push(`queue ${queueId}`);
      return answer(queueId);
    },
    statusByJob: async (jobId: string) => {
      statusCalls.push(`job ${jobId}`);
      if (failStatus) throw failStatus;
      const queueId = queued.get(jobId);
      if (!queueId) throw new ApiError({ service: 'UpHunt', kind: 'not_found', status: 404, detail: 'none', retryAt: null });
      return answer(queueId);
    },
  };
  const worker = () =>
    createApplyQueue({
      uphunt: async () => uphunt,
      read: async () => apps,
      write: async (next) => void (apps = next),
      now: () => now,
      newId: () => `app${++ids}`,
      wakeAt: (time) => void (wake = time),
      keepAwake: async (on) => void (awake = on),
      notify: async (app) => void notified.push(app),
      undoMs: async () => 3_000,
    });
  return {
    worker,
    posts,
    statusCalls,
    notified,
    apps: () => apps,
    wake: () => wake,
    awake: () => awake,
    setOutcome: (s: ApplicationStatus) => (outcome = s),
    postedAt,
    failPostWith: (e: Error | null) => (failPost = e),
    /** UpHunt queues it, and the answer is lost or broken on the way back. */
    dieAfterPost: (e: Error = new TypeError('Failed to fetch')) => (dieAfterPost = e),
    failStatusWith: (e: Error | null) => (failStatus = e),
    /** An application to the job UpHunt holds from elsewhere (the dashboard, another browser). */
    holdElsewhere: (queueId: string) => void queued.set(JOB, queueId),
    /** Moves the clock to the next wake-up and lets the worker act on it. */
    async run(queue: ReturnType<typeof createApplyQueue>, until = Infinity) {
      for (let i = 0; i < 200 && wake !== null && wake <= until; i++) {
        now = Math.max(now, wake);
        await queue.tick();
      }
    },
    advance: (ms: number) => (now += ms),
    now: () => now,
  };
}

/** A new worker, `ms` later, UpHunt having applied: it picks up what the last one left, and runs until it rests. */
async function restartLater(w: ReturnType<typeof world>, ms: number) {
  w.advance(ms);
  const next = w.worker();
  w.setOutcome('applied');
  await next.tick();
  await w.run(next);
}

/** One application whose POST UpHunt answers with `error`, run until it rests. */
async function refusedBy(error: Error) {
  const w = world();
  const q = w.worker();
  w.failPostWith(error);
  await q.submit(draft);
  await w.run(q);
  return { w, q };
}

describe('apply queue', () => {
  it('a 409 reads as already applied or in progress: the application UpHunt has is found by job and followed to its end, never sent again', async () => {
    const w = world();
    const q = w.worker();
    w.holdElsewhere('q-elsewhere');
    w.failPostWith(new ApiError({ service: 'UpHunt', kind: 'conflict', status: 409, detail: 'Already applied to this job', retryAt: null }));
    await q.submit(draft);
    await w.run(q, w.now() + 3_000);
    expect(w.apps()[0]).toMatchObject({ phase: 'queued', queueId: 'q-elsewhere', status: 'processing' });
    w.setOutcome('applied');
    await w.run(q);
    expect(w.apps()[0]).toMatchObject({ phase: 'settled', status: 'applied' });
    expect(w.posts).toHaveLength(1);
    expect(w.statusCalls[0]).toBe(`job ${JOB}`);
  });

  it('a 409 whose application UpHunt cannot name yet is asked about again, and never sent again', async () => {
    const { w } = await refusedBy(
      new ApiError({ service: 'UpHunt', kind: 'conflict', status: 409, detail: 'An application is already processing', retryAt: null }),
    );
    expect(w.posts).toHaveLength(1);
    expect(w.apps()[0]!.phase).toBe('stalled');
    expect(w.statusCalls.length).toBeGreaterThan(1);
  });

  it("a 402 says UpHunt's words and updates the credits the guard knows", async () => {
    const { w } = await refusedBy(
      new ApiError(
        { service: 'UpHunt', kind: 'payment_required', status: 402, detail: 'Insufficient auto-apply credits', retryAt: null },
        { creditsRemaining: 0, needsCredits: true },
      ),
    );
    expect(w.apps()[0]).toMatchObject({ phase: 'not_sent', creditsRemaining: 0, problem: { detail: 'Insufficient auto-apply credits' } });
  });

  it('waits out the undo moment, sends once, polls on UpHunt’s schedule and settles', async () => {
    const w = world();
    const q = w.worker();
    const app = await q.submit(draft);
    expect(app.phase).toBe('scheduled');
    expect(w.wake()).toBe(app.createdAt + 3_000);
    expect(w.posts).toHaveLength(0);

    await w.run(q, app.createdAt + 3_000 + 60_000);
    expect(w.posts).toEqual([{ jobId: JOB, coverLetter: 'Hello', proposal: { hourlyRate: 40, timeline: '1 to 3 months' }, profileId: 'p1' }]);
    // Every 5 s in the first minute.
    expect(w.statusCalls.length).toBeGreaterThanOrEqual(11);
    expect(w.statusCalls.length).toBeLessThanOrEqual(12);
    const before = w.statusCalls.length;
    await w.run(q, app.createdAt + 3_000 + 120_000);
    // Then every 15 s.
    expect(w.statusCalls.length - before).toBe(4);

    w.setOutcome('applied');
    await w.run(q);
    expect(w.apps()[0]).toMatchObject({ phase: 'settled', status: 'applied', queueId: 'q1', creditsRemaining: 9 });
    expect(w.notified).toHaveLength(1);
    expect(w.awake()).toBe(false);
  });

  it('stops after 5 minutes and says so; Check now still asks', async () => {
    const w = world();
    const q = w.worker();
    await q.submit(draft);
    await w.run(q);
    expect(w.apps()[0]!.phase).toBe('stalled');
    expect(w.wake()).toBeNull();
    w.setOutcome('not_enough_connects');
    await q.checkNow('app1');
    expect(w.apps()[0]).toMatchObject({ phase: 'settled', status: 'not_enough_connects' });
  });

  it('a double click, a second panel or the popup get the same application, and one POST', async () => {
    const w = world();
    const q = w.worker();
    const [a, b] = await Promise.all([q.submit(draft), q.submit({ ...draft, coverLetter: 'Other' })]);
    const c = await w.worker().submit(draft);
    expect(new Set([a.id, b.id, c.id]).size).toBe(1);
    w.setOutcome('applied');
    await w.run(q);
    await q.submit(draft);
    await w.run(q);
    expect(w.posts).toHaveLength(1);
  });

  it('undo before the moment passes sends nothing', async () => {
    const w = world();
    const q = w.worker();
    const app = await q.submit(draft);
    expect(await q.undo(app.id)).toBe(true);
    await w.run(q);
    expect(w.posts).toHaveLength(0);
    expect(w.apps()[0]!.phase).toBe('cancelled');
  });

  it('an immediate refusal (402) is "not sent" with its reason, and nothing is retried', async () => {
    const { w } = await refusedBy(new ApiError({ service: 'UpHunt', kind: 'payment_required', status: 402, detail: 'No credits', retryAt: null }));
    expect(w.apps()[0]).toMatchObject({ phase: 'not_sent', problem: { kind: 'payment_required' } });
    expect(w.posts).toHaveLength(1);
  });

  it('a worker that died after the POST left finds the application by job, and never posts again', async () => {
    const w = world();
    w.dieAfterPost();
    const q = w.worker();
    await q.submit(draft);
    await w.run(q, w.now() + 3_000);
    expect(w.apps()[0]!.phase).toBe('sending');
    // A new worker, later.
    await restartLater(w, 31_000);
    expect(w.posts).toHaveLength(1);
    expect(w.statusCalls[0]).toBe(`job ${JOB}`);
    expect(w.apps()[0]).toMatchObject({ phase: 'settled', status: 'applied', queueId: 'q1' });
  });

  it('a worker that died before the POST left sends it once, after UpHunt says it never arrived', async () => {
    const w = world();
    const q = w.worker();
    await q.submit(draft);
    // As if the worker wrote `sending` and died before fetch.
    Object.assign(w.apps()[0]!, { phase: 'sending', sendAt: w.now() });
    await restartLater(w, 31_000);
    expect(w.posts).toHaveLength(1);
    expect(w.apps()[0]).toMatchObject({ phase: 'settled', status: 'applied' });
  });

  const problem = (kind: 'server' | 'rate_limited' | 'network', status: number | null, retryAt: number | null = null) =>
    new ApiError({ service: 'UpHunt', kind, status, detail: kind, retryAt });

  it('a 500 that did queue it is found by job, and never posted again', async () => {
    const w = world();
    w.dieAfterPost(problem('server', 500));
    const q = w.worker();
    await q.submit(draft);
    await w.run(q, w.now() + 3_000);
    expect(w.apps()[0]).toMatchObject({ phase: 'sending', problem: { kind: 'server' }, nextCheckAt: w.now() + 5_000 });
    w.setOutcome('applied');
    await w.run(q);
    expect(w.posts).toHaveLength(1);
    expect(w.statusCalls[0]).toBe(`job ${JOB}`);
    expect(w.apps()[0]).toMatchObject({ phase: 'settled', status: 'applied', queueId: 'q1', problem: null });
  });

  it('a 429 waits out its Retry-After, asks by job, and only then sends once more', async () => {
    const w = world();
    const q = w.worker();
    await q.submit(draft);
    const retryAt = w.now() + 3_000 + 42_000;
    w.failPostWith(problem('rate_limited', 429, retryAt));
    await w.run(q, w.now() + 3_000);
    expect(w.apps()[0]).toMatchObject({ phase: 'sending', problem: { kind: 'rate_limited' }, nextCheckAt: retryAt });
    w.failPostWith(null);
    w.setOutcome('applied');
    await w.run(q);
    expect(w.posts).toHaveLength(2);
    expect(w.postedAt[1]).toBeGreaterThanOrEqual(retryAt);
    expect(w.statusCalls[0]).toBe(`job ${JOB}`);
    expect(w.apps()[0]).toMatchObject({ phase: 'settled', status: 'applied', recoveries: 1 });
  });

  it('when UpHunt cannot be asked, it backs off up to a minute, stops after 5 minutes, sends nothing again; Check now asks', async () => {
    const w = world();
    w.dieAfterPost();
    w.failStatusWith(problem('network', null));
    const q = w.worker();
    const app = await q.submit(draft);
    const checks: number[] = [];
    for (let i = 0; i < 40 && w.apps()[0]!.phase !== 'stalled'; i++) {
      await w.run(q, w.wake() ?? 0);
      if (w.apps()[0]!.nextCheckAt) checks.push(w.apps()[0]!.nextCheckAt! - w.now());
    }
    expect(w.apps()[0]).toMatchObject({ phase: 'stalled', queueId: null, problem: { kind: 'network' } });
    expect(w.now() - app.sendAt).toBeLessThan(7 * 60_000);
    expect(Math.max(...checks)).toBe(60_000);
    expect(w.statusCalls.length).toBeLessThan(15);
    expect(w.posts).toHaveLength(1);
    w.failStatusWith(null);
    w.setOutcome('applied');
    await q.checkNow(app.id);
    expect(w.apps()[0]).toMatchObject({ phase: 'settled', status: 'applied' });
    expect(w.posts).toHaveLength(1);
  });

  it('an earlier application to the same job is not taken for this one: it is sent once more', async () => {
    const w = world();
    const q = w.worker();
    w.setOutcome('not_available');
    const first = await q.submit(draft);
    await w.run(q);
    expect(w.apps()[0]).toMatchObject({ id: first.id, phase: 'settled', queueId: 'q1' });
    // The second send is cut off before UpHunt gets it; asked by job, UpHunt names the first application.
    w.failPostWith(problem('network', null));
    await q.submit(draft);
    await w.run(q, w.now() + 5_000);
    expect(w.posts).toHaveLength(2);
    w.failPostWith(null);
    w.setOutcome('applied');
    await w.run(q);
    expect(w.posts).toHaveLength(3);
    expect(w.apps()[1]).toMatchObject({ phase: 'settled', status: 'applied', queueId: 'q3' });
    expect(w.apps()[0]).toMatchObject({ queueId: 'q1', status: 'not_available' });
  });

  it('sends again only after each "never got it", at most twice, then says it was not sent', async () => {
    const w = world();
    w.failPostWith(problem('network', null));
    const q = w.worker();
    await q.submit(draft);
    await w.run(q);
    expect(w.posts).toHaveLength(3);
    expect(w.statusCalls).toEqual([`job ${JOB}`, `job ${JOB}`, `job ${JOB}`]);
    expect(w.apps()[0]).toMatchObject({ phase: 'not_sent', problem: { kind: 'network' } });
  });
});

describe('a proposal sent by hand on Upwork', () => {
  it('is recorded once per job as sent on Upwork (no credit, nothing sent), and then guards the job like any application', async () => {
    const w = world();
    const queue = w.worker();
    await queue.recordSentOnUpwork({ ciphertext: JOB, connects: 12, companyId: null });
    await queue.recordSentOnUpwork({ ciphertext: JOB, connects: 12, companyId: null });
    expect(w.apps()).toHaveLength(1);
    expect(w.apps()[0]).toMatchObject({ via: 'upwork', phase: 'settled', status: 'applied', connects: 12 });
    expect(statusText(w.apps()[0]!).title).toBe('Sent on Upwork');
    // Auto-apply to the same job gets the application already there, and posts nothing.
    expect(await queue.submit(draft)).toMatchObject({ via: 'upwork' });
    expect(w.posts).toHaveLength(0);
  });
});
