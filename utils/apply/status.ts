/** An application's phases and outcome in words, UpHunt's polling schedule, and what the log tells of the credits. Pure. */
import { waitMs } from '../timing';
import type { Application } from './stored';

export const ACTIVE_PHASES: ReadonlyArray<Application['phase']> = ['scheduled', 'sending', 'queued', 'stalled'];

/** UpHunt's advice: every 5 s for the first minute, then every 15 s up to 5 minutes, then stop and say so. */
export function nextCheckDelay(queuedAt: number, now: number): number | null {
  const age = now - queuedAt;
  if (age < waitMs('statusFastFor')) return waitMs('statusFast');
  if (age < waitMs('statusFor')) return waitMs('statusSlow');
  return null;
}

export interface StatusText {
  title: string;
  next: string;
  tone: 'good' | 'bad' | 'wait';
}

/** Each outcome in words, with the next step and what happened to the credit. */
export function statusText(
  app: Pick<Application, 'phase' | 'status' | 'errorMessage' | 'statusMessage'> & Partial<Pick<Application, 'problem' | 'queueId' | 'via'>>,
): StatusText {
  if (app.via === 'upwork')
    return { title: 'Sent on Upwork', next: 'You sent it on Upwork yourself: no UpHunt credit. What it brings is followed here.', tone: 'good' };
  if (app.phase === 'scheduled') return { title: 'About to send', next: 'Undo now if you changed your mind.', tone: 'wait' };
  if (app.phase === 'sending' && app.problem?.kind === 'conflict')
    return {
      title: 'Already applied or in progress',
      next: 'UpHunt already has an application to this job: it is being followed here. Nothing is sent again.',
      tone: 'wait',
    };
  if (app.phase === 'sending' && app.problem)
    return {
      title: 'Not confirmed yet',
      next: 'UpHunt is asked whether it got the application; it is sent again only if UpHunt says it did not.',
      tone: 'wait',
    };
  if (app.phase === 'sending') return { title: 'Sending to UpHunt…', next: 'This takes a second.', tone: 'wait' };
  if (app.phase === 'cancelled') return { title: 'Cancelled', next: 'Nothing was sent and no credit was used.', tone: 'bad' };
  if (app.phase === 'not_sent' && app.problem?.kind === 'conflict')
    return { title: 'Already applied', next: 'Your earlier application to this job is the one UpHunt has; this one was not sent again.', tone: 'bad' };
  if (app.phase === 'not_sent')
    return {
      title: 'Not sent',
      next: `UpHunt refused the request${app.problem?.detail ? ` (${app.problem.detail})` : ''}; no credit was used.`,
      tone: 'bad',
    };
  if (app.phase === 'stalled' && !app.queueId)
    return {
      title: 'Not confirmed — check later',
      next: 'UpHunt could not say for 5 minutes whether it got the application. Nothing was sent again; use Check now later.',
      tone: 'wait',
    };
  if (app.phase === 'stalled')
    return { title: 'Still processing — check later', next: 'UpHunt has not settled it after 5 minutes. Use Check now later.', tone: 'wait' };
  switch (app.status) {
    case 'applied':
      return { title: 'Applied', next: 'The proposal is on Upwork. One credit was spent.', tone: 'good' };
    case 'not_enough_connects':
      return {
        title: 'Not enough Connects',
        next: 'Buy Connects for the agency on Upwork (Membership & Connects), then apply again. Your credit was returned.',
        tone: 'bad',
      };
    case 'not_eligible':
      return {
        title: 'Profile not eligible',
        next: `${app.statusMessage ?? 'The profile does not meet the job’s requirements (location, Job Success, English or similar).'} Your credit was returned.`,
        tone: 'bad',
      };
    case 'logged_out':
      return {
        title: 'UpHunt is reconnecting',
        next: "UpHunt's Upwork session was reset and reconnects by itself. Try again later. Your credit was returned.",
        tone: 'bad',
      };
    case 'not_available':
      return { title: 'Job closed', next: 'The job is no longer available. Your credit was returned.', tone: 'bad' };
    case 'failed':
      return { title: 'Failed', next: `${app.errorMessage ?? 'UpHunt could not submit it.'} Your credit was returned.`, tone: 'bad' };
    default:
      return { title: 'Processing', next: 'UpHunt is submitting the proposal; most settle in 30–90 s.', tone: 'wait' };
  }
}

/** The credits UpHunt reported with the latest application, if any. */
export function lastKnownCredits(apps: readonly Application[]): number | null {
  return [...apps].reverse().find((a) => a.creditsRemaining !== null)?.creditsRemaining ?? null;
}

/** The latest application to a job, cancelled ones aside. */
export function latestApplication(apps: readonly Application[], ciphertext: string): Application | null {
  return [...apps].reverse().find((a) => a.ciphertext === ciphertext && a.phase !== 'cancelled') ?? null;
}
