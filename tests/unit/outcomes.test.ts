import { describe, expect, it } from 'vitest';
import { freelancersNamed, jobIdOf, outcomeOf, outcomeText } from '@/utils/apply/outcomes';
import { ClientJobsSchema } from '@/utils/uphunt/schemas';

const NOW = Date.UTC(2026, 11, 5);
const DAY = 86_400_000;
const JOB = '~022052895097657407455';
const AGENCY = ['Angelia Anna Ivanova', 'Angelia Marie Ortiz', 'Bruno Silva', 'Ada Novak'];
const history = (
  contracts: Array<{ ciphertext?: string | null; id?: string | null; contractor: string | null }>,
  open: Array<{ id: string; ciphertext: string | null }> = [],
) =>
  ClientJobsSchema.parse({
    companyId: '1',
    lastSyncedAt: NOW - DAY,
    openJobs: open.map((job) => ({ ...job, title: 'A job' })),
    workHistory: contracts.map(({ ciphertext = null, id = null, contractor }) => ({
      status: 'ACTIVE',
      startDate: '2026-11-20',
      jobInfo: { title: 'A job', ciphertext, id },
      contractorInfo: contractor === null ? null : { contractorName: contractor, ciphertext: null },
    })),
  });
const sent = { ciphertext: JOB, sendAt: NOW - 3 * DAY };

describe('names as UpHunt writes them, matched to the agency’s freelancers', () => {
  it('a first name and initials match the freelancer whose names start so; two that could be either are both named', () => {
    expect(freelancersNamed('Angelia A I.', AGENCY)).toEqual(['Angelia Anna Ivanova']);
    expect(freelancersNamed('Bruno S.', AGENCY)).toEqual(['Bruno Silva']);
    expect(freelancersNamed('Bruno Silva', AGENCY)).toEqual(['Bruno Silva']);
    expect(freelancersNamed('Angelia', AGENCY)).toEqual(['Angelia Anna Ivanova', 'Angelia Marie Ortiz']);
    expect(freelancersNamed('Angelia B.', AGENCY)).toEqual([]);
    expect(freelancersNamed('Carla N.', AGENCY)).toEqual([]);
    // Upwork's own "First L." names the last name, whatever names stand between.
    expect(freelancersNamed('Ada N.', ['Ada Maria Novak', 'Ada Maria Ortiz'])).toEqual(['Ada Maria Novak']);
  });
});

describe('what an application brought, from the client’s later history', () => {
  it('a contract for the job with one of ours: hired you, with the date of UpHunt’s data', () => {
    const outcome = outcomeOf(sent, history([{ ciphertext: JOB, contractor: 'Ada N.' }]), AGENCY, NOW);
    expect(outcome).toEqual({ kind: 'hired-you', contractor: 'Ada N.', ours: ['Ada Novak'], dataAt: NOW - DAY, goneSince: null, jobTitle: 'A job' });
    expect(outcomeText(outcome)).toBe('Hired you (Ada Novak)');
  });

  it('a private contract names the job only by the number in its ciphertext', () => {
    expect(jobIdOf(JOB)).toBe('2052895097657407455');
    expect(outcomeOf(sent, history([{ id: '2052895097657407455', contractor: 'Bruno S.' }]), AGENCY, NOW).kind).toBe('hired-you');
  });

  it('two of ours could be the one hired: "probably"; a name that is none of ours: someone else, named', () => {
    expect(outcomeText(outcomeOf(sent, history([{ ciphertext: JOB, contractor: 'Angelia' }]), AGENCY, NOW))).toBe(
      'Hired you (probably Angelia Anna Ivanova or Angelia Marie Ortiz)',
    );
    expect(outcomeText(outcomeOf(sent, history([{ ciphertext: JOB, contractor: 'Carla N.' }]), AGENCY, NOW))).toBe('Hired someone else: Carla N.');
  });

  it('still open; gone with no contract yet; closed without a hire seen once 14 days have passed', () => {
    expect(outcomeOf(sent, history([], [{ id: '1', ciphertext: JOB }]), AGENCY, NOW).kind).toBe('open');
    expect(outcomeOf(sent, history([{ ciphertext: '~022049912345678901234', contractor: 'Ada N.' }]), AGENCY, NOW).kind).toBe('gone');
    // Counted in UpHunt's data time from the read that first saw it gone: 14 days of its syncs with no contract.
    const gone = outcomeOf(sent, history([]), AGENCY, NOW);
    expect(gone).toMatchObject({ kind: 'gone', goneSince: NOW - DAY });
    expect(outcomeOf(sent, history([]), AGENCY, NOW + 30 * DAY, NOW - 14 * DAY).kind).toBe('gone');
    expect(outcomeOf(sent, history([]), AGENCY, NOW, NOW - 15 * DAY)).toMatchObject({ kind: 'closed', goneSince: NOW - 15 * DAY });
    // Seen open again (reopened, or an early read missed it): the count starts over.
    expect(outcomeOf(sent, history([], [{ id: '1', ciphertext: JOB }]), AGENCY, NOW, NOW - 15 * DAY)).toMatchObject({ kind: 'open', goneSince: null });
  });
});
