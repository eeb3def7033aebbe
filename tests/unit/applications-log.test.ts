import { describe, expect, it } from 'vitest';
import type { Application } from '@/utils/apply/stored';
import { applicationsLog } from '@/utils/apply/log';

const app = (fields: Partial<Application>): Application =>
  ({
    id: 'a1',
    ciphertext: '~022051005096520707758',
    jobTitle: 'Logo',
    clientName: 'Acme',
    freelancerName: 'Ada',
    createdAt: 2000,
    settledAt: 3000,
    phase: 'settled',
    status: 'applied',
    queueId: 'q1',
    ...fields,
  }) as Application;

describe('applicationsLog', () => {
  it('merges UpHunt’s list with ours without doubles, newest first, and leaves out cancelled ones', () => {
    const log = applicationsLog(
      [app({}), app({ id: 'a2', phase: 'cancelled', queueId: null, createdAt: 5000 })],
      [
        { queueId: 'q1', jobId: '~022051005096520707758', applicationStatus: 'applied', createdAt: 2000 },
        { queueId: 'q9', jobId: 'https://www.upwork.com/jobs/~022049912345678901234', jobTitle: 'Shop', applicationStatus: 'not_eligible', createdAt: 4000 },
      ],
    );
    expect(log.map((e) => [e.title, e.status, e.source, e.url])).toEqual([
      ['Shop', 'not eligible', 'uphunt', 'https://www.upwork.com/jobs/~022049912345678901234'],
      ['Logo', 'Applied', 'here', 'https://www.upwork.com/jobs/~022051005096520707758'],
    ]);
  });

  it("says the Connects the page asked for an application sent from here; unknown for UpHunt's own list, never 0", () => {
    const log = applicationsLog([app({ connects: 16 })], [{ queueId: 'q9', jobId: '~022049912345678901234', applicationStatus: 'applied' }]);
    expect(log.map((e) => [e.source, e.connects])).toEqual([
      ['here', 16],
      ['uphunt', null],
    ]);
  });
});
