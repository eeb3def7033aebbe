import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JobEnrichment, type JobEnrichmentProps } from '@/components/JobEnrichment';
import { JobRowSchema } from '@/utils/mindcase/schemas';

afterEach(cleanup);
const NOW = Date.UTC(2026, 10, 23, 12);

const props = (overrides: Partial<JobEnrichmentProps> = {}): JobEnrichmentProps => ({
  status: { kind: 'none' },
  hasKey: true,
  credits: 1200,
  spentUsd: 0.42,
  capUsd: 5,
  now: NOW,
  onEnrich: vi.fn(),
  onCancel: vi.fn(),
  onOpenOptions: vi.fn(),
  ...overrides,
});

const row = JobRowSchema.parse({
  jobUrl: 'https://www.upwork.com/jobs/~022051005096520707758',
  description: 'Design <b>labels</b>',
  contractorTier: 'EXPERT',
  engagementDuration: 'Less than 1 month',
  budget: 500,
  clientActivity: {
    totalApplicants: 14,
    totalHired: 0,
    totalInvitedToInterview: 2,
    unansweredInvites: 1,
    invitationsSent: 3,
    numberOfPositionsToHire: 1,
    lastBuyerActivity: new Date(NOW - 3_600_000).toISOString(),
  },
  sandsData: {
    ontologySkills: [
      { prefLabel: 'Packaging Design', relevance: 'MANDATORY' },
      { prefLabel: 'Adobe Photoshop', relevance: 'NICE_TO_HAVE' },
    ],
  },
  minJobSuccessScore: 90,
  englishSkill: 'FLUENT',
  risingTalentOk: false,
  similarJobs: [{ id: null, ciphertext: '~021961461537889921207', title: 'VSP Logo Re-imagined', amount: { amount: 150 }, skills: ['Logo Design'] }],
});

describe('JobEnrichment', () => {
  it('before buying: the price, the credits and the month so far, and one button', () => {
    const onEnrich = vi.fn();
    render(<JobEnrichment {...props({ onEnrich })} />);
    expect(screen.queryAllByText(/Costs \$0\.003 \(1 job\).*1,200 credits left.*this month \$0\.42 of your \$5\.00 cap/)).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Enrich ($0.003)' }));
    expect(onEnrich).toHaveBeenCalledOnce();
  });

  it('without a Mindcase key: what it would add and where to add a key', () => {
    render(<JobEnrichment {...props({ hasKey: false })} />);
    expect(screen.queryAllByRole('button', { name: 'Open Options' })).toHaveLength(1);
    expect(screen.queryByRole('button', { name: /Enrich/ })).toBeNull();
  });

  it('while a run is pending: progress and Cancel', () => {
    const onCancel = vi.fn();
    render(<JobEnrichment {...props({ status: { kind: 'pending', problem: null, starting: false }, onCancel })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledOnce();
    expect(screen.queryByText(/trying again/)).toBeNull();
  });

  it('while a run is polled again after a failed poll: says what failed', () => {
    const problem = { service: 'Mindcase', kind: 'server', status: 503, detail: 'x', retryAt: null } as const;
    render(<JobEnrichment {...props({ status: { kind: 'pending', problem, starting: false } })} />);
    expect(screen.queryAllByText('Mindcase is having trouble: trying again.')).toHaveLength(1);
  });

  it('while a run whose start got no answer is looked for: says it is never bought twice', () => {
    const problem = { service: 'Mindcase', kind: 'timeout', status: null, detail: 'no answer within 20 s', retryAt: null } as const;
    render(<JobEnrichment {...props({ status: { kind: 'pending', problem, starting: true } })} />);
    expect(screen.queryAllByText(/Mindcase did not answer: asking Mindcase whether it started the run, so that it is never bought twice\./)).toHaveLength(1);
  });

  it.each([
    ['payment_required', 402, 'Not enough Mindcase credits'],
    ['unauthorized', 401, 'Mindcase rejected the API key'],
    ['validation', 422, 'Mindcase refused the request'],
    ['rate_limited', 429, 'Mindcase asked us to slow down'],
    ['server', 500, 'Mindcase is having trouble'],
    ['spending_cap', null, 'Monthly Mindcase cap reached'],
  ] as const)('a %s failure says so in words', (kind, status, title) => {
    render(<JobEnrichment {...props({ status: { kind: 'failed', problem: { service: 'Mindcase', kind, status, detail: 'x', retryAt: null } } })} />);
    expect(screen.getByRole('alert').textContent).toContain(title);
  });

  it('after buying: details, skills by relevance, qualifications, activity and similar jobs, as text', () => {
    const { container } = render(<JobEnrichment {...props({ status: { kind: 'fresh', entry: { storedAt: NOW - 60_000, value: row } } })} />);
    expect(screen.queryAllByText('$500 fixed')).toHaveLength(1);
    expect(screen.queryAllByText('Expert')).toHaveLength(1);
    expect(screen.getByText(/Packaging Design/).textContent).toContain('Packaging Design');
    expect(screen.queryAllByText(/Adobe Photoshop/)).toHaveLength(1);
    expect(screen.queryAllByText(/Job Success 90%\+ · English: fluent · No Rising Talent/)).toHaveLength(1);
    expect(screen.getByLabelText('Client activity on this job').textContent).toContain('Applicants14');
    expect(screen.getByRole('link', { name: 'VSP Logo Re-imagined' }).getAttribute('href')).toBe('https://www.upwork.com/jobs/~021961461537889921207');
    expect(container.querySelector('b')).toBeNull();
  });

  it('when the Upwork page already shows the activity, Mindcase adds only what the page lacks: the exact applicants and positions', () => {
    const pageActivity = {
      proposals: '10 to 15',
      lastViewed: '2 hours ago',
      lastViewedAt: null,
      interviewing: 2,
      invitesSent: 3,
      unansweredInvites: 1,
      hired: null,
    };
    render(<JobEnrichment {...props({ status: { kind: 'fresh', entry: { storedAt: NOW - 60_000, value: row } }, pageActivity })} />);
    const terms = [...screen.getByLabelText('Client activity on this job').querySelectorAll('dt')].map((dt) => dt.textContent);
    expect(terms).toEqual(['Applicants', 'Hired', 'Positions']);
  });
});
