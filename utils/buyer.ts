/** What a client's work history means. Pure functions over the UpHunt answer. */
import type { WorkHistoryItem } from './uphunt/schemas';

/** Contracts as a freelancer reads them: running ones first, then the newest. */
export function historyNewestFirst(items: readonly WorkHistoryItem[]): WorkHistoryItem[] {
  const time = (iso: string | null | undefined) => {
    const t = iso ? Date.parse(iso) : NaN;
    return Number.isNaN(t) ? -Infinity : t;
  };
  const active = (item: WorkHistoryItem) => (item.status === 'ACTIVE' || !item.endDate ? 1 : 0);
  return [...items].sort((a, b) => active(b) - active(a) || time(b.startDate) - time(a.startDate));
}
