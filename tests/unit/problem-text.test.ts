import { describe, expect, it } from 'vitest';
import { kindOfStatus } from '@/utils/http';
import type { Problem, ProblemKind, Service } from '@/utils/problem';
import { problemText } from '@/utils/problem-text';

// Every kind, written out: a kind added to http.ts without words here fails the type check of this list.
const KINDS: Record<ProblemKind, true> = {
  missing_key: true,
  retired_key: true,
  spending_cap: true,
  interrupted: true,
  unauthorized: true,
  payment_required: true,
  forbidden: true,
  not_found: true,
  conflict: true,
  validation: true,
  rate_limited: true,
  server: true,
  network: true,
  timeout: true,
  malformed: true,
};
const SERVICES: Service[] = ['UpHunt', 'Mindcase'];

describe('problemText: every fault in words, with the way out', () => {
  it.each(SERVICES.flatMap((service) => (Object.keys(KINDS) as ProblemKind[]).map((kind) => [service, kind] as const)))(
    '%s %s names its service, says what happened and never shows a placeholder',
    (service, kind) => {
      const problem: Problem = { service, kind, status: 500, detail: 'the detail', retryAt: 61_000 };
      const text = problemText(problem, 1_000);
      expect(`${text.title} ${text.body}`).not.toMatch(/undefined|null|NaN|\[object/);
      expect(text.title.length).toBeGreaterThan(5);
      expect(text.body.length).toBeGreaterThan(5);
      if (kind !== 'retired_key') expect(text.title).toContain(service === 'UpHunt' && kind === 'spending_cap' ? 'Mindcase' : service);
    },
  );

  it('counts a Retry-After down in seconds, and sends the user to Options only for what a key or a setting cures', () => {
    const limited: Problem = { service: 'UpHunt', kind: 'rate_limited', status: 429, detail: '', retryAt: 61_000 };
    expect(problemText(limited, 1_000).body).toBe('Too many requests. Retrying in 60 s.');
    expect(problemText(limited, 61_000).body).toBe('Retrying now…');
    expect(problemText({ ...limited, retryAt: null }, 1_000).body).toBe('Too many requests. Retrying shortly.');
    const action = (kind: ProblemKind) => problemText({ service: 'Mindcase', kind, status: null, detail: 'x', retryAt: null }, 0).action;
    expect((Object.keys(KINDS) as ProblemKind[]).filter((kind) => action(kind) === 'options')).toEqual([
      'missing_key',
      'retired_key',
      'spending_cap',
      'unauthorized',
    ]);
  });

  it('words a failure with no HTTP status from what was said, and one with a status from the status', () => {
    const refused: Problem = { service: 'Mindcase', kind: 'server', status: null, detail: 'connection refused', retryAt: null };
    expect(problemText(refused, 0).body).toBe('Connection refused. Try again in a moment.');
    expect(problemText({ ...refused, status: 503, detail: '' }, 0).body).toBe('Mindcase answered with an error (HTTP 503). Try again in a moment.');
  });
  // What the end-to-end fault matrix used to read on every call, status by status: it now plays one fault a family.
  it.each(SERVICES)('%s: each status an answer may carry is named in the words the user reads', (service) => {
    const title = (status: number) => problemText({ service, kind: kindOfStatus(status), status, detail: '', retryAt: null }, 0).title;
    expect(title(401)).toMatch(`${service} rejected the API key`);
    expect(title(402)).toMatch(`Not enough ${service} credits`);
    expect(title(403)).toMatch(`${service} subscription inactive`);
    expect(title(404)).toMatch(`${service} has no record of this`);
    expect(title(400)).toMatch(`${service} refused the request`);
    expect(title(422)).toMatch(`${service} refused the request`);
    expect(title(429)).toMatch(`${service} asked us to slow down`);
    for (const status of [500, 502, 503, 504]) expect(title(status)).toMatch(`${service} is having trouble`);
  });
});
