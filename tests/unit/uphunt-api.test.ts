import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/utils/http';
import { createUpHuntApi } from '@/utils/uphunt/api';
import { ClientJobsSchema, companyIdFromArchivedJob } from '@/utils/uphunt/schemas';

/** The example answer of UpHunt's "Get Client Jobs" document (seed 000), copied verbatim. */
function seedExample(): unknown {
  return JSON.parse(readFileSync('tests/fixtures/uphunt-client-jobs.seed.json', 'utf8'));
}

function recorder(body: unknown = { ok: true }, status = 200) {
  const calls: Array<{ url: string; headers: Record<string, string> }> = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), headers: init?.headers as Record<string, string> });
    return new Response(JSON.stringify(body), { status });
  };
  return { calls, deps: { fetch: fetch as typeof globalThis.fetch, now: () => 0 } };
}

describe('UpHunt client', () => {
  it('sends a current key in x-api-key to the current paths', async () => {
    const { calls, deps } = recorder(seedExample());
    await createUpHuntApi('sk_uphunt_abc', deps).clientJobs('1991212616395436888');
    expect(calls).toEqual([
      { url: 'https://uphunt.io/api/clients/1991212616395436888/jobs', headers: { 'x-api-key': 'sk_uphunt_abc', accept: 'application/json' } },
    ]);
  });

  it('never sends a retired up_ key, nor any Bearer: it says the key was retired', async () => {
    const { calls, deps } = recorder(seedExample());
    const client = createUpHuntApi(' up_abc ', deps);
    await expect(client.clientJobs('1991212616395436888')).rejects.toMatchObject({ problem: { kind: 'retired_key' } });
    await expect(client.apply({ jobId: '~022051005096520707758', coverLetter: 'Hi' })).rejects.toMatchObject({ problem: { kind: 'retired_key' } });
    expect(calls).toEqual([]);
    const current = createUpHuntApi('sk_uphunt_abc', deps);
    await current.freelancers().catch(() => undefined);
    expect(calls.map((c) => [c.url, c.headers])).toEqual([
      ['https://uphunt.io/api/auto-apply-v2/freelancers', { 'x-api-key': 'sk_uphunt_abc', accept: 'application/json' }],
    ]);
  });

  it('asks by-ciphertext with the cipher as a query parameter and reads the buyer company', async () => {
    const { calls, deps } = recorder({
      authJobDetailsResponse: { data: { jobAuthDetails: { buyer: { info: { company: { companyId: '1991212616395436888' } } } } } },
    });
    const companyId = await createUpHuntApi('sk_uphunt_abc', deps).companyIdForCiphertext('~022051005096520707758');
    expect(companyId).toBe('1991212616395436888');
    expect(calls[0]!.url).toBe('https://uphunt.io/api/jobs/by-ciphertext?cipher=~022051005096520707758');
  });

  it('refuses to call without a key', async () => {
    const { calls, deps } = recorder();
    await expect(createUpHuntApi('  ', deps).clientJobs('1')).rejects.toBeInstanceOf(ApiError);
    expect(calls).toHaveLength(0);
  });
});

describe('UpHunt schemas', () => {
  it("parse the seed's example answer", () => {
    const parsed = ClientJobsSchema.parse(seedExample());
    expect(parsed.buyer?.company?.name).toBe('Acme Inc.');
    expect(parsed.workHistory[0]?.feedback).toBeNull();
    expect(parsed.archivedJobIds).toEqual(['2040846723050472167']);
  });

  it('tolerate the fields the contract says may be null or missing', () => {
    const parsed = ClientJobsSchema.parse({
      companyId: '1991212616395436888',
      lastSyncedAt: null,
      buyer: { company: null, location: null, stats: null, enterprise: null, avgHourlyJobsRate: null, phoneVerificationStatus: null },
      workHistory: [{ jobInfo: { title: 'Private', id: '1', ciphertext: null }, feedback: { score: '4.5', comment: null }, feedbackToClient: null }],
    });
    expect(parsed.openJobs).toEqual([]);
    expect(parsed.workHistory[0]?.feedback?.score).toBe(4.5);
  });

  it('find the companyId in either of Upwork payloads, or nowhere', () => {
    expect(companyIdFromArchivedJob({ jobDetailsResponse: { data: { jobPubDetails: { buyer: { company: { companyId: '1744032957718093824' } } } } } })).toBe(
      '1744032957718093824',
    );
    // As a JSON number the id has already lost digits: not trusted.
    expect(companyIdFromArchivedJob({ job: { jobAuthDetails: { buyer: { info: { company: { companyId: 1744032957718093824 } } } } } })).toBeNull();
    expect(companyIdFromArchivedJob({ something: 'else' })).toBeNull();
    expect(companyIdFromArchivedJob(null)).toBeNull();
  });
});

describe('shapes nobody published, read tolerantly', () => {
  it('freelancers: the assumed object or a bare array, ids as strings or numbers', async () => {
    const { FreelancersSchema } = await import('@/utils/uphunt/schemas');
    const ada = { id: 17, name: 'Ada', profiles: [{ profileId: 1700000000000000, title: 'Dev', isDefault: true }] };
    expect(FreelancersSchema.parse([ada])).toEqual(FreelancersSchema.parse({ freelancers: [ada] }));
    expect(FreelancersSchema.parse([ada]).freelancers[0]).toMatchObject({ id: '17', profiles: [{ profileId: '1700000000000000' }] });
  });

  it('applied jobs: the assumed page or a bare array, ids as strings or numbers', async () => {
    const { AppliedJobsSchema } = await import('@/utils/uphunt/apply-schemas');
    const item = { queueId: 5, jobId: '~022051005096520707758', applicationStatus: 'applied', profileId: 9 };
    expect(AppliedJobsSchema.parse([item])).toMatchObject({ items: [{ queueId: '5', profileId: '9' }], total: 1 });
    expect(AppliedJobsSchema.parse({ items: [item], total: 40 }).total).toBe(40);
  });
});
