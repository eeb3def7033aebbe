/** Sorting and filtering the work history table. Pure, so the table only shows. */
import { historyNewestFirst, hourlyRateOf, isActive } from './judgement';
import type { WorkHistoryItem } from '../uphunt/schemas';

export type SortKey = 'default' | 'title' | 'start' | 'charge' | 'rate' | 'score';
export interface HistoryQuery {
  sort: SortKey;
  descending: boolean;
  status: 'all' | 'active' | 'ended';
  withFeedback: boolean;
  minRate: number | null;
}

export const DEFAULT_QUERY: HistoryQuery = { sort: 'default', descending: true, status: 'all', withFeedback: false, minRate: null };

export function viewHistory(items: readonly WorkHistoryItem[], q: HistoryQuery): WorkHistoryItem[] {
  const kept = items.filter(
    (item) =>
      (q.status === 'all' || (q.status === 'active') === isActive(item)) &&
      (!q.withFeedback || item.feedback?.score != null || item.feedbackToClient?.score != null) &&
      (q.minRate === null || (hourlyRateOf(item) ?? 0) >= q.minRate),
  );
  if (q.sort === 'default') return historyNewestFirst(kept);
  const value = (item: WorkHistoryItem): number | string => {
    switch (q.sort) {
      case 'title':
        return (item.jobInfo.title ?? '').toLowerCase();
      case 'start':
        return item.startDate ? Date.parse(item.startDate) || 0 : 0;
      case 'charge':
        return item.totalCharge ?? -1;
      case 'rate':
        return hourlyRateOf(item) ?? -1;
      case 'score':
        return item.feedback?.score ?? item.feedbackToClient?.score ?? -1;
      default:
        return 0;
    }
  };
  const sign = q.descending ? -1 : 1;
  return [...kept].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    return sign * (typeof x === 'string' && typeof y === 'string' ? x.localeCompare(y) : Number(x) - Number(y));
  });
}

export function isArchived(item: WorkHistoryItem, archivedCiphers: readonly string[], archivedJobIds: readonly string[]): boolean {
  return (!!item.jobInfo.ciphertext && archivedCiphers.includes(item.jobInfo.ciphertext)) || (!!item.jobInfo.id && archivedJobIds.includes(item.jobInfo.id));
}
