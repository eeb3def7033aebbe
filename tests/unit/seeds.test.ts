/** The seeds' own examples, read as the extension reads the real APIs' answers. */
import { describe, expect, it } from 'vitest';
import { similarBudget, similarSkills } from '@/utils/mindcase/similar';
import { JobRowSchema, StartRunSchema } from '@/utils/mindcase/schemas';
import { ClientJobsSchema } from '@/utils/uphunt/schemas';
import { seedClient, seedRun } from '../real/seeds';

describe("the seeds' examples", () => {
  it("seed 002: the run answers at once with its row; the four similar jobs' budgets and skills", () => {
    const run = StartRunSchema.parse(seedRun());
    expect(run).toMatchObject({ id: 'job_7f3a2b1c', status: 'completed' });
    const row = JobRowSchema.parse(run.data![0]);
    const similar = row.similarJobs ?? [];
    expect(similar.map(similarBudget)).toEqual(['Hourly, range not given', '$10 fixed', '$25 fixed', '$325 fixed']);
    expect(similarSkills(similar[0]!)).toEqual(['Logo Design', 'Graphic Design', 'Print Design', 'Brand Positioning', 'Branding']);
    expect(similar.every((job) => similarSkills(job).length > 0)).toBe(true);
  });

  it('seed 000: the client-jobs example reads whole', () => {
    const client = ClientJobsSchema.parse(seedClient());
    expect(client.companyId).toBe('1991212616395436888');
    expect(client.buyer?.company?.name).toBe('Acme Inc.');
    expect(client.workHistory.length).toBeGreaterThan(0);
  });
});
