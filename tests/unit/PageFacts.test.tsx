import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PageFactsView } from '@/components/PageFacts';
import { pageFacts } from '@/utils/upwork/page-facts';

afterEach(cleanup);

const NOW = Date.UTC(2026, 11, 5, 12);
const figures = () =>
  Object.fromEntries(
    within(screen.getByLabelText('Job facts from the Upwork page'))
      .getAllByRole('term')
      .map((term) => [term.textContent, term.nextElementSibling?.textContent]),
  );

describe('PageFactsView', () => {
  it('shows the Connects, the activity and the bid range the page shows, and leaves out what it does not (never 0)', () => {
    const facts = pageFacts('Send a proposal for: 20 Connects Available Connects: 246 Proposals: 50+ Interviewing: 2')!;
    render(<PageFactsView facts={facts} now={NOW} />);
    expect(figures()).toEqual({ 'Connects to apply': '20 (you have 246)', Proposals: '50+', Interviewing: '2' });
  });

  it('the bid range and when the client last looked, from the words or the page state', () => {
    const facts = pageFacts('Bid range - High $85.00 | Avg $42.50 | Low $15.00', {
      clientActivity: { lastBuyerActivity: new Date(NOW - 3 * 3_600_000).toISOString() },
    })!;
    render(<PageFactsView facts={facts} now={NOW} />);
    expect(figures()).toMatchObject({
      // In cents, as the page shows them.
      'Bid range': '$15.00 – $85.00, average $42.50',
      'Client last viewed': expect.stringContaining('3 h'),
    });
  });
});
