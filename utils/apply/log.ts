/** The log of applications: ours, plus those UpHunt lists that were made elsewhere. Pure. */
import { statusText } from './status';
import type { Application, Outcome } from './stored';
import { isCiphertext, jobUrl } from '../upwork/page';

export interface LogEntry {
  key: string;
  ciphertext: string | null;
  /** The client, when the application was made from a page that knew it. */
  companyId: string | null;
  /** UpHunt applied it (one credit spent): what outcomes are tracked for. */
  applied: boolean;
  outcome: Outcome | null;
  title: string;
  url: string | null;
  clientName: string | null;
  freelancerName: string | null;
  /** The Connects the page asked for when it was sent from here; null when unknown (UpHunt's list does not say). */
  connects: number | null;
  status: string;
  tone: 'good' | 'bad' | 'wait';
  createdAt: number | null;
  settledAt: number | null;
  /** Auto-applied from this browser, listed by UpHunt (made elsewhere), or sent by hand on Upwork. */
  source: 'here' | 'uphunt' | 'upwork';
}

export interface RemoteItem {
  queueId?: string | null;
  jobId: string;
  profileId?: string | null;
  jobTitle?: string | null;
  applicationStatus: string;
  createdAt?: number | string | null;
}

const toTime = (value: number | string | null | undefined) => (typeof value === 'number' ? value : value ? Date.parse(value) || null : null);

/**
 * Every application once: ours, and UpHunt's made elsewhere (their freelancer named through `names`, by profile
 * id), each with its outcome (by job) when one was read.
 */
export function applicationsLog(
  local: readonly Application[],
  remote: readonly RemoteItem[],
  outcomes: Readonly<Record<string, Outcome>> = {},
  names: Readonly<Record<string, string>> = {},
): LogEntry[] {
  const ours: LogEntry[] = local
    .filter((app) => app.phase !== 'cancelled')
    .map((app) => {
      const text = statusText(app);
      return {
        key: app.id,
        ciphertext: app.ciphertext,
        companyId: app.companyId,
        applied: app.status === 'applied',
        outcome: outcomes[app.ciphertext] ?? null,
        title: app.jobTitle ?? outcomes[app.ciphertext]?.jobTitle ?? app.ciphertext,
        url: jobUrl(app.ciphertext),
        clientName: app.clientName,
        freelancerName: app.freelancerName,
        connects: app.connects,
        status: text.title,
        tone: text.tone,
        createdAt: app.createdAt,
        settledAt: app.settledAt,
        source: app.via === 'upwork' ? ('upwork' as const) : ('here' as const),
      };
    });
  const known = new Set(local.map((app) => app.queueId).filter(Boolean));
  const theirs: LogEntry[] = remote
    .filter((item) => !item.queueId || !known.has(item.queueId))
    .map((item) => {
      const found = /~0[0-9a-f]+/i.exec(item.jobId)?.[0]?.toLowerCase();
      const cipher = found && isCiphertext(found) ? found : null;
      const text = statusText({ phase: 'settled', status: null, errorMessage: null, statusMessage: null });
      const applied = item.applicationStatus === 'applied';
      return {
        key: `uphunt-${item.queueId ?? item.jobId}`,
        ciphertext: cipher,
        companyId: null,
        applied,
        outcome: cipher ? (outcomes[cipher] ?? null) : null,
        title: item.jobTitle ?? (cipher ? outcomes[cipher]?.jobTitle : null) ?? item.jobId,
        url: cipher ? jobUrl(cipher) : null,
        clientName: null,
        freelancerName: (item.profileId && names[item.profileId]) ?? null,
        connects: null,
        status: applied ? 'Applied' : item.applicationStatus === 'processing' ? text.title : item.applicationStatus.replace(/_/g, ' '),
        tone: applied ? 'good' : item.applicationStatus === 'processing' ? 'wait' : 'bad',
        createdAt: toTime(item.createdAt),
        settledAt: null,
        source: 'uphunt' as const,
      };
    });
  return [...ours, ...theirs].sort((a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0));
}
