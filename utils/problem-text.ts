/** A failed call in words, with the way out. One place, so the panel and Options say the same thing. */
import type { Problem } from './problem';

export interface ProblemText {
  title: string;
  body: string;
  /** What the user can do about it. */
  action: 'options' | 'retry' | 'wait' | null;
}

export function problemText(problem: Problem, now: number): ProblemText {
  const { service } = problem;
  switch (problem.kind) {
    case 'missing_key':
      return { title: `No ${service} API key`, body: `Paste your ${service} API key in Options to see this client.`, action: 'options' };
    case 'retired_key':
      return {
        title: 'This UpHunt key was retired',
        body: 'UpHunt retired the up_… "Data API" keys in June 2026, so it refuses them everywhere. In UpHunt, open Auto-Apply → API & Webhooks, click Generate API Key, copy the new sk_uphunt_… key (it is shown once) and paste it in Options.',
        action: 'options',
      };
    case 'spending_cap':
      return {
        title: 'Monthly Mindcase cap reached',
        body: `${problem.detail} Raise the cap in Options to fetch more job details this month.`,
        action: 'options',
      };
    case 'interrupted':
      return {
        title: `The ${service} request was interrupted`,
        body: `${problem.detail} Nothing is sent again by itself, so that nothing is paid twice: retry when you want it.`,
        action: 'retry',
      };
    case 'unauthorized':
      return {
        title: `${service} rejected the API key`,
        body: `The key is invalid or was revoked (a new key revokes the old one). Paste the current key in Options.`,
        action: 'options',
      };
    case 'forbidden':
      return {
        title: `${service} subscription inactive`,
        body: `${service} accepted the key but the account has no active subscription. Renew it on ${service === 'UpHunt' ? 'uphunt.io' : 'mindcase.co'}, then retry.`,
        action: 'retry',
      };
    case 'payment_required':
      return {
        title: `Not enough ${service} credits`,
        body: `${problem.detail && !/^[a-z_]+$/.test(problem.detail) ? `${problem.detail}. ` : ''}Top up your ${service} credits, then retry.`,
        action: 'retry',
      };
    case 'rate_limited': {
      const seconds = problem.retryAt ? Math.max(0, Math.ceil((problem.retryAt - now) / 1000)) : null;
      return {
        title: `${service} asked us to slow down`,
        body: seconds === null ? 'Too many requests. Retrying shortly.' : seconds > 0 ? `Too many requests. Retrying in ${seconds} s.` : 'Retrying now…',
        action: 'wait',
      };
    }
    case 'not_found':
      return { title: `${service} has no record of this`, body: problem.detail, action: 'retry' };
    case 'conflict':
      return { title: `${service} already has this`, body: problem.detail, action: null };
    case 'validation':
      return { title: `${service} refused the request`, body: problem.detail, action: null };
    case 'server':
      return {
        title: `${service} is having trouble`,
        body:
          problem.status === null && problem.detail
            ? `${problem.detail.charAt(0).toUpperCase()}${problem.detail.slice(1)}. Try again in a moment.`
            : `${service} answered with an error${problem.status ? ` (HTTP ${problem.status})` : ''}. Try again in a moment.`,
        action: 'retry',
      };
    case 'network':
      return { title: `Could not reach ${service}`, body: 'Check your internet connection, then retry.', action: 'retry' };
    case 'timeout':
      return { title: `${service} did not answer`, body: `No answer came in time (${problem.detail}). Try again in a moment.`, action: 'retry' };
    case 'malformed':
      return { title: `Unexpected response from ${service}`, body: `The answer did not have the expected shape (${problem.detail}).`, action: 'retry' };
  }
}
