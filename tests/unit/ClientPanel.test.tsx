import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { tabState } from './tab-state';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClientPanel, type ClientPanelProps } from '@/components/ClientPanel';
import { ClientJobsSchema } from '@/utils/uphunt/schemas';

afterEach(cleanup);

const NOW = Date.UTC(2026, 10, 23, 12);
const state = tabState;

function props(overrides: Partial<ClientPanelProps> = {}): ClientPanelProps {
  return {
    tabUrl: 'https://www.upwork.com/jobs/~022051005096520707758',
    onUpwork: true,
    state: state(),
    entry: null,
    stale: false,
    now: NOW,
    onRefresh: vi.fn(),
    onRetry: vi.fn(),
    onFindClient: vi.fn(),
    onOpenOptions: vi.fn(),
    onPasteUrl: vi.fn(async () => null),
    ...overrides,
  };
}

const hostile = ClientJobsSchema.parse({
  companyId: '1991212616395436888',
  lastSyncedAt: NOW - 2 * 3_600_000,
  buyer: { company: { name: '<img src=x onerror="alert(1)">Acme' }, location: null, stats: null, avgHourlyJobsRate: null },
  openJobs: [],
  workHistory: [
    {
      status: 'CLOSED',
      startDate: '2026-01-05T00:00:00Z',
      endDate: '2026-02-01T00:00:00Z',
      totalCharge: 0,
      jobInfo: { title: '<script>alert(2)</script>', id: '1', ciphertext: null },
      contractorInfo: { contractorName: 'Jo <b>B.</b>', ciphertext: null },
      rate: null,
      feedback: null,
      feedbackToClient: { score: 2, comment: '<i>late payment</i>' },
    },
  ],
});

describe('ClientPanel', () => {
  it("says how many of the client's jobs UpHunt was asked about, and Find the client asks about more", () => {
    const onFindClient = vi.fn();
    render(<ClientPanel {...props({ state: state({ status: 'unknown-job', companyId: null, asked: { asked: 3, of: 20 } }), onFindClient })} />);
    expect(screen.getByRole('note')).toHaveProperty('textContent', expect.stringContaining("Asked UpHunt about 3 of this client's 20 jobs."));
    fireEvent.click(screen.getByRole('button', { name: 'Find the client' }));
    expect(onFindClient).toHaveBeenCalledTimes(1);
    cleanup();
    render(<ClientPanel {...props({ state: state({ status: 'unknown-job', companyId: null, asked: { asked: 20, of: 20 } }) })} />);
    expect(screen.getByRole('note').textContent).toContain('none is archived yet');
    expect(screen.queryByRole('button', { name: 'Find the client' })).toBeNull();
  });

  it('when UpHunt knows nothing of the client, shows what the Upwork page says, marked as such and scored by the same rules', () => {
    const client = {
      fields: {
        'client-location': 'Italy | Milano 11:03 AM',
        'client-job-posting-stats': '28 jobs posted | 68% hire rate, 1 open job',
        'client-spend': '$11K total spent',
        'client-hires': '19 hires, 7 active',
        'buyer-rating': 'Rating is 4.3 out of 5. 4.3 | 4.28 of 7 reviews',
        'client-contract-date': 'Member since Jul 7, 2014',
      },
      text: 'About the client Payment method verified Rating is 4.3 out of 5.',
      state: null,
    };
    const onRefresh = vi.fn();
    render(<ClientPanel {...props({ state: state({ status: 'unknown-job', companyId: null, client }), onRefresh })} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('The client, as the Upwork page describes them');
    expect(screen.queryAllByText(/From the Upwork page/)).toHaveLength(1);
    expect(screen.queryAllByText(/Milano, Italy/)).toHaveLength(1);
    expect(screen.queryAllByText('Payment verified')).toHaveLength(1);
    expect(screen.queryAllByRole('heading', { name: /Client score: \d+/ })).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Check UpHunt again' }));
    expect(onRefresh).toHaveBeenCalled();
    cleanup();
    // With nothing from the page either, it says UpHunt does not know the job.
    render(<ClientPanel {...props({ state: state({ status: 'unknown-job', companyId: null, client: null }) })} />);
    expect(screen.queryAllByRole('heading', { name: 'UpHunt does not know this job yet' })).toHaveLength(1);
  });

  it('shows what Upwork and UpHunt said as text, never as markup', () => {
    const { container } = render(<ClientPanel {...props({ entry: { storedAt: NOW - 60_000, value: hostile } })} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('<img src=x onerror="alert(1)">Acme');
    expect(container.querySelector('img, script, b, i')).toBeNull();
    expect(screen.queryAllByText('<script>alert(2)</script>')).toHaveLength(1);
    expect(screen.queryAllByText('private')).toHaveLength(1);
    expect(screen.queryAllByText(/synced 2 hours ago/)).toHaveLength(1);
    expect(screen.queryAllByText('Payment verified')).toHaveLength(1);
  });

  it('shows unknown figures as unknown rather than zero', () => {
    render(<ClientPanel {...props({ entry: { storedAt: NOW, value: hostile } })} />);
    expect(screen.queryAllByText('No reviews yet')).toHaveLength(1);
    expect(screen.queryAllByText('Location unknown')).toHaveLength(1);
  });

  it('offers Options for a rejected key', () => {
    const onOpenOptions = vi.fn();
    render(
      <ClientPanel
        {...props({
          onOpenOptions,
          state: state({ status: 'error', problem: { service: 'UpHunt', kind: 'unauthorized', status: 401, detail: 'unauthorized', retryAt: null } }),
        })}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('UpHunt rejected the API key');
    fireEvent.click(screen.getByRole('button', { name: 'Open Options' }));
    expect(onOpenOptions).toHaveBeenCalledOnce();
  });

  it('counts down to the retry a 429 asked for', () => {
    render(
      <ClientPanel
        {...props({ state: state({ status: 'error', problem: { service: 'UpHunt', kind: 'rate_limited', status: 429, detail: '', retryAt: NOW + 12_000 } }) })}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('Retrying in 12 s');
  });

  it('keeps showing the history while a refresh fails, with the problem above it', () => {
    render(
      <ClientPanel
        {...props({
          entry: { storedAt: NOW, value: hostile },
          state: state({ status: 'error', problem: { service: 'UpHunt', kind: 'network', status: null, detail: 'Failed to fetch', retryAt: null } }),
        })}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('Could not reach UpHunt');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Acme');
  });

  it('explains the extension on a tab that is not on Upwork', () => {
    render(<ClientPanel {...props({ onUpwork: false, state: null })} />);
    expect(screen.getByRole('link', { name: 'Go to Upwork' }).getAttribute('href')).toBe('https://www.upwork.com/nx/find-work/');
  });
});
