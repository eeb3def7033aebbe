/**
 * Properties over thousands of random inputs: an API answer grown with fields nobody published is still read the
 * same, and a message is accepted only when it has exactly the shape the protocol allows.
 */
import fc from 'fast-check';
import type * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '@/utils/messaging/messages';
import { PageReadSchema } from '@/utils/upwork/schemas';
import { CreditsSchema, JobRowSchema, ResultsSchema, RunSchema } from '@/utils/mindcase/schemas';
import { AppliedJobsSchema, StatusAnswerSchema } from '@/utils/uphunt/apply-schemas';
import { ClientJobsSchema, companyIdFromArchivedJob, FreelancersSchema } from '@/utils/uphunt/schemas';
import { companyIdFromNuxt, decodeNuxtData, digestPage } from '@/utils/upwork/nuxt';
import { CLIENTS, FREELANCERS, JOBS, NORTHWIND } from '../sandbox/data';
import { nuxtData } from '../sandbox/upwork-pages';

const RUNS = { numRuns: 2000 };
const cipher = fc.bigInt({ min: 10n ** 17n, max: 10n ** 19n - 1n }).map((n) => `~02${n}`);

describe('schemas over random JSON', () => {
  // A valid answer of each kind: an answer UpHunt or Mindcase grows with fields nobody published must still be read.
  const answers: Array<[string, z.ZodMiniType, unknown]> = [
    ['ClientJobs', ClientJobsSchema, CLIENTS.get(NORTHWIND)!.record],
    ['Freelancers', FreelancersSchema, FREELANCERS],
    ['StatusAnswer', StatusAnswerSchema, { queueId: 'q1', applicationStatus: 'processing' }],
    ['AppliedJobs', AppliedJobsSchema, { items: [{ jobId: '~021', applicationStatus: 'applied' }] }],
    ['Credits', CreditsSchema, { credits_remaining: 12 }],
    ['Run', RunSchema, { id: 'job_1', status: 'running' }],
    ['Results', ResultsSchema, { status: 'completed', data: [{ jobUrl: 'https://www.upwork.com/jobs/~021', jobTitle: 'x' }] }],
    ['JobRow', JobRowSchema, { jobUrl: 'https://www.upwork.com/jobs/~021', jobTitle: 'x' }],
  ];
  const unknownFields = fc.dictionary(
    fc.string({ minLength: 1 }).map((key) => `x_${key}`),
    fc.jsonValue(),
  );
  for (const [name, schema, answer] of answers) {
    it(`${name}: fields nobody published, of any value, never break an answer that is read, nor change what is read of it`, () => {
      const read = schema.parse(answer);
      fc.assert(
        fc.property(unknownFields, (extra) => {
          expect(schema.parse({ ...extra, ...(answer as object) })).toMatchObject(read as object);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('an archived job yields a companyId only where one is written, and only an 15–20 digit one', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const id = companyIdFromArchivedJob(value);
        expect(id === null || /^\d{15,20}$/.test(id)).toBe(true);
      }),
      RUNS,
    );
  });

  it("a page's state, with any values beside it, names its own job's client and never another job's", () => {
    const job = fc.constantFrom(...JOBS);
    fc.assert(
      fc.property(job, fc.array(fc.jsonValue()), cipher, (described, noise, other) => {
        // What else the page's state holds (other stores, other jobs' numbers) sits beside the job it describes.
        const flat = [...(JSON.parse(nuxtData({ job: described, includeCompany: true })) as unknown[]), ...noise];
        const state = decodeNuxtData(JSON.stringify(flat));
        expect(companyIdFromNuxt(state, described.ciphertext)).toBe(described.companyId);
        fc.pre(other !== described.ciphertext);
        expect(companyIdFromNuxt(state, other)).toBeNull();
      }),
      RUNS,
    );
  });

  it('a job page whose state is random JSON, or not JSON at all, is still read, and names no client', () => {
    const state = fc.oneof(
      fc.array(fc.jsonValue(), { minLength: 1 }).map((flat) => JSON.stringify(flat)),
      fc.string(),
    );
    fc.assert(
      fc.property(state, cipher, (nuxt, ciphertext) => {
        const read = { url: `https://www.upwork.com/jobs/${ciphertext}`, ciphertext, strategy: 'url' as const, nuxt, viewerState: null };
        const page = digestPage({ ...read, client: null, otherJobs: [], openJobs: [], text: null, design: null });
        expect(page).toMatchObject({ kind: 'job', ciphertext, companyIdHint: null });
      }),
      RUNS,
    );
  });
});

// Thousands of random messages against every message's schema: seconds on a busy machine, not the default 5.
describe('message validation', { timeout: 30_000 }, () => {
  it('refuses whatever a page sends that is not a message object, and an object of random fields', () => {
    const schemas = Object.values(MESSAGES).flatMap((m) => (m.schema ? [m.schema] : []));
    const notAMessage = fc.oneof(
      fc.anything().filter((value) => typeof value !== 'object' || value === null || Array.isArray(value)),
      fc.dictionary(fc.string(), fc.anything()),
    );
    fc.assert(
      fc.property(notAMessage, (value) => {
        for (const schema of schemas) expect(schema.safeParse(value).success).toBe(false);
      }),
      RUNS,
    );
  });

  it('accepts a well-formed pageSeen and refuses it with any one field broken', () => {
    const page = fc.record({
      url: fc.webUrl().filter((u) => u.length <= 4096),
      ciphertext: fc.option(cipher, { nil: null }),
      strategy: fc.constantFrom('url', 'attribute', 'link', null),
      otherJobs: fc.array(cipher, { maxLength: 50 }),
      text: fc.option(fc.string(), { nil: null }),
      design: fc.option(fc.string({ maxLength: 500 }), { nil: null }),
    });
    const broken = fc.constantFrom(
      ['ciphertext', '~02<script>'],
      ['strategy', 'guess'],
      ['openJobs', ['/jobs/~02<script>']],
      ['url', 'x'.repeat(5000)],
      ['text', 'x'.repeat(30_001)],
    );
    fc.assert(
      fc.property(page, broken, (valid, [field, bad]) => {
        expect(PageReadSchema.safeParse(valid).success).toBe(true);
        expect(PageReadSchema.safeParse({ ...valid, [field]: bad }).success).toBe(false);
      }),
      RUNS,
    );
  });

  it('takes at most 200 tiles per message', () => {
    fc.assert(
      fc.property(fc.array(cipher, { minLength: 0, maxLength: 260 }), (ciphertexts) => {
        const tiles = ciphertexts.map((ciphertext) => ({
          ciphertext,
          title: 'T',
          paymentVerified: null,
          totalSpent: null,
          rating: null,
          country: null,
          proposals: null,
        }));
        expect(MESSAGES.tiles.schema.safeParse({ tiles }).success).toBe(ciphertexts.length <= 200);
      }),
      { numRuns: 300 },
    );
  });
});
