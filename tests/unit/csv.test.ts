import { describe, expect, it } from 'vitest';
import { historyCsv, toCsv } from '@/utils/client/csv';
import { WorkHistoryItemSchema } from '@/utils/uphunt/schemas';

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks, and defuses spreadsheet formulas', () => {
    expect(toCsv([['a,b', 'say "hi"', 'two\nlines', '=HYPERLINK("x")', null, 3]])).toBe('"a,b","say ""hi""","two\nlines","\'=HYPERLINK(""x"")",,3\r\n');
  });

  it('writes one line per contract under a header', () => {
    const item = WorkHistoryItemSchema.parse({
      status: 'CLOSED',
      startDate: '2026-01-05T10:00:00Z',
      endDate: null,
      totalCharge: 120.5,
      jobInfo: { title: 'Logo', id: '1', ciphertext: '~022051005096520707758' },
      contractorInfo: { contractorName: 'Ann A.', ciphertext: null },
      rate: { amount: 30 },
      feedback: { score: 5, comment: 'Great' },
      feedbackToClient: null,
    });
    const lines = historyCsv([item]).trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('Logo,https://www.upwork.com/jobs/~022051005096520707758,Ann A.,CLOSED,2026-01-05,,120.5,30,,5,,Great,');
  });
});
