import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ScoreCard } from '@/components/ScoreCard';
import { WorkHistory } from '@/components/WorkHistory';
import { clientMetrics } from '@/utils/client/judgement';
import { clientScore } from '@/utils/client/score';
import { ClientJobsSchema, WorkHistoryItemSchema } from '@/utils/uphunt/schemas';

afterEach(cleanup);

const item = (title: string, charge: number, end: string | null, rate: number | null = null) =>
  WorkHistoryItemSchema.parse({
    status: end ? 'CLOSED' : 'ACTIVE',
    startDate: '2026-01-01T00:00:00Z',
    endDate: end,
    totalCharge: charge,
    jobInfo: { title, id: title, ciphertext: title === 'Private' ? null : '~022051005096520707758' },
    contractorInfo: { contractorName: 'Ann A.', ciphertext: '~01abcdef0123456789' },
    rate: rate === null ? null : { amount: rate },
    feedback: null,
    feedbackToClient: null,
  });

describe('WorkHistory table', () => {
  const items = [item('Small', 10, '2026-02-01T00:00:00Z', 12), item('Big', 900, '2026-02-01T00:00:00Z', 70), item('Private', 50, null, 30)];

  it('sorts by a column on click and says so to screen readers', () => {
    render(<WorkHistory items={items} archivedCiphers={[]} archivedJobIds={['Big']} clientName="Acme" />);
    fireEvent.click(screen.getByRole('button', { name: 'Paid' }));
    expect(screen.getByRole('columnheader', { name: /Paid/ }).getAttribute('aria-sort')).toBe('descending');
    const titles = screen
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell')[0]!.textContent);
    expect(titles.map((t) => t?.replace(/(archived|private|active|Ann A\.)/g, '').trim())).toEqual(['Big', 'Private', 'Small']);
    expect(screen.queryAllByText('archived')).toHaveLength(1);
  });

  it('filters by status and rate, and says how many are shown', () => {
    render(<WorkHistory items={items} archivedCiphers={[]} archivedJobIds={[]} clientName="Acme" />);
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'active' } });
    expect(screen.queryAllByText('1 of 3 contracts')).toHaveLength(1);
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'all' } });
    fireEvent.change(screen.getByLabelText('min $/hr'), { target: { value: '25' } });
    expect(screen.queryAllByText('2 of 3 contracts')).toHaveLength(1);
  });

  it('has an empty state', () => {
    render(<WorkHistory items={[]} archivedCiphers={[]} archivedJobIds={[]} clientName="Acme" />);
    expect(screen.queryAllByText("No contracts in UpHunt's record of this client.")).toHaveLength(1);
  });
});

describe('ScoreCard', () => {
  it('shows the score, the verdict, each flag and each rule', () => {
    const data = ClientJobsSchema.parse({ companyId: '1', buyer: { postedCount: 20, stats: { totalJobsWithHires: 2, feedbackCount: 0 } }, workHistory: [] });
    render(<ScoreCard result={clientScore(clientMetrics(data, Date.UTC(2026, 10, 23)))} />);
    expect(screen.getByRole('heading').textContent).toMatch(/Client score: \d+\/100 · Risky client/);
    expect(within(screen.getByRole('list', { name: 'Red flags' })).queryAllByText(/Hires on only 10% of 20 jobs posted/)).toHaveLength(1);
    expect(screen.getAllByRole('row')).toHaveLength(7);
  });
});
