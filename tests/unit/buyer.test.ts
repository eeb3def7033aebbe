import { describe, expect, it } from 'vitest';
import { historyNewestFirst } from '@/utils/buyer';
import { WorkHistoryItemSchema } from '@/utils/uphunt/schemas';

const contract = (title: string, startDate: string | null, endDate: string | null, status = endDate ? 'CLOSED' : 'ACTIVE') =>
  WorkHistoryItemSchema.parse({ status, startDate, endDate, jobInfo: { title, id: title, ciphertext: null } });

describe('historyNewestFirst', () => {
  it('puts running contracts first, then the newest, and undated ones last', () => {
    const sorted = historyNewestFirst([
      contract('old', '2024-01-01T00:00:00Z', '2024-02-01T00:00:00Z'),
      contract('undated', null, '2024-02-01T00:00:00Z'),
      contract('running', '2023-05-01T00:00:00Z', null),
      contract('recent', '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z'),
    ]);
    expect(sorted.map((c) => c.jobInfo.title)).toEqual(['running', 'recent', 'old', 'undated']);
  });
});
