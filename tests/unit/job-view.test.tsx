import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { tabState } from './tab-state';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApplyForm, type ApplyFormProps } from '@/components/ApplyForm';
import { proposalFor, jobView } from '@/utils/ui/job-view';
import { pageFacts } from '@/utils/upwork/page-facts';
import { applySettingsItem, type FreelancersEntry } from '@/utils/apply/stored';
import type { TabState } from '@/utils/client/stored';
import { ClientJobsSchema, FreelancersSchema } from '@/utils/uphunt/schemas';

afterEach(cleanup);

const NOW = Date.UTC(2026, 10, 23, 12);
const CIPHER = '~022051005096520707758';
const URL = `https://www.upwork.com/jobs/${CIPHER}`;
const state = (overrides: Partial<TabState> = {}) => tabState({ companyId: '42', ...overrides });
const clientJobs = ClientJobsSchema.parse({
  companyId: '42',
  buyer: { company: { name: 'Fresh Start' } },
  openJobs: [{ id: '9', ciphertext: CIPHER, title: 'Packaging for a bakery', type: 'FIXED' }],
  workHistory: [{ jobInfo: { title: 'Labels' }, contractorInfo: { contractorName: 'Bruno S.' }, rate: { amount: 45 } }],
});
const entry = { storedAt: NOW, value: clientJobs };
const freelancers: FreelancersEntry = {
  storedAt: NOW,
  problem: null,
  value: FreelancersSchema.parse({
    freelancers: [
      { id: 'a', name: 'Ada Novak', profiles: [{ profileId: '2', title: 'Packaging designer', hourlyRate: 60, isDefault: true }] },
      { id: 'b', name: 'Bruno Silva', profiles: [{ profileId: '1', title: 'Brand designer', hourlyRate: 40, isDefault: false }] },
    ],
  }),
};
const settings = {
  ...applySettingsItem.fallback,
  templates: [{ id: 't', name: 'T', body: 'Hi {clientName}, {freelancerName} here about {jobTitle}.' }],
  defaultTemplateId: 't',
};

describe('jobView: what the panel and the popup both show of a tab', () => {
  it('the application starts with the Connects the page asks for, read when it was opened; unknown when it shows none', () => {
    const facts = pageFacts('Send a proposal for: 16 Connects Available Connects: 140');
    const view = { ...jobView({ state: state({ facts }), tabUrl: URL, entry, row: null }), ciphertext: CIPHER };
    expect(proposalFor(view, { freelancers, applySettings: settings, lastProfileId: null }, null).proposal.connects).toBe(16);
    const none = { ...jobView({ state: state(), tabUrl: URL, entry, row: null }), ciphertext: CIPHER };
    expect(proposalFor(none, { freelancers, applySettings: settings, lastProfileId: null }, null).proposal.connects).toBeNull();
  });

  it('gives the bids the Upwork page shows only on an hourly job: on a fixed-price one they are whole budgets, not rates', () => {
    const facts = pageFacts('Bid range - High $6,500.00 | Avg $4,513.09 | Low $5.00');
    expect(jobView({ state: state({ facts }), tabUrl: URL, entry, row: null }).bidRange).toBeNull();
    const hourly = { ...entry, value: { ...clientJobs, openJobs: clientJobs.openJobs.map((job) => ({ ...job, type: 'HOURLY' })) } };
    expect(jobView({ state: state({ facts }), tabUrl: URL, entry: hourly, row: null }).bidRange).toEqual({ high: 6500, avg: 4513.09, low: 5 });
  });

  it('reads the job and its client only while the stored state is the tab’s job and the history is that client’s', () => {
    const view = jobView({ state: state(), tabUrl: URL, entry, row: null });
    expect(view).toMatchObject({ ciphertext: CIPHER, jobTitle: 'Packaging for a bakery', jobType: 'FIXED', clientName: 'Fresh Start' });
    expect(view.score).not.toBeNull();
    // The tab moved on to another job: the state still describes the previous one, so nothing of it is shown.
    expect(jobView({ state: state(), tabUrl: 'https://www.upwork.com/jobs/~022099999999999999999', entry, row: null }).current).toBeNull();
    // Another client's history is never shown for this job.
    expect(jobView({ state: state({ companyId: '7' }), tabUrl: URL, entry, row: null })).toMatchObject({ data: null, clientName: null, metrics: null });
  });
});

describe('the panel’s form starts where the popup would send', () => {
  const view = { ...jobView({ state: state(), tabUrl: URL, entry, row: null }), ciphertext: CIPHER };
  const props = (): ApplyFormProps => ({
    ciphertext: CIPHER,
    jobTitle: view.jobTitle,
    jobType: view.jobType,
    outcome: null,
    jobSkills: view.jobSkills,
    jobStatus: null,
    budget: null,
    companyId: '42',
    clientName: view.clientName,
    account: 'agency',
    metrics: view.metrics,
    score: view.score,
    history: view.history,
    freelancers,
    settings,
    lastProfileId: null,
    applications: [],
    appliedRemotely: [],
    appliedProblem: null,
    draft: null,
    hasKey: true,
    now: NOW,
    onRefreshFreelancers: vi.fn(),
    onGenerate: vi.fn(async () => ({ coverLetter: null, problem: null })),
    onSaveDraft: vi.fn(),
    onApply: vi.fn(async () => {
      throw new Error('not sent in this test');
    }),
    onUndo: vi.fn(),
    onCheckNow: vi.fn(),
    onOpenOptions: vi.fn(),
  });

  it('the same freelancer (Bruno worked for this client) and the same letter', () => {
    const popup = proposalFor(view, { freelancers, applySettings: settings, lastProfileId: null }, null).proposal;
    expect(popup).toMatchObject({ profileId: '1', coverLetter: 'Hi Fresh Start, Bruno Silva here about Packaging for a bakery.' });
    render(<ApplyForm {...props()} />);
    expect((screen.getByLabelText('Freelancer') as HTMLSelectElement).value).toBe(popup.profileId);
    expect(screen.getByLabelText('Cover letter')).toHaveProperty('value', popup.coverLetter);
    expect(screen.queryAllByText(/Bruno Silva already worked for this client/)).toHaveLength(1);
  });

  it('choosing another freelancer fills the letter for them, and what the user typed is kept for the popup', () => {
    const saved = vi.fn();
    render(<ApplyForm {...props()} onSaveDraft={saved} />);
    fireEvent.change(screen.getByLabelText('Freelancer'), { target: { value: '2' } });
    expect(screen.getByLabelText('Cover letter')).toHaveProperty('value', 'Hi Fresh Start, Ada Novak here about Packaging for a bakery.');
    fireEvent.change(screen.getByLabelText('Cover letter'), { target: { value: 'My own words' } });
    const typed = { profileId: '2', coverLetter: 'My own words' };
    expect(proposalFor(view, { freelancers, applySettings: settings, lastProfileId: null }, typed).proposal).toMatchObject(typed);
  });
});
