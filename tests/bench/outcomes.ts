/**
 * The calls outcome tracking makes (utils/apply/tracking.ts), over 60 simulated days: 40 applications in the first
 * 30 to 12 clients, half made here (their client known), half known only from UpHunt's list (found through the
 * archive). Each job ends some days after the application: a hire of ours or of someone else, closed, or still
 * open. The tracker runs as the worker would run it: when an application is applied, at the time each pass asks
 * for, and whenever the worker starts again (every 45 minutes here). Counted against UpHunt's stand-in.
 */
import type { CacheEntry, TtlCache } from '../../utils/cache';
import { ApiError } from '../../utils/http';
import type { LogEntry } from '../../utils/apply/log';
import type { Outcome } from '../../utils/apply/stored';
import { LOOKUPS_PER_HOUR, recordHistory, track, type TrackDeps } from '../../utils/apply/tracking';
import { ClientJobsSchema, type ClientJobs } from '../../utils/uphunt/schemas';
import { record } from './figures';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.UTC(2026, 0, 5);
const CLIENTS = 12;
const APPLICATIONS = 40;

interface Job {
  ciphertext: string;
  companyId: string;
  title: string;
  sentAt: number;
  endsAt: number;
  ending: 'hire-ours' | 'hire-other' | 'close' | 'open';
  here: boolean;
}

/** A small in-memory stored value (the bench runs in Node, without extension storage). */
function memory<T>() {
  let value: T | null = null;
  return { getValue: async () => value, update: async (change: (current: T | null) => T) => void (value = change(value)) };
}

function world() {
  let seed = 7;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const endings = ['hire-ours', 'hire-other', 'hire-other', 'close', 'close', 'open'] as const;
  const jobs: Job[] = Array.from({ length: APPLICATIONS }, (_, i) => {
    const sentAt = START + Math.floor((i * 30 * DAY) / APPLICATIONS) + Math.floor(random() * 8 * HOUR);
    return {
      ciphertext: `~0230000000000000${String(i).padStart(4, '0')}`,
      companyId: `20000000000000${String(1000 + (i % CLIENTS))}`,
      title: `Job ${i}`,
      sentAt,
      endsAt: sentAt + Math.floor((2 + random() * 18) * DAY),
      ending: endings[Math.floor(random() * endings.length)]!,
      here: i % 2 === 0,
    };
  });
  return { jobs, now: START };
}

/**
 * The look-ups' cache as the tracker uses it (utils/cache.ts cannot load in Node: its bench switches are the
 * bundler's): an entry per client; a load fetches, stores, and tells recordHistory, as the worker's does.
 */
function cacheOver(
  entries: Map<string, CacheEntry<ClientJobs>>,
  now: () => number,
  stored: (id: string, history: ClientJobs) => Promise<void>,
): TtlCache<ClientJobs> {
  const put = async (id: string, value: ClientJobs) => {
    entries.set(id, { storedAt: now(), value, problem: null });
    await stored(id, value);
  };
  return {
    peek: async (id) => entries.get(id) ?? null,
    isFresh: (entry) => now() - entry.storedAt < 6 * HOUR,
    put,
    expire: async (id) => void entries.delete(id),
    load: async (id, fetcher) => {
      await put(id, await fetcher());
      return { entry: entries.get(id)!, fromCache: false };
    },
  };
}

export async function measureOutcomeTracking() {
  const w = world();
  const calls: Array<{ at: number; kind: 'client-jobs' | 'by-ciphertext'; id: string }> = [];
  // UpHunt syncs a client every few hours: its data is 6 hours old.
  const historyOf = (companyId: string): ClientJobs => {
    const synced = w.now - 6 * HOUR;
    const theirs = w.jobs.filter((job) => job.companyId === companyId && job.sentAt <= synced);
    const ended = theirs.filter((job) => job.ending !== 'open' && job.endsAt <= synced);
    return ClientJobsSchema.parse({
      companyId,
      lastSyncedAt: synced,
      openJobs: theirs.filter((job) => !ended.includes(job)).map((job) => ({ id: job.ciphertext.slice(3), ciphertext: job.ciphertext, title: job.title })),
      workHistory: ended
        .filter((job) => job.ending !== 'close')
        .map((job) => ({
          status: 'ACTIVE',
          startDate: new Date(job.endsAt).toISOString(),
          jobInfo: { title: job.title, id: job.ciphertext.slice(3), ciphertext: job.ciphertext },
          contractorInfo: { contractorName: job.ending === 'hire-ours' ? 'Ada N.' : 'Carla M.', ciphertext: null },
        })),
    });
  };
  const entries = new Map<string, CacheEntry<ClientJobs>>();
  const cache = () =>
    cacheOver(
      entries,
      () => w.now,
      (id, history) => recordHistory(deps, id, history),
    );
  const companyOf = new Map<string, string>();
  const outcomes = memory<Record<string, Outcome>>();
  const deps: TrackDeps = {
    now: () => w.now,
    entries: async () =>
      w.jobs
        .filter((job) => job.sentAt <= w.now)
        .map((job): LogEntry => ({
          key: job.ciphertext,
          ciphertext: job.ciphertext,
          companyId: job.here ? job.companyId : null,
          applied: true,
          outcome: null,
          title: job.title,
          url: null,
          clientName: null,
          freelancerName: 'Ada Novak',
          connects: 16,
          status: 'Applied',
          tone: 'good',
          createdAt: job.sentAt,
          settledAt: job.sentAt,
          source: job.here ? 'here' : 'uphunt',
        })),
    outcomes,
    lookups: memory<number[]>(),
    companyOf: { get: async (c) => companyOf.get(c) ?? null, set: async (c, id) => void companyOf.set(c, id) },
    clientJobs: cache(),
    uphunt: async () => ({
      clientJobs: async (id) => {
        calls.push({ at: w.now, kind: 'client-jobs', id });
        return historyOf(id);
      },
      companyIdForCiphertext: async (ciphertext) => {
        calls.push({ at: w.now, kind: 'by-ciphertext', id: ciphertext });
        const job = w.jobs.find((j) => j.ciphertext === ciphertext);
        if (!job) throw new ApiError({ service: 'UpHunt', kind: 'not_found', status: 404, detail: 'not archived', retryAt: null });
        return job.companyId;
      },
    }),
    agency: async () => ['Ada Novak', 'Bruno Silva'],
    pagesBusy: async () => false,
  };

  // The moments the worker runs a pass: each application, every restart, and whatever the last pass asked for.
  const wakes = new Set<number>([...w.jobs.map((job) => job.sentAt), ...Array.from({ length: (60 * DAY) / (45 * 60_000) }, (_, i) => START + i * 45 * 60_000)]);
  let passes = 0;
  while (wakes.size > 0) {
    const at = Math.min(...wakes);
    wakes.delete(at);
    if (at > START + 60 * DAY) break;
    w.now = at;
    const next = await track(deps);
    passes += 1;
    if (next !== null) wakes.add(next);
  }

  const perClientDay = new Map<string, number>();
  for (const call of calls.filter((c) => c.kind === 'client-jobs')) {
    const key = `${call.id} ${Math.floor((call.at - START) / DAY)}`;
    perClientDay.set(key, (perClientDay.get(key) ?? 0) + 1);
  }
  const lookups = calls.filter((c) => c.kind === 'by-ciphertext').map((c) => c.at);
  const perHour = Math.max(0, ...lookups.map((at) => lookups.filter((t) => t >= at && t < at + HOUR).length));
  const final = Object.values((await outcomes.getValue()) ?? {});
  const expected = w.jobs.filter((job) => job.ending !== 'open').length;
  console.log(`  ${passes} passes, ${calls.length} calls; outcomes: ${final.map((o) => o.kind).join(', ')}`);
  record('outcome tracking: most client-jobs calls for one client in one day (60 days)', 'calls', [Math.max(...perClientDay.values())], { budget: 1 });
  record('outcome tracking: most look-ups of unknown clients in one hour', 'calls', [perHour], { budget: LOOKUPS_PER_HOUR });
  record(`outcome tracking: client-jobs calls in 60 days (${APPLICATIONS} applications, ${CLIENTS} clients)`, 'calls', [
    calls.filter((c) => c.kind === 'client-jobs').length,
  ]);
  record(`outcome tracking: final outcomes learnt (of ${expected} jobs that ended)`, 'jobs', [
    final.filter((o) => ['hired-you', 'hired-other', 'closed'].includes(o.kind)).length,
  ]);
}
