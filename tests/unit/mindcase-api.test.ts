import { describe, expect, it } from 'vitest';
import { createMindcaseApi } from '@/utils/mindcase/api';

function fake(answers: unknown[]) {
  const calls: Array<{ url: string; method: string; body: unknown; auth: string }> = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    const headers = init?.headers as Record<string, string>;
    calls.push({ url: String(url), method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : null, auth: headers.authorization ?? '' });
    return new Response(JSON.stringify(answers.shift()), { status: 200 });
  };
  return { calls, client: createMindcaseApi('mk_live_abc', { fetch: fetch as typeof globalThis.fetch, now: () => 0 }) };
}

describe('Mindcase client', () => {
  it('puts several jobs into one run, with a Bearer key', async () => {
    const { calls, client } = fake([{ job_id: 'job_1', status: 'queued', agent: 'upwork/jobs', created_at: '2026-11-23T00:00:00Z' }]);
    const run = await client.startJobsRun(['https://www.upwork.com/jobs/~022051005096520707758', 'https://www.upwork.com/jobs/~022049912345678901234']);
    expect(run.status).toBe('queued');
    expect(calls[0]).toMatchObject({
      url: 'https://api.mindcase.co/api/v1/agents/upwork/jobs/run',
      method: 'POST',
      auth: 'Bearer mk_live_abc',
      body: { params: { inputs: ['https://www.upwork.com/jobs/~022051005096520707758', 'https://www.upwork.com/jobs/~022049912345678901234'], limit: 2 } },
    });
  });

  it("accepts the seed's immediate completed answer with its rows", async () => {
    const { client } = fake([
      {
        job_id: 'job_7f3a2b1c',
        status: 'completed',
        data: [{ jobUrl: 'https://www.upwork.com/jobs/~022051005096520707758', jobTitle: 'Label design', budget: 500, workload: null }],
      },
    ]);
    const run = await client.startJobsRun(['~022051005096520707758']);
    expect(run.data?.[0]).toMatchObject({ jobTitle: 'Label design', budget: 500, workload: null });
  });

  it('reads the credits left', async () => {
    const { client } = fake([{ credits_remaining: 1234 }]);
    expect(await client.credits()).toBe(1234);
  });
});
