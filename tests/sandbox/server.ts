/**
 * Our stand-in for UpHunt, Mindcase and Upwork's pages, following ../shared/api-contract.md: auth for both
 * UpHunt key kinds, rate-limit headers, 429 with Retry-After, the documented errors, adjustable latency and
 * a fault switch tests set per request. One server answers all three hosts, chosen by the Host header
 * (or `x-sandbox-host` when a test forwards requests to it).
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { ALL_JOBS, archivedJob, BENCH_JOBS, CLIENTS, FREELANCERS, JOBS, KEYS } from './data';
import { seedClient, seedRun } from '../real/seeds';
import { jobPath, renderApplyPage, renderFeedPage, renderJobPage, renderJobPage2026, renderNotFound, renderProposalPage } from './upwork-pages';
import { createJobStream } from './stream';

export interface Fault {
  host?: string;
  method?: string;
  /** Substring of the path (with query) the fault applies to. */
  path?: string;
  /** A pattern the path must match (in-process tests only: a RegExp does not travel as JSON). */
  pathMatches?: RegExp;
  /**
   * The request is handled as usual (an application is queued, a run started) and only its answer is
   * replaced by the fault: the answer lost on the way back.
   */
  afterHandling?: boolean;
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  delayMs?: number;
  /** refuse: drop the connection; stall: never answer; malformed-json: broken JSON; wrong-shape: valid JSON, wrong fields. */
  kind?: 'refuse' | 'stall' | 'malformed-json' | 'wrong-shape';
  /** How many matching requests it applies to (default 1). */
  times?: number;
}

export interface LoggedRequest {
  /** When the request arrived and when it was answered (Unix ms). */
  startedAt: number;
  at: number;
  host: string;
  method: string;
  path: string;
  status: number;
  auth: 'x-api-key' | 'bearer' | 'none';
  /** The JSON body of a POST, for tests that check what was sent. */
  body?: unknown;
}

export interface SandboxOptions {
  port?: number;
  host?: string;
  latencyMs?: number;
  tls?: { key: string; cert: string };
}

export interface Sandbox {
  url: string;
  port: number;
  addFault(fault: Fault): void;
  /** Serves this HTML at this www.upwork.com path (a real capture), before the sandbox's own pages. */
  servePage(path: string, html: string): void;
  /** An application to this job made elsewhere (UpHunt's dashboard, another browser), as UpHunt holds it. */
  applyElsewhere(jobId: string): void;
  /**
   * Serves the seeds' own examples verbatim, read from ../shared/seeds: seed 000's client for its company
   * (1991212616395436888) and seed 002's row for its job (~022051005096520707758).
   */
  useSeeds(): void;
  /** Mindcase reports this status for every run from now on (e.g. "rejected_balance"). */
  setRunStatus(status: string | null): void;
  /** Upwork publishes this many new jobs now (Mindcase's keyword searches find them newest first). */
  publishJobs(count: number): void;
  /** UpHunt's archive holds this job, of this company (by-ciphertext answers it). */
  archive(ciphertext: string, companyId: string): void;
  /**
   * Later in the job's life, as UpHunt's history of its client will show it `afterMs` from now: the client hires
   * one of the agency's freelancers (Ada Novak, written "Ada N."), hires someone else, or closes it without a hire.
   */
  endJob(ciphertext: string, ending: JobEnding, afterMs?: number): void;
  /** UpHunt's data of a client with an ended job is this far from now (its `lastSyncedAt`): days passing in a test. */
  setDataClock(offsetMs: number): void;
  /** How the next applications end, and after how long they stop being `processing`. */
  setApplyOutcome(status: string, settleMs: number): void;
  setLatency(ms: number): void;
  requests(): LoggedRequest[];
  reset(): void;
  close(): Promise<void>;
}

export type JobEnding = 'hire-ours' | 'hire-other' | 'close';

/**
 * Stand-ins for where watched searches deliver: ntfy (JSON publishing to the server's root), a Slack incoming
 * webhook (answers "ok"), a Discord webhook (204), Telegram's Bot API (`/bot<token>/sendMessage`) and a plain
 * JSON webhook. Each answers as its service documents it; a test faults them by host like any other.
 */
export const DESTINATION_HOSTS = ['ntfy.sh', 'hooks.slack.com', 'discord.com', 'api.telegram.org', 'hooks.example.com'];
export const TELEGRAM_TOKEN = '123456789:AAHsandbox_bot_token_for_tests_only';

const LIMITS: Record<string, number> = { apply: 60, status: 300, 'applied-jobs': 60, 'generate-proposal': 30, freelancers: 30, reads: 600, mindcase: 60 };

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  let latencyMs = options.latencyMs ?? 0;
  let faults: Array<Fault & { left: number }> = [];
  let log: LoggedRequest[] = [];
  const windows = new Map<string, { start: number; used: number }>();
  const runs = new Map<
    string,
    {
      inputs: string[];
      createdAt: number;
      readyAt: number;
      status: 'queued' | 'running' | 'completed' | 'cancelled';
      /** A keyword search's rows, as found when it ran. */
      found?: Array<Record<string, unknown>>;
    }
  >();
  const stream = createJobStream();
  const applications = new Map<string, { jobId: string; createdAt: number; profileId: string | null; status: string; settleMs: number }>();
  const statusOf = (a: { createdAt: number; status: string; settleMs: number }) => (Date.now() - a.createdAt >= a.settleMs ? a.status : 'processing');
  let credits = 25;
  let outcome = { status: 'applied', settleMs: 8000 };
  const sockets = new Set<Socket>();
  const pages = new Map<string, string>();
  let seeds: { client: { companyId: string }; row: Record<string, unknown> } | null = null;
  let forcedRunStatus: string | null = null;
  const extraArchive = new Map<string, string>();
  const endings = new Map<string, { ending: JobEnding; at: number }>();
  let dataClockMs = 0;
  const endJob = (ciphertext: string, ending: JobEnding, afterMs = 0) => void endings.set(ciphertext.toLowerCase(), { ending, at: Date.now() + afterMs });

  /** A client's record as UpHunt would answer it now: the jobs ended by now gone from the open ones, their hires added. */
  function clientRecord(record: Record<string, unknown>): Record<string, unknown> {
    const now = Date.now();
    const open = record.openJobs as Array<{ id: string; ciphertext: string; title: string }>;
    const ended = open.filter((job) => (endings.get(job.ciphertext)?.at ?? Infinity) <= now);
    if (ended.length === 0) return record;
    const hires = ended.flatMap((job) => {
      const { ending } = endings.get(job.ciphertext)!;
      if (ending === 'close') return [];
      const contractor = ending === 'hire-ours' ? 'Ada N.' : 'Carla M.';
      return [
        {
          isPtcJob: false,
          status: 'ACTIVE',
          startDate: new Date(now + dataClockMs).toISOString(),
          endDate: null,
          totalCharge: 0,
          totalHours: 0,
          jobInfo: { title: job.title, id: job.id, ciphertext: job.ciphertext },
          contractorInfo: { contractorName: contractor, ciphertext: `~01${contractor === 'Ada N.' ? 'ada' : 'carla'}0000000000000` },
          rate: null,
          feedback: null,
          feedbackToClient: null,
        },
      ];
    });
    return {
      ...record,
      lastSyncedAt: now + dataClockMs,
      openJobs: open.filter((job) => !ended.includes(job)),
      workHistory: [...hires, ...(record.workHistory as unknown[])],
    };
  }

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const host = String(req.headers['x-sandbox-host'] ?? req.headers.host ?? '').replace(/:\d+$/, '');
    const path = req.url ?? '/';
    const method = req.method ?? 'GET';
    const startedAt = Date.now();
    const body = await readBody(req);
    const auth: LoggedRequest['auth'] = req.headers['x-api-key'] ? 'x-api-key' : req.headers.authorization ? 'bearer' : 'none';
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}, raw?: string) => {
      if (!path.startsWith('/__sandbox'))
        log.push({ startedAt, at: Date.now(), host, method, path, status, auth, ...(method === 'POST' ? { body: safeJson(body) } : {}) });
      res.writeHead(status, {
        'content-type': typeof payload === 'string' && raw === undefined && headers['content-type'] ? headers['content-type'] : 'application/json',
        ...headers,
      });
      res.end(raw ?? (typeof payload === 'string' ? payload : JSON.stringify(payload)));
    };

    if (path.startsWith('/__sandbox/')) return control(path, body, send);

    const fault = faults.find(
      (f) =>
        f.left > 0 &&
        (!f.host || f.host === host) &&
        (!f.method || f.method === method) &&
        (!f.path || path.includes(f.path)) &&
        (!f.pathMatches || f.pathMatches.test(path)),
    );
    if (fault?.afterHandling) {
      // Handle it for real, throw the answer away, then answer with the fault.
      fault.left -= 1;
      const discard = () => undefined;
      if (host === 'uphunt.io') uphunt(method, path, body, req, discard);
      else if (host === 'api.mindcase.co') mindcase(method, path, body, req, discard);
    }
    if (fault) {
      if (!fault.afterHandling) fault.left -= 1;
      if (fault.delayMs) await sleep(fault.delayMs);
      if (fault.kind === 'refuse') {
        log.push({ startedAt, at: Date.now(), host, method, path, status: 0, auth });
        req.socket.destroy();
        return;
      }
      if (fault.kind === 'stall') {
        log.push({ startedAt, at: Date.now(), host, method, path, status: 0, auth });
        return; // never answers; the client's timeout must fire
      }
      if (fault.kind === 'malformed-json') return send(fault.status ?? 200, null, fault.headers, '{"companyId": "19912126163954368');
      if (fault.kind === 'wrong-shape') return send(fault.status ?? 200, { items: 'not what you asked for' }, fault.headers);
      if (fault.status) return send(fault.status, fault.body ?? { error: 'sandbox_fault', message: `Fault injected (${fault.status})` }, fault.headers);
    }
    if (latencyMs > 0) await sleep(latencyMs);

    if (host === 'www.upwork.com') return upwork(path, res, startedAt);
    if (host === 'uphunt.io') return uphunt(method, path, body, req, send);
    if (host === 'api.mindcase.co') return mindcase(method, path, body, req, send);
    if (DESTINATION_HOSTS.includes(host)) return destination(host, method, path, body, send);
    return send(404, { error: 'not_found', message: `The sandbox does not play ${host}` });
  };

  function control(path: string, body: string, send: (s: number, p: unknown) => void) {
    const input = body ? (JSON.parse(body) as unknown) : null;
    if (path === '/__sandbox/faults') {
      const list = (Array.isArray(input) ? input : [input]) as Fault[];
      for (const f of list) faults.push({ ...f, left: f.times ?? 1 });
      return send(200, { ok: true });
    }
    if (path === '/__sandbox/latency') {
      latencyMs = Number((input as { ms?: number } | null)?.ms ?? 0);
      return send(200, { ok: true });
    }
    if (path === '/__sandbox/reset') {
      reset();
      return send(200, { ok: true });
    }
    if (path === '/__sandbox/requests') return send(200, log);
    if (path === '/__sandbox/end-job') {
      const { ciphertext, ending, afterMs } = input as { ciphertext: string; ending: JobEnding; afterMs?: number };
      endJob(ciphertext, ending, afterMs);
      return send(200, { ok: true });
    }
    if (path === '/__sandbox/data-clock') {
      dataClockMs = Number((input as { offsetMs?: number } | null)?.offsetMs ?? 0);
      return send(200, { ok: true });
    }
    if (path === '/__sandbox/publish') {
      stream.publish(Number((input as { count?: number } | null)?.count ?? 1));
      return send(200, { ok: true });
    }
    return send(404, { error: 'not_found' });
  }

  function upwork(path: string, res: ServerResponse, startedAt: number) {
    const pathname = path.split('?')[0] ?? '/';
    const html = (status: number, text: string) => {
      log.push({ startedAt, at: Date.now(), host: 'www.upwork.com', method: 'GET', path, status, auth: 'none' });
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
      res.end(text);
    };
    const served = pages.get(pathname);
    if (served !== undefined) return html(200, served);
    const job = ALL_JOBS.find((j) => pathname.toLowerCase().includes(j.ciphertext)) ?? stream.find(/~0[0-9a-f]+/i.exec(pathname)?.[0]?.toLowerCase() ?? '');
    if (job && /^\/(jobs|freelance-jobs\/apply)\//.test(pathname)) return html(200, renderJobPage(job, JOBS));
    if (job && /^\/nx\/proposals\/job\/[^/]+\/apply\/?$/.test(pathname)) return html(200, renderApplyPage(job));
    // Upwork's 2026 job viewer, in the 2026 design.
    if (job && pathname.startsWith('/nx/s/job-details-viewer/')) return html(200, renderJobPage2026(job, JOBS));
    // most-recent is the ~2 MB feed (the test page long-feed.html); the other lists are short.
    if (pathname.startsWith('/nx/find-work/most-recent')) return html(200, renderFeedPage(JOBS, 2200));
    // The bench's search: its 80 jobs, opened as slide-overs.
    if (pathname.startsWith('/nx/search/jobs') && path.includes('q=bench')) return html(200, renderFeedPage(BENCH_JOBS, 0));
    // 2026: the universal search and saved searches show the same tiles.
    if (pathname.startsWith('/nx/find-work') || pathname.startsWith('/nx/search/jobs') || /^\/nx\/s\/[^/]+\/jobs/.test(pathname))
      return html(200, renderFeedPage(JOBS));
    // /nx/proposals/1000000003 shows JOBS[2]; /nx/proposals/1 is a proposal page whose job cannot be read. Upwork
    // lands on a proposal's page with ?success right after it was sent, and says so.
    const proposal = /^\/nx\/proposals\/(\d+)\/?$/.exec(pathname);
    if (proposal) return html(200, renderProposalPage(JOBS[Number(proposal[1]) - 1000000001] ?? null, /[?&]success\b/.test(path)));
    return html(404, renderNotFound());
  }

  function destination(
    host: string,
    method: string,
    path: string,
    body: string,
    send: (s: number, p: unknown, h?: Record<string, string>, raw?: string) => void,
  ) {
    const input = safeJson(body) as Record<string, unknown> | null;
    if (method !== 'POST' || !input) return send(400, { error: 'a JSON POST is expected' });
    if (host === 'ntfy.sh') {
      if (path !== '/' || typeof input.topic !== 'string') return send(400, { code: 40001, http: 400, error: 'invalid request: topic missing' });
      return send(200, {
        id: `n${log.length}`,
        time: Math.floor(Date.now() / 1000),
        event: 'message',
        topic: input.topic,
        title: input.title,
        message: input.message,
      });
    }
    if (host === 'hooks.slack.com')
      return typeof input.text === 'string' ? send(200, 'ok', { 'content-type': 'text/html' }) : send(400, 'invalid_payload', { 'content-type': 'text/html' });
    if (host === 'discord.com')
      return typeof input.content === 'string' && input.content.length <= 2000
        ? send(204, '', {}, '')
        : send(400, { code: 50006, message: 'Cannot send an empty message' });
    if (host === 'api.telegram.org') {
      if (path !== `/bot${TELEGRAM_TOKEN}/sendMessage`) return send(401, { ok: false, error_code: 401, description: 'Unauthorized' });
      return send(200, { ok: true, result: { message_id: log.length, chat: { id: input.chat_id }, text: input.text } });
    }
    return send(200, { received: true });
  }

  function limited(group: string, key: string, send: (s: number, p: unknown, h?: Record<string, string>) => void): Record<string, string> | null {
    const limit = LIMITS[group] ?? 60;
    const now = Date.now();
    const id = `${group}:${key}`;
    let window = windows.get(id);
    if (!window || now - window.start >= 60_000) window = { start: now, used: 0 };
    windows.set(id, window);
    const reset = Math.ceil((window.start + 60_000) / 1000);
    if (window.used >= limit) {
      const retryAfter = Math.max(1, reset - Math.floor(now / 1000));
      send(
        429,
        {
          error: 'rate_limit_exceeded',
          message: 'Rate limit exceeded',
          limit,
          used: window.used,
          resetsAt: new Date(reset * 1000).toISOString(),
          retry_after: retryAfter,
        },
        {
          'retry-after': String(retryAfter),
          'x-ratelimit-limit': String(limit),
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(reset),
        },
      );
      return null;
    }
    window.used += 1;
    return { 'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': String(limit - window.used), 'x-ratelimit-reset': String(reset) };
  }

  function uphunt(method: string, path: string, body: string, req: IncomingMessage, send: (s: number, p: unknown, h?: Record<string, string>) => void) {
    const url = new URL(path, 'https://uphunt.io');
    const key = typeof req.headers['x-api-key'] === 'string' ? req.headers['x-api-key'] : null;
    // The up_ Bearer keys were retired (changelog 2026-06): a Bearer is refused everywhere, on every path.
    if (req.headers.authorization)
      return send(401, { error: 'The old /api/v1/* "Data API" Bearer (up_) key system is retired. Use your x-api-key instead of Authorization: Bearer.' });
    const valid = key === KEYS.uphunt || key === KEYS.uphuntInactive;
    if (!key || !valid) return send(401, { error: 'Invalid or missing API key' });
    if (key === KEYS.uphuntInactive) return send(403, { error: 'No active subscription' });

    const p = url.pathname.replace(/^\/api\/v1\//, '/api/').replace(/^\/api\/auto-apply\/external\//, '/api/auto-apply-v2/');
    const group = p.startsWith('/api/auto-apply-v2/') ? p.slice('/api/auto-apply-v2/'.length) : 'reads';
    const headers = limited(group, key, send);
    if (!headers) return;

    const clientMatch = /^\/api\/clients\/([^/]+)\/jobs$/.exec(p);
    if (method === 'GET' && clientMatch) {
      const wantedCompany = decodeURIComponent(clientMatch[1]!);
      if (seeds?.client.companyId === wantedCompany) return send(200, seeds.client, headers);
      const client = CLIENTS.get(wantedCompany);
      if (!client?.record) return send(404, { error: 'No archived jobs match the companyId' }, headers);
      return send(200, clientRecord(client.record), headers);
    }
    const cipher = p === '/api/jobs/by-ciphertext' ? url.searchParams.get('cipher') : (/^\/api\/jobs\/(~0[^/]+)$/.exec(p)?.[1] ?? null);
    if (method === 'GET' && cipher !== null) {
      const wanted = decodeURIComponent(cipher).toLowerCase();
      const extra = extraArchive.get(wanted);
      if (extra)
        return send(
          200,
          archivedJob({ ciphertext: wanted, title: 'Archived job', type: 'HOURLY', companyId: extra, pageHasCompanyId: false, archived: true }),
          headers,
        );
      const job = ALL_JOBS.find((j) => j.ciphertext === wanted) ?? stream.find(wanted);
      if (!job?.archived) return send(404, { error: 'Job not found: verify the jobId and that the job has been scraped' }, headers);
      return send(200, archivedJob(job), headers);
    }
    if (method === 'GET' && p === '/api/auto-apply-v2/freelancers') return send(200, FREELANCERS, headers);
    if (method === 'GET' && p === '/api/auto-apply-v2/applied-jobs') {
      const items = [...applications.entries()].map(([queueId, a]) => ({
        queueId,
        jobId: a.jobId,
        profileId: a.profileId,
        applicationStatus: statusOf(a),
        createdAt: a.createdAt,
      }));
      return send(200, { items, total: items.length }, headers);
    }
    if (method === 'POST' && p === '/api/auto-apply-v2/apply') {
      const input = safeJson(body) as { jobId?: unknown; coverLetter?: unknown; profileId?: unknown; proposal?: { timeline?: unknown } } | null;
      if (!input || typeof input.jobId !== 'string' || typeof input.coverLetter !== 'string' || input.coverLetter.trim() === '') {
        return send(400, { error: 'jobId and coverLetter are required' }, headers);
      }
      const timeline = input.proposal?.timeline;
      if (timeline !== undefined && !['Less than 1 month', '1 to 3 months', '3 to 6 months', 'More than 6 months'].includes(String(timeline)))
        return send(422, { error: `Unknown timeline value: ${String(timeline)}` }, headers);
      // One application per job: a second one, while the first is processing or once it applied, is a 409.
      const earlier = [...applications.values()].find((a) => a.jobId === input.jobId && ['processing', 'applied'].includes(statusOf(a)));
      if (earlier) return send(409, { error: 'Already applied to this job, or an application to it is already processing' }, headers);
      if (credits <= 0) return send(402, { error: 'Insufficient auto-apply credits', creditsRemaining: 0, needsCredits: true }, headers);
      credits -= 1;
      const queueId = `q_${applications.size + 1}_${Date.now().toString(36)}`;
      applications.set(queueId, {
        jobId: input.jobId,
        createdAt: Date.now(),
        profileId: typeof input.profileId === 'string' ? input.profileId : null,
        ...outcome,
      });
      // Only `applied` spends the credit; every other outcome gives it back (api-contract.md).
      if (outcome.status !== 'applied') setTimeout(() => (credits += 1), outcome.settleMs).unref();
      return send(200, { queueId, creditsRemaining: credits }, headers);
    }
    if (method === 'GET' && p === '/api/auto-apply-v2/status') {
      const byQueue = url.searchParams.get('queueId');
      const byJob = url.searchParams.get('jobId');
      // By job: the latest application to it.
      const found = byQueue ? ([byQueue, applications.get(byQueue)] as const) : [...applications.entries()].reverse().find(([, a]) => a.jobId === byJob);
      const [queueId, entry] = found ?? [];
      if (!entry) return send(404, { error: 'No application found' }, headers);
      const status = statusOf(entry);
      const settled = status !== 'processing';
      return send(
        200,
        {
          jobId: entry.jobId,
          processedJobId: null,
          applicationStatus: status,
          applicationStatusMessage: status === 'not_eligible' ? 'The client requires a Job Success Score of 90%+.' : null,
          queueId,
          appliedAt: status === 'applied' ? entry.createdAt + entry.settleMs : null,
          processedAt: settled ? entry.createdAt + entry.settleMs : null,
          errorMessage: status === 'failed' ? 'Upwork showed a captcha; the proposal was not submitted.' : null,
        },
        headers,
      );
    }
    if (method === 'POST' && p === '/api/auto-apply-v2/generate-proposal') {
      return send(200, { coverLetter: 'Hello! I read your job post carefully and have delivered similar projects. Here is how I would approach it…' }, headers);
    }
    return send(404, { error: `No such UpHunt endpoint: ${method} ${url.pathname}` }, headers);
  }

  function mindcase(method: string, path: string, body: string, req: IncomingMessage, send: (s: number, p: unknown, h?: Record<string, string>) => void) {
    const url = new URL(path, 'https://api.mindcase.co');
    const key = /^Bearer (mk_live_.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
    // FastAPI style, as Mindcase's SDKs read it.
    if (key !== KEYS.mindcase && key !== KEYS.mindcaseEmpty) return send(401, { detail: 'Invalid API key' });
    const headers = limited('mindcase', key, send);
    if (!headers) return;
    const p = url.pathname.replace(/^\/api\/v1/, '');
    if (method === 'GET' && p === '/credits') return send(200, { credits_remaining: key === KEYS.mindcaseEmpty ? 0 : 12_480 }, headers);
    if (method === 'POST' && p === '/agents/upwork/jobs/run') {
      const input = safeJson(body) as { params?: { inputs?: unknown } } | null;
      const inputs = input?.params?.inputs;
      if (!Array.isArray(inputs) || inputs.length === 0)
        return send(
          422,
          { error: 'validation_error', message: 'inputs is required', details: { field: 'params.inputs', reason: 'must be a non-empty array' } },
          headers,
        );
      if (key === KEYS.mindcaseEmpty)
        return send(402, { error: 'insufficient_credits', message: 'Not enough credits', credits_required: inputs.length * 3, credits_available: 0 }, headers);
      const id = `job_${(runs.size + 1).toString(16)}${Date.now().toString(36)}`;
      // Inputs that name no job are search keywords: the newest `limit` jobs of the stream, per keyword.
      const params = (input?.params ?? {}) as { limit?: unknown; isHourly?: unknown; isFixed?: unknown };
      const keywords = inputs.map(String).filter((i) => !/~0[0-9a-f]{10,}|^\d{15,20}$/i.test(i));
      const found = keywords.length ? keywords.flatMap((k) => stream.search(k, Number(params.limit ?? 50), params)) : undefined;
      runs.set(id, { inputs: inputs.map(String), createdAt: Date.now(), readyAt: Date.now() + 1500, status: 'queued', found });
      return send(202, { job_id: id, status: 'queued', agent: 'upwork/jobs', created_at: new Date().toISOString() }, headers);
    }
    if (method === 'GET' && p === '/jobs') {
      // The account's runs, newest first (how a run whose start answer was lost is found).
      const limit = Number(url.searchParams.get('limit') ?? 20);
      const list = [...runs.entries()]
        .reverse()
        .slice(0, limit)
        .map(([id, r]) => ({
          id,
          status: forcedRunStatus ?? (Date.now() >= r.readyAt ? 'completed' : 'running'),
          agent: 'upwork/jobs',
          created_at: new Date(r.createdAt).toISOString(),
        }));
      return send(200, { jobs: list }, headers);
    }
    const runMatch = /^\/jobs\/([^/]+)(\/results)?$/.exec(p);
    const run = runMatch ? runs.get(runMatch[1]!) : undefined;
    if (!runMatch || !run) return send(404, { error: 'not_found', message: 'No such job' }, headers);
    if (run.status !== 'cancelled') run.status = Date.now() >= run.readyAt ? 'completed' : 'running';
    if (method === 'DELETE') {
      if (run.status === 'completed')
        return send(422, { error: 'validation_error', message: 'Run already completed', details: { field: 'id', reason: 'completed' } }, headers);
      run.status = 'cancelled';
      return send(200, { id: runMatch[1], status: 'cancelled' }, headers);
    }
    const rowOf = (input: string) => (seeds && input.toLowerCase().includes('~022051005096520707758') ? seeds.row : mindcaseRow(input));
    const rows = run.status === 'completed' ? (run.found ?? run.inputs.map(rowOf)) : [];
    if (forcedRunStatus && !runMatch[2])
      return send(200, { id: runMatch[1], status: forcedRunStatus, agent: 'upwork/jobs', row_count: 0, credits_used: 0, error: null }, headers);
    if (runMatch[2]) {
      if (run.status !== 'completed') return send(404, { error: 'not_found', message: 'Results not ready' }, headers);
      return send(200, { status: 'completed', row_count: rows.length, data: rows }, headers);
    }
    return send(
      200,
      {
        id: runMatch[1],
        status: run.status,
        agent: 'upwork/jobs',
        row_count: rows.length,
        credits_used: rows.length * 3,
        created_at: new Date(run.createdAt).toISOString(),
        completed_at: run.status === 'completed' ? new Date(run.readyAt).toISOString() : null,
        expires_at: null,
      },
      headers,
    );
  }

  function reset() {
    faults = [];
    pages.clear();
    extraArchive.clear();
    endings.clear();
    dataClockMs = 0;
    seeds = null;
    forcedRunStatus = null;
    log = [];
    windows.clear();
    runs.clear();
    stream.reset();
    applications.clear();
    credits = 25;
    outcome = { status: 'applied', settleMs: 8000 };
    latencyMs = options.latencyMs ?? 0;
  }

  const server: Server = options.tls ? createHttpsServer(options.tls, (q, s) => void handler(q, s)) : createHttpServer((q, s) => void handler(q, s));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    addFault: (fault) => faults.push({ ...fault, left: fault.times ?? 1 }),
    servePage: (path, html) => void pages.set(path, html),
    applyElsewhere: (jobId) => void applications.set(`q_elsewhere_${applications.size + 1}`, { jobId, createdAt: Date.now(), profileId: null, ...outcome }),
    useSeeds: () => {
      const run = seedRun();
      seeds = { client: seedClient(), row: run.data[0]! };
    },
    setRunStatus: (status) => void (forcedRunStatus = status),
    publishJobs: (count) => stream.publish(count),
    archive: (ciphertext, companyId) => void extraArchive.set(ciphertext.toLowerCase(), companyId),
    endJob,
    setDataClock: (offsetMs) => void (dataClockMs = offsetMs),
    setApplyOutcome: (status, settleMs) => {
      outcome = { status, settleMs };
    },
    setLatency: (ms) => {
      latencyMs = ms;
    },
    requests: () => [...log],
    reset,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const SKILLS: Record<string, string[]> = {
  HOURLY: ['React', 'TypeScript', 'Python', 'Data Engineering', 'QA Testing', 'Data Entry'],
  FIXED: ['Shopify', 'Graphic Design', 'Logo Design', 'Copywriting', 'WordPress'],
};

/** A Mindcase "upwork/jobs" row (seed 002's shape) for a job of the sandbox. */
function mindcaseRow(input: string) {
  const cipher = /~0[0-9a-f]+/i.exec(input)?.[0]?.toLowerCase() ?? null;
  const job = ALL_JOBS.find((j) => j.ciphertext === cipher);
  const type = job?.type ?? 'FIXED';
  const skills = SKILLS[type]!;
  const n = job ? ALL_JOBS.indexOf(job) : 0;
  return {
    jobUrl: cipher ? `https://www.upwork.com/jobs/${cipher}` : input,
    jobTitle: job?.title ?? null,
    description: job
      ? `We need help with "${job.title}". You will work with our team over the next weeks; please describe similar work you have done. (Sandbox description.)`
      : null,
    status: 'ACTIVE',
    contractorTier: ['INTERMEDIATE', 'EXPERT', 'ENTRY'][n % 3],
    workload: type === 'HOURLY' ? 'Less than 30 hrs/week' : null,
    engagementDuration: type === 'HOURLY' ? '1 to 3 months' : 'Less than 1 month',
    budget: type === 'FIXED' ? 250 + n * 150 : null,
    extendedBudget: type === 'HOURLY' ? { hourlyBudgetMin: 20 + n * 5, hourlyBudgetMax: 45 + n * 5 } : null,
    category: 'Web Development',
    postedOn: new Date(Date.now() - 3 * 3_600_000).toISOString(),
    clientActivity: {
      lastBuyerActivity: new Date(Date.now() - 40 * 60_000).toISOString(),
      totalApplicants: 12 + n,
      totalHired: 0,
      totalInvitedToInterview: 2,
      unansweredInvites: 1,
      invitationsSent: 3,
      numberOfPositionsToHire: 1,
      interviewRatio: '17%',
    },
    sandsData: {
      ontologySkills: skills.slice(0, 4).map((label, i) => ({ prefLabel: label, relevance: i < 2 ? 'MANDATORY' : 'NICE_TO_HAVE', id: String(1000 + i) })),
      additionalSkills: null,
    },
    openingInfo: cipher ? { ciphertext: cipher, id: cipher.slice(3), type, access: 'PUBLIC_INDEX', title: job?.title ?? null } : null,
    minJobSuccessScore: n % 2 ? 90 : 0,
    minUpworkHours: 0,
    englishSkill: n % 2 ? 'FLUENT' : 'ANY',
    risingTalentOk: n % 2 === 0,
    portfolioRequired: false,
    localMarket: false,
    locationCheck: false,
    paymentVerified: true,
    similarJobs: [
      {
        id: null,
        ciphertext: '~021961461537889921207',
        title: 'Dashboard for logistics KPIs',
        type: 'HOURLY',
        hourlyBudgetMin: 30,
        hourlyBudgetMax: 60,
        skills: ['React', 'D3.js'],
      },
      {
        id: null,
        ciphertext: '~021961461537889921208',
        title: 'Fix Shopify checkout bug',
        type: 'FIXED',
        amount: { amount: 400 },
        skills: ['Shopify', 'Liquid'],
      },
      {
        id: null,
        ciphertext: '~021961461537889921209',
        title: 'Airflow pipeline review',
        type: 'HOURLY',
        hourlyBudgetMin: null,
        hourlyBudgetMax: 80,
        skills: ['Python', 'Airflow'],
      },
    ],
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(''));
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export { jobPath };
