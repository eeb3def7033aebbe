/** What stops or questions an application before it is sent: no key, applied already, no credits, a risky client. Pure. */
import type { ClientScore } from '../client/score';
import type { Application } from './stored';
import { ACTIVE_PHASES } from './status';

export interface Guard {
  id: 'no-key' | 'key-rejected' | 'already-applied' | 'applied-remotely' | 'no-credits' | 'recent-client' | 'job-closed' | 'risky-client';
  /** block: Apply is disabled; confirm: Apply asks first. */
  level: 'block' | 'confirm';
  text: string;
}

export interface GuardInput {
  ciphertext: string;
  companyId: string | null;
  now: number;
  hasKey: boolean;
  keyRejected: boolean;
  applications: readonly Application[];
  /** jobIds UpHunt lists as applied (URLs, ciphertexts or UUIDs). */
  appliedRemotely: readonly string[];
  creditsRemaining: number | null;
  recentClientDays: number;
  jobStatus: string | null;
  score: ClientScore | null;
}

export function applyGuards(input: GuardInput): Guard[] {
  const guards: Guard[] = [];
  if (!input.hasKey) guards.push({ id: 'no-key', level: 'block', text: 'Add your UpHunt API key in Options to apply.' });
  if (input.keyRejected) guards.push({ id: 'key-rejected', level: 'block', text: 'UpHunt rejected the API key: paste the current one in Options.' });
  const mine = input.applications.find(
    (app) => app.ciphertext === input.ciphertext && (ACTIVE_PHASES.includes(app.phase) || (app.phase === 'settled' && app.status === 'applied')),
  );
  if (mine)
    guards.push({
      id: 'already-applied',
      level: 'block',
      text: mine.phase === 'settled' ? 'Already applied to this job.' : 'An application to this job is under way.',
    });
  else if (input.appliedRemotely.some((jobId) => jobId.toLowerCase().includes(input.ciphertext)))
    guards.push({ id: 'applied-remotely', level: 'block', text: 'UpHunt lists this job as applied already.' });
  if (input.creditsRemaining === 0)
    guards.push({ id: 'no-credits', level: 'block', text: 'No UpHunt auto-apply credits left. They refresh each billing cycle.' });
  const since = input.now - input.recentClientDays * 86_400_000;
  const recent = input.companyId
    ? input.applications.filter(
        (app) =>
          app.companyId === input.companyId &&
          app.ciphertext !== input.ciphertext &&
          app.createdAt >= since &&
          app.phase !== 'cancelled' &&
          app.phase !== 'not_sent',
      )
    : [];
  if (recent.length)
    guards.push({
      id: 'recent-client',
      level: 'confirm',
      text: `Your agency applied to this client ${recent.length === 1 ? 'once' : `${recent.length} times`} in the last ${input.recentClientDays} days.`,
    });
  if (input.jobStatus && input.jobStatus.toUpperCase() !== 'ACTIVE')
    guards.push({ id: 'job-closed', level: 'confirm', text: `Mindcase says the job is ${input.jobStatus.toLowerCase()}.` });
  if (input.score?.verdict === 'risky')
    guards.push({ id: 'risky-client', level: 'confirm', text: `The client scores ${input.score.score}/100 (${input.score.flags.length} red flags).` });
  return guards;
}
