/**
 * CSV export of the work history. RFC 4180 quoting is a few lines; a CSV library would add more to the
 * panel than the whole feature, so it is written here.
 */
import { contractLabel } from './judgement';
import type { WorkHistoryItem } from '../uphunt/schemas';
import { jobUrl } from '../upwork/page';

export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  const cell = (value: string | number | null | undefined) => {
    const text = value === null || value === undefined ? '' : String(value);
    // A leading = + - @ would run as a formula in a spreadsheet: Upwork titles are not to be trusted.
    const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

export function historyCsv(items: readonly WorkHistoryItem[]): string {
  return toCsv([
    [
      'Job title',
      'Job URL',
      'Freelancer',
      'Status',
      'Start',
      'End',
      'Charge (USD)',
      'Hourly rate (USD)',
      'Hours',
      'Score given',
      'Score received',
      'Comment given',
      'Comment received',
    ],
    ...items.map((item) => [
      contractLabel(item),
      item.jobInfo.ciphertext ? jobUrl(item.jobInfo.ciphertext) : '',
      item.contractorInfo?.contractorName,
      item.status,
      item.startDate?.slice(0, 10),
      item.endDate?.slice(0, 10),
      item.totalCharge,
      item.rate?.amount,
      item.totalHours,
      item.feedback?.score,
      item.feedbackToClient?.score,
      item.feedback?.comment,
      item.feedbackToClient?.comment,
    ]),
  ]);
}
