/**
 * The background's apply queue. One click makes exactly one POST /apply: the application is stored before the
 * request leaves (`sending`), its queueId as soon as it comes back, and a `sending` record found by a later
 * worker is checked with GET /status by job before anything is sent again. Polling follows nextCheckDelay.
 */
import { ACTIVE_PHASES, nextCheckDelay } from './status';
import type { Application } from './stored';
import type { ApplyRequest } from './request';
import { ApiError, retryAtOf, toProblem } from '../http';
import type { Problem } from '../problem';
import { backoffDelay, nextTryAt } from '../backoff';
import { serialUpdates } from '../serial';
import { waitMs } from '../timing';
import type { StatusAnswer } from '../uphunt/apply-schemas';
import type { UpHuntApi } from '../uphunt/api';

const MAX_KEPT = 500;
/** A `sending` record older than this with no request in flight in this worker lost its answer. */
const SENDING_GRACE_MS = () => waitMs('sendingGrace');
/** Sends after UpHunt said, asked by job, that it never got the application: bounded, so a flaky line cannot loop. */
const MAX_RESENDS = 2;
/** How long an unconfirmed application is asked about by job before it is left to the user's Check now. */
const VERIFY_FOR_MS = () => waitMs('verifyFor');

/** Asking by job backs off from the first send: 5 s, then doubling, at most a minute. */
const verifyDelay = (sinceSend: number) => backoffDelay(sinceSend, waitMs('statusFast'), waitMs('statusFastFor'));

/**
 * An answer that says UpHunt did not queue it (the contract: a bad payload, an unknown job, 401, 402, 403).
 * A 429, a 5xx, no answer or a broken one are not: those are verified by job before anything is sent again.
 */
function refusedOutright(problem: Problem): boolean {
  return (
    problem.status !== null &&
    problem.status >= 400 &&
    problem.status < 500 &&
    problem.kind !== 'rate_limited' &&
    problem.kind !== 'conflict' &&
    problem.status !== 408
  );
}

/** UpHunt's 402 says how many credits are left (`creditsRemaining`): the credits guard learns it from there. */
function creditsOf(error: unknown): number | null {
  const body = error instanceof ApiError ? error.body : null;
  const left = body && typeof body === 'object' ? (body as { creditsRemaining?: unknown }).creditsRemaining : undefined;
  return typeof left === 'number' ? left : null;
}

export interface ApplyQueueDeps {
  uphunt: () => Promise<Pick<UpHuntApi, 'apply' | 'statusByQueue' | 'statusByJob'>>;
  read: () => Promise<Application[]>;
  write: (apps: Application[]) => Promise<void>;
  now: () => number;
  newId: () => string;
  /** One timer while the worker lives; the alarm from keepAwake covers its death. */
  wakeAt: (time: number | null) => void;
  keepAwake: (on: boolean) => Promise<void>;
  notify: (app: Application) => Promise<void>;
  undoMs: () => Promise<number>;
}

/** A new application's progress: nothing sent, asked or settled yet. */
const UNTOUCHED = {
  queueId: null,
  queuedAt: null,
  status: null,
  statusMessage: null,
  errorMessage: null,
  problem: null,
  nextCheckAt: null,
  settledAt: null,
  creditsRemaining: null,
  recoveries: 0,
} as const;

export function createApplyQueue(deps: ApplyQueueDeps) {
  const update = serialUpdates(deps.read, (apps: Application[]) => deps.write(apps.slice(-MAX_KEPT)));
  const patch = (id: string, fields: Partial<Application>) =>
    update((apps) => {
      const app = apps.find((a) => a.id === id);
      if (app) Object.assign(app, fields);
      return app ? { ...app } : null;
    });
  const inFlight = new Set<string>();

  /** Idempotent per job: a second click, panel or popup gets the application already under way. */
  async function submit(draft: ApplyRequest): Promise<Application> {
    const undoMs = await deps.undoMs();
    // The wake-up alarm exists before the application does: a worker stopped right after writing it
    // is brought back to send it.
    await deps.keepAwake(true);
    const app = await update((apps) => {
      const existing = apps.find(
        (a) => a.ciphertext === draft.ciphertext && (ACTIVE_PHASES.includes(a.phase) || (a.phase === 'settled' && a.status === 'applied')),
      );
      if (existing) return existing;
      const now = deps.now();
      const created: Application = {
        ...draft,
        id: deps.newId(),
        createdAt: now,
        sendAt: now + undoMs,
        phase: 'scheduled',
        ...UNTOUCHED,
        via: 'auto-apply',
      };
      apps.push(created);
      return created;
    });
    await reschedule();
    return app;
  }

  async function undo(id: string): Promise<boolean> {
    const undone = await update((apps) => {
      const app = apps.find((a) => a.id === id && a.phase === 'scheduled');
      if (app) app.phase = 'cancelled';
      return !!app;
    });
    await reschedule();
    return undone;
  }

  async function send(id: string): Promise<void> {
    const app = await update((apps) => {
      const found = apps.find((a) => a.id === id && a.phase === 'scheduled' && a.sendAt <= deps.now());
      if (!found || inFlight.has(id)) return null;
      found.phase = 'sending';
      found.sendAt = deps.now();
      found.nextCheckAt = null;
      return { ...found };
    });
    if (!app) return;
    inFlight.add(id);
    try {
      const uphunt = await deps.uphunt();
      const proposal =
        app.hourlyRate !== null || app.timeline
          ? { ...(app.hourlyRate !== null ? { hourlyRate: app.hourlyRate } : {}), ...(app.timeline ? { timeline: app.timeline } : {}) }
          : undefined;
      const answer = await uphunt.apply({
        jobId: app.ciphertext,
        coverLetter: app.coverLetter,
        ...(proposal ? { proposal } : {}),
        ...(app.profileId ? { profileId: app.profileId } : {}),
      });
      const now = deps.now();
      await patch(id, {
        phase: 'queued',
        queueId: answer.queueId,
        queuedAt: now,
        status: 'processing',
        creditsRemaining: answer.creditsRemaining ?? null,
        // UpHunt's schedule, from its first check (5 s), as every later one.
        nextCheckAt: now + waitMs('statusFast'),
      });
    } catch (error) {
      const problem = toProblem(error, 'UpHunt');
      const now = deps.now();
      const creditsRemaining = creditsOf(error) ?? app.creditsRemaining;
      // Held back before sending (the rate limit was used up): nothing left, so it simply waits for the reset.
      if (problem.kind === 'rate_limited' && problem.status === null)
        await patch(id, { phase: 'scheduled', sendAt: nextTryAt(now, problem.retryAt === null ? 5_000 : 0, problem.retryAt), problem });
      else if (refusedOutright(problem)) await patch(id, { phase: 'not_sent', problem, settledAt: now, creditsRemaining });
      // 409: UpHunt already has an application to this job (ours from elsewhere, or in progress): find it and
      // follow it to its end. Never sent again.
      else if (problem.kind === 'conflict') await patch(id, { problem, nextCheckAt: now });
      // Anything else is settled by asking UpHunt about the job (after its Retry-After), never by sending again blindly.
      else await patch(id, { problem, nextCheckAt: nextTryAt(now, verifyDelay(0), retryAtOf(problem)) });
    } finally {
      inFlight.delete(id);
    }
  }

  /** Asks UpHunt about the job of an application whose send was not confirmed; sends again only on its "never got it". */
  async function recover(app: Application): Promise<void> {
    const conflict = app.problem?.kind === 'conflict';
    try {
      const status = await (await deps.uphunt()).statusByJob(app.ciphertext);
      // UpHunt answers about the job: an earlier application of ours to it is not this one, which then never
      // arrived. (Told apart by queueId, not by time: a skewed clock must not cause a second proposal.)
      const earlier = (await deps.read()).some((a) => a.id !== app.id && a.queueId !== null && a.queueId === status.queueId);
      // After a 409 the application UpHunt has is the earlier one: this one is not sent, the earlier one is followed.
      if (earlier && conflict) return void (await patch(app.id, { phase: 'not_sent', settledAt: deps.now(), nextCheckAt: null }));
      if (earlier) throw new ApiError({ service: 'UpHunt', kind: 'not_found', status: 404, detail: 'Only an earlier application to this job.', retryAt: null });
      await applyStatus(app.id, status, true);
    } catch (error) {
      const problem = toProblem(error, 'UpHunt');
      const now = deps.now();
      if (problem.kind === 'not_found' && !conflict) {
        // UpHunt never received it: sending it now is the one send the user asked for.
        await patch(
          app.id,
          app.recoveries < MAX_RESENDS
            ? { phase: 'scheduled', sendAt: nextTryAt(now, 0, retryAtOf(app.problem)), recoveries: app.recoveries + 1 }
            : { phase: 'not_sent', problem: app.problem ?? interrupted(), settledAt: now },
        );
      } else if (now - app.sendAt < VERIFY_FOR_MS()) {
        // (A 409 whose application UpHunt cannot name yet is asked about again: it exists, says the 409.)
        const next = nextTryAt(now, verifyDelay(now - app.sendAt), retryAtOf(problem));
        await patch(app.id, { phase: 'sending', nextCheckAt: next, problem: app.problem ?? problem });
      } else {
        // Could not find out for 5 minutes: leave it to Check now rather than guess.
        await patch(app.id, { phase: 'stalled', nextCheckAt: null, problem: app.problem ?? problem });
      }
    }
  }

  async function applyStatus(id: string, answer: StatusAnswer, fromRecovery = false): Promise<void> {
    const now = deps.now();
    const settled = await update((apps) => {
      const app = apps.find((a) => a.id === id);
      if (!app) return null;
      if (fromRecovery) {
        app.queueId = answer.queueId ?? app.queueId;
        app.queuedAt ??= now;
        app.phase = 'queued';
      }
      app.status = answer.applicationStatus;
      app.problem = null;
      app.statusMessage = answer.applicationStatusMessage ?? null;
      app.errorMessage = answer.errorMessage ?? null;
      if (answer.applicationStatus !== 'processing') {
        app.phase = 'settled';
        app.settledAt = now;
        app.nextCheckAt = null;
        return { ...app };
      }
      const delay = nextCheckDelay(app.queuedAt ?? now, now);
      app.phase = delay === null ? 'stalled' : 'queued';
      app.nextCheckAt = delay === null ? null : now + delay;
      return null;
    });
    if (settled) await deps.notify(settled);
  }

  async function check(app: Application): Promise<void> {
    if (!app.queueId) return;
    try {
      await applyStatus(app.id, await (await deps.uphunt()).statusByQueue(app.queueId));
    } catch (error) {
      const problem = toProblem(error, 'UpHunt');
      // A failed check is not a failed application: look again on the usual schedule (after Retry-After when given).
      const delay = nextCheckDelay(app.queuedAt ?? deps.now(), deps.now());
      const next = delay === null ? null : nextTryAt(deps.now(), delay, retryAtOf(problem));
      await patch(app.id, next === null ? { phase: 'stalled', nextCheckAt: null, problem } : { nextCheckAt: next, problem });
    }
  }

  /** Does whatever is due, then sets the next wake-up. Called on every event, alarm and worker start. */
  async function tick(): Promise<void> {
    const now = deps.now();
    const apps = await deps.read();
    for (const app of apps) {
      if (app.phase === 'scheduled' && app.sendAt <= now) await send(app.id);
      else if (app.phase === 'sending' && !inFlight.has(app.id) && (app.nextCheckAt ?? app.sendAt + SENDING_GRACE_MS()) <= now) await recover(app);
      else if (app.phase === 'queued' && app.nextCheckAt !== null && app.nextCheckAt <= now) await check(app);
    }
    await reschedule();
  }

  async function checkNow(id: string): Promise<void> {
    // Whatever else is due goes first: a panel asking is also a worker woken up.
    await tick();
    const app = (await deps.read()).find((a) => a.id === id);
    if (app && (app.phase === 'queued' || app.phase === 'stalled')) await (app.queueId ? check(app) : recover(app));
    await reschedule();
  }

  async function reschedule(): Promise<void> {
    const apps = await deps.read();
    const times = apps.flatMap((a) =>
      a.phase === 'scheduled'
        ? [a.sendAt]
        : a.phase === 'queued' && a.nextCheckAt !== null
          ? [a.nextCheckAt]
          : a.phase === 'sending'
            ? [a.nextCheckAt ?? a.sendAt + SENDING_GRACE_MS()]
            : [],
    );
    const next = times.length ? Math.min(...times) : null;
    deps.wakeAt(next);
    await deps.keepAwake(next !== null);
  }

  /**
   * A proposal the user sent on Upwork's own apply page, once Upwork confirmed it: kept beside the auto-applied
   * ones (so its outcome is followed), once per job however often the confirmation is seen.
   */
  async function recordSentOnUpwork(sent: Pick<Application, 'ciphertext' | 'connects' | 'companyId'>): Promise<void> {
    const now = deps.now();
    await update((apps) => {
      if (apps.some((a) => a.ciphertext === sent.ciphertext && a.phase !== 'cancelled' && a.phase !== 'not_sent')) return null;
      apps.push({
        ...sent,
        id: deps.newId(),
        jobTitle: null,
        clientName: null,
        profileId: null,
        freelancerName: null,
        coverLetter: '',
        hourlyRate: null,
        timeline: null,
        createdAt: now,
        sendAt: now,
        phase: 'settled',
        // Nothing of ours settled it (settledAt stays null): Upwork took it when the user sent it.
        ...UNTOUCHED,
        status: 'applied',
        via: 'upwork',
      });
      return null;
    });
  }

  return { submit, undo, tick, checkNow, recordSentOnUpwork };
}

function interrupted(): Problem {
  return {
    service: 'UpHunt',
    kind: 'interrupted',
    status: null,
    detail: `The request was cut off ${MAX_RESENDS + 1} times before UpHunt received it.`,
    retryAt: null,
  };
}
