import { describe, expect, it } from 'vitest';
import { fillTemplate, profileChoices, startingProposal, startingProfile, suggestProfile, suggestRate, type ProfileChoice } from '@/utils/apply/proposal';
import { applyGuards, type GuardInput } from '@/utils/apply/guards';
import { nextCheckDelay, statusText } from '@/utils/apply/status';
import type { Application } from '@/utils/apply/stored';
import { clientMetrics } from '@/utils/client/judgement';
import { ClientJobsSchema, WorkHistoryItemSchema } from '@/utils/uphunt/schemas';
import { APPLICATION_STATUSES } from '@/utils/uphunt/apply-schemas';

const JOB = '~022051005096520707758';
const NOW = Date.UTC(2026, 10, 23);
const app = (fields: Partial<Application>): Application =>
  ({ id: 'a', ciphertext: JOB, companyId: '1', createdAt: NOW - 1000, phase: 'settled', status: 'applied', ...fields }) as Application;
const input = (fields: Partial<GuardInput> = {}): GuardInput => ({
  ciphertext: JOB,
  companyId: '1',
  now: NOW,
  hasKey: true,
  keyRejected: false,
  applications: [],
  appliedRemotely: [],
  creditsRemaining: 5,
  recentClientDays: 7,
  jobStatus: 'ACTIVE',
  score: null,
  ...fields,
});
const ids = (fields: Partial<GuardInput>) => applyGuards(input(fields)).map((g) => `${g.level}:${g.id}`);

describe('applyGuards', () => {
  it('lets a clean application through', () => expect(ids({})).toEqual([]));
  it('blocks a job already applied to, locally or on UpHunt', () => {
    expect(ids({ applications: [app({})] })).toEqual(['block:already-applied']);
    expect(ids({ applications: [app({ phase: 'queued', status: 'processing' })] })).toEqual(['block:already-applied']);
    expect(ids({ appliedRemotely: [`https://www.upwork.com/jobs/${JOB}`] })).toEqual(['block:applied-remotely']);
  });
  it('allows a retry after a failure', () => expect(ids({ applications: [app({ status: 'not_enough_connects' })] })).toEqual([]));
  it('blocks without a key, with a rejected key and without credits', () => {
    expect(ids({ hasKey: false, keyRejected: true, creditsRemaining: 0 })).toEqual(['block:no-key', 'block:key-rejected', 'block:no-credits']);
  });
  it('asks first for a client applied to recently, a closed job or a risky client', () => {
    const recent = app({ ciphertext: '~022049912345678901234', createdAt: NOW - 2 * 86_400_000 });
    const old = app({ ciphertext: '~022049912345678901235', createdAt: NOW - 9 * 86_400_000 });
    expect(ids({ applications: [recent, old], jobStatus: 'CLOSED', score: { score: 30, verdict: 'risky', factors: [], flags: [] } })).toEqual([
      'confirm:recent-client',
      'confirm:job-closed',
      'confirm:risky-client',
    ]);
  });
});

describe('nextCheckDelay', () => {
  it('follows UpHunt: 5 s for a minute, 15 s to five minutes, then stop', () => {
    expect(nextCheckDelay(0, 59_999)).toBe(5_000);
    expect(nextCheckDelay(0, 60_000)).toBe(15_000);
    expect(nextCheckDelay(0, 299_999)).toBe(15_000);
    expect(nextCheckDelay(0, 300_000)).toBeNull();
  });
});

describe('statusText', () => {
  it('names every final status with a next step and the credit outcome', () => {
    for (const status of APPLICATION_STATUSES.filter((s) => s !== 'processing')) {
      const text = statusText({ phase: 'settled', status, errorMessage: 'Captcha', statusMessage: null });
      expect(text.next).toMatch(status === 'applied' ? /credit was spent/ : /credit was returned/);
    }
    expect(statusText({ phase: 'settled', status: 'not_enough_connects', errorMessage: null, statusMessage: null }).next).toContain('Buy Connects');
    expect(statusText({ phase: 'settled', status: 'failed', errorMessage: 'Captcha shown', statusMessage: null }).next).toContain('Captcha shown');
    // The words the panel shows, as the end-to-end journey once read them one outcome at a time.
    const said = (status: (typeof APPLICATION_STATUSES)[number], statusMessage: string | null = null) => {
      const text = statusText({ phase: 'settled', status, errorMessage: null, statusMessage });
      return Object.values(text).join(' ');
    };
    expect(said('not_enough_connects')).toMatch(/Not enough Connects.*Buy Connects for the agency on Upwork/s);
    expect(said('not_eligible', 'The client requires a Job Success Score of 90%+.')).toMatch(/Profile not eligible.*Job Success Score of 90%/s);
    expect(said('logged_out')).toMatch(/UpHunt is reconnecting.*Try again later/s);
    expect(said('not_available')).toMatch(/Job closed/);
  });
});

describe('suggestions', () => {
  const choices: ProfileChoice[] = [
    { profileId: '1', title: 'Brand & packaging designer', freelancerName: 'Bruno Silva', hourlyRate: 40, isDefault: false },
    { profileId: '2', title: 'Data engineer (Python, Airflow)', freelancerName: 'Ada Novak', hourlyRate: 60, isDefault: true },
  ];
  const history = (name: string) => [WorkHistoryItemSchema.parse({ jobInfo: { title: 'x' }, contractorInfo: { contractorName: name } })];

  it('prefers a freelancer who already worked for the client, then shared skills', () => {
    expect(suggestProfile(choices, 'Python Airflow pipeline', history('Bruno S.'))).toMatchObject({
      choice: { profileId: '1' },
      reason: 'Bruno Silva already worked for this client.',
    });
    expect(suggestProfile(choices, 'Data Pipeline Engineer (Python, Airflow)', [])).toMatchObject({
      choice: { profileId: '2' },
      reason: 'Profile matches the job on data, engineer, python.',
    });
    expect(suggestProfile([], 'x', [])).toBeNull();
    expect(suggestProfile(choices, 'Wedding photography', [])).toMatchObject({ choice: { profileId: '2' }, reason: /agency’s default profile/ });
  });

  it('the popup starts from the freelancer and letter the panel would: this job’s choice, else the last one used, else the suggestion', () => {
    const freelancers = {
      freelancers: [
        { name: 'Bruno Silva', profiles: [{ profileId: '1', title: 'Brand & packaging designer', hourlyRate: 40, isDefault: false }] },
        { name: 'Ada Novak', profiles: [{ profileId: '2', title: 'Data engineer', hourlyRate: 60, isDefault: true }] },
      ],
    } as unknown as Parameters<typeof startingProposal>[0]['freelancers'];
    const input = {
      ciphertext: '~021',
      jobTitle: 'Packaging for a bakery',
      jobType: 'FIXED' as const,
      jobSkills: ['Packaging'],
      companyId: '1',
      clientName: 'Fresh Start',
      metrics: null,
      freelancers,
      settings: { templates: [{ id: 't', name: 'T', body: 'Hi {clientName}, {freelancerName} here.' }], defaultTemplateId: 't' },
      history: history('Bruno S.'),
      lastProfileId: null,
      draft: null,
    };
    // Bruno worked for this client: both start from him (the popup used to take the agency's default).
    const popup = startingProposal(input).proposal;
    expect(popup).toMatchObject({ profileId: '1', coverLetter: 'Hi Fresh Start, Bruno Silva here.' });
    const choices = profileChoices(freelancers);
    const panel = startingProfile(choices, {
      draftProfileId: null,
      lastProfileId: null,
      suggestion: suggestProfile(choices, 'Packaging for a bakery Packaging', input.history),
    });
    expect(panel?.profileId).toBe(popup.profileId);
    expect(startingProposal({ ...input, lastProfileId: '2' }).proposal.profileId).toBe('2');
    expect(startingProposal({ ...input, lastProfileId: 'gone' }).proposal.profileId).toBe('1');
    expect(
      startingProposal({ ...input, lastProfileId: '2', draft: { profileId: '1', coverLetter: 'Mine', hourlyRate: null, timeline: null } }).proposal,
    ).toMatchObject({
      profileId: '1',
      coverLetter: 'Mine',
    });
  });

  it("suggests a rate from the client's history and warns above its highest", () => {
    const metrics = clientMetrics(
      ClientJobsSchema.parse({ companyId: '1', workHistory: [10, 20, 30, 40].map((amount) => ({ jobInfo: { title: 'x' }, rate: { amount } })) }),
      NOW,
    );
    expect(suggestRate(metrics, null, null)).toMatchObject({ rate: 40, warning: null });
    expect(suggestRate(metrics, 60, null)).toMatchObject({ rate: 40, warning: null });
    expect(suggestRate(metrics, 60, 55).warning).toBe('Above anything this client ever paid ($40.00/hr).');
    expect(suggestRate(null, null, null).rate).toBeNull();
  });

  it('says the bids the Upwork page shows on an hourly job, suggests their average when nothing else does, and warns above the highest', () => {
    const bids = { high: 85, avg: 42.5, low: 15 };
    expect(suggestRate(null, null, null, bids)).toMatchObject({
      rate: 42.5,
      reason: 'The average bid so far: this client has no rate history. Bids so far: $15.00–$85.00/hr, average $42.50 (Upwork page).',
      warning: null,
    });
    expect(suggestRate(null, 30, 90, bids).warning).toBe('Above every bid so far ($85.00/hr).');
  });
});

describe('fillTemplate', () => {
  it('fills known variables and leaves unknown ones visible', () => {
    expect(
      fillTemplate('Hi {clientName}, re {jobTitle} — {freelancerName} ({skills}) {unknown}', {
        clientName: 'Acme',
        jobTitle: 'Logo',
        freelancerName: 'Ada',
        skills: 'Figma',
      }),
    ).toBe('Hi Acme, re Logo — Ada (Figma) {unknown}');
  });
});
