/** Diagnostics' background part: requests and uncaught errors recorded, refused messages and page reads counted, keys tested. */
import { ApiError, defaultHttpDeps, toProblem } from '../http';
import type { ApiService, Problem } from '../problem';
import { createMindcaseApi } from '../mindcase/api';
import { createUpHuntApi } from '../uphunt/api';
import { keysItem } from '../keys';
import { countIncident } from '../storage/stored';
import { activityLog, backgroundErrors, droppedMessages, pageReadings } from './stored';
import type { Handlers } from '../messaging/table';
import type { PageSeen } from '../upwork/nuxt';
import { problemText } from '../problem-text';
import { rateLimitNote, redactedPath, withEntry, type ActivityEntry } from './activity';
import { lackingFacts, recordPage, recordTiles } from './page-readings';
import { JOB_PAGE_KINDS, type PageKind } from '../upwork/page';

export function recordActivity(entry: ActivityEntry): Promise<void> {
  return activityLog.update((log) => withEntry(log ?? [], entry, Date.now()));
}

/** Every request the extension sends goes into Options → Activity (without keys or query values), and every error nothing caught is counted. */
export function recordRequestsAndErrors(scope: Pick<typeof globalThis, 'addEventListener'>): void {
  defaultHttpDeps.record = ({ url, rateLimit, ...entry }) =>
    void recordActivity({ ...entry, path: redactedPath(url, entry.service), note: rateLimitNote(rateLimit) });
  // Logged and counted (Options → Diagnostics), so that it is seen, not lost.
  const uncaught = (reason: unknown) => {
    const message = reason instanceof Error ? reason.message : String(reason);
    console.error('Unexpected error in the background:', message);
    void countIncident(backgroundErrors, message.slice(0, 200));
  };
  scope.addEventListener('unhandledrejection', (event) => uncaught((event as PromiseRejectionEvent).reason));
  scope.addEventListener('error', (event) => uncaught((event as ErrorEvent).error ?? (event as ErrorEvent).message));
}

export interface ConnectionResult {
  ok: boolean;
  message: string;
}

export const diagnosticsHandlers = (): Handlers<'testConnection'> => ({ testConnection: ({ service }) => testConnection(service) });

/** Asks the service something free that needs a valid key, and says in words what came back. */
export async function testConnection(service: ApiService): Promise<ConnectionResult> {
  const keys = await keysItem.getValue();
  try {
    if (service === 'UpHunt') {
      const freelancers = await createUpHuntApi(keys.uphunt)
        .freelancers()
        .then((answer) => answer.freelancers.length)
        .catch((error: unknown) => {
          // Any 2xx means the key works, whatever the list looks like (its shape is not published).
          if (error instanceof ApiError && error.problem.kind === 'malformed' && error.problem.status !== null) return null;
          throw error;
        });
      const count =
        freelancers === null
          ? 'its list of freelancers came in a shape this extension does not know'
          : `${freelancers} freelancer${freelancers === 1 ? '' : 's'} in your agency`;
      return { ok: true, message: `UpHunt accepted the key (${count}).` };
    }
    const credits = await createMindcaseApi(keys.mindcase).credits();
    return { ok: true, message: `Mindcase accepted the key (${credits.toLocaleString('en-US')} credits left).` };
  } catch (error) {
    const problem: Problem = toProblem(error, service);
    const text = problemText(problem, Date.now());
    return { ok: false, message: `${text.title}. ${text.body}` };
  }
}

/** Counts a message the background refused; Options shows the count under diagnostics. */
export function recordDroppedMessage(type: string, reason: 'sender' | 'shape'): Promise<void> {
  return droppedMessages.update((seen) => ({
    count: (seen?.count ?? 0) + 1,
    lastAt: Date.now(),
    lastType: type,
    lastReason: reason,
  }));
}

/** Counts a page seen, by how its job was found; a page that should show a job but gave none is a failure. */
export function recordPageRead(page: PageSeen): Promise<void> {
  const failed = !page.ciphertext && JOB_PAGE_KINDS.has(page.kind);
  return pageReadings.update((d) =>
    recordPage(d, page.kind, page.strategy, failed ? new URL(page.url).pathname : null, Date.now(), { design: page.design, lacking: lackingFacts(page) }),
  );
}

/** Counts tiles read on a list page and the facts they lacked. */
export function recordTileFacts(kind: PageKind, tiles: number, missing: Record<string, number>): Promise<void> {
  return pageReadings.update((d) => recordTiles(d, kind, tiles, missing, Date.now()));
}
