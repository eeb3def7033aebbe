/** One way to call a JSON API: timeout, status → typed error, body checked by a zod schema. */
import type * as z from 'zod/mini';
import type { Problem, ProblemKind, Service } from './problem';
import { storedLimiter, type Limiter } from './limiter';
import { waitMs } from './timing';

export class ApiError extends Error {
  constructor(
    readonly problem: Problem,
    /** The error answer's JSON body, for fields beside the message (UpHunt's `creditsRemaining` on a 402). */
    readonly body: unknown = null,
  ) {
    super(`${problem.service} ${problem.kind}${problem.status ? ` (${problem.status})` : ''}: ${problem.detail}`);
    this.name = 'ApiError';
  }
}

export interface RateLimit {
  limit: number | null;
  remaining: number | null;
  /** Unix seconds. */
  reset: number | null;
}

/** What the Activity log keeps of one request (see activity.ts). */
export interface RequestRecord {
  at: number;
  service: Service;
  method: string;
  url: string;
  status: number | null;
  outcome: 'ok' | ProblemKind;
  cost: string | null;
  rateLimit: RateLimit | null;
}

export interface HttpDeps {
  fetch: typeof fetch;
  now: () => number;
  /** Told of every request once it ended; never of its headers or body. */
  record?: (entry: RequestRecord) => void;
  /** Where the pauses a service asked for are kept (limiter.ts); without one, none is honoured. */
  limiter?: Limiter;
}

export const defaultHttpDeps: HttpDeps = {
  // Bound late so tests and the sandbox routing can replace the global.
  fetch: (...args) => globalThis.fetch(...args),
  now: () => Date.now(),
  limiter: storedLimiter,
};

export interface JsonRequest<S extends z.ZodMiniType> {
  service: Service;
  url: string;
  method?: 'GET' | 'POST' | 'DELETE';
  headers: Record<string, string>;
  body?: unknown;
  schema: S;
  timeoutMs?: number;
  /** What the call costs the user, in words, for the Activity log (null: free). */
  cost?: string;
  /** Any 2xx is the answer (a webhook's "ok", or nothing): no JSON is expected. */
  anyAnswer?: boolean;
}

export interface JsonResponse<T> {
  data: T;
  rateLimit: RateLimit;
}

const DEFAULT_RETRY_AFTER_MS = 30_000;

/** Calls of one kind share a limit: UpHunt's reads, each auto-apply endpoint, Mindcase's key. */
function limitGroup(request: JsonRequest<z.ZodMiniType>): string {
  if (request.service === 'Mindcase') return 'Mindcase';
  if (request.service === 'Destination') return `Destination ${new URL(request.url).host}`;
  const path = new URL(request.url).pathname;
  return path.startsWith('/api/auto-apply-v2/') ? `UpHunt ${path.split('/')[3] ?? ''}` : 'UpHunt reads';
}

export async function requestJson<S extends z.ZodMiniType>(request: JsonRequest<S>, deps: HttpDeps = defaultHttpDeps): Promise<JsonResponse<z.output<S>>> {
  let status: number | null = null;
  let rateLimit: RateLimit | null = null;
  const group = limitGroup(request);
  // Within a pause the service asked for, nothing is sent: the caller is told until when, as by a 429.
  const until = (await deps.limiter?.until(group)) ?? 0;
  if (until > deps.now()) {
    const detail = 'waiting for the rate limit to reset (nothing was sent)';
    throw new ApiError({ service: request.service, kind: 'rate_limited', status: null, detail, retryAt: until });
  }
  try {
    const answer = await send(request, deps, (s, limit) => {
      status = s;
      rateLimit = limit;
    });
    deps.record?.(recordOf(request, deps, status, 'ok', rateLimit));
    return answer;
  } catch (error) {
    deps.record?.(recordOf(request, deps, status, error instanceof ApiError ? error.problem.kind : 'network', rateLimit));
    const retryAt = error instanceof ApiError ? error.problem.retryAt : null;
    if (retryAt !== null) await deps.limiter?.pause(group, retryAt, deps.now());
    throw error;
  } finally {
    // A limit used up: the next call of its group waits for the reset instead of spending a 429.
    const used = rateLimit as RateLimit | null;
    if (used?.remaining === 0 && used.reset !== null) await deps.limiter?.pause(group, used.reset * 1000, deps.now());
  }
}

function recordOf(
  request: JsonRequest<z.ZodMiniType>,
  deps: HttpDeps,
  status: number | null,
  outcome: RequestRecord['outcome'],
  rateLimit: RateLimit | null,
): RequestRecord {
  return {
    at: deps.now(),
    service: request.service,
    method: request.method ?? 'GET',
    // A destination's URL is its secret (a webhook's path, a bot's token): only its host is ever recorded.
    url: request.service === 'Destination' ? new URL(request.url).origin : request.url,
    status,
    outcome,
    cost: request.cost ?? null,
    rateLimit,
  };
}

async function send<S extends z.ZodMiniType>(
  request: JsonRequest<S>,
  deps: HttpDeps,
  answered: (status: number, rateLimit: RateLimit) => void,
): Promise<JsonResponse<z.output<S>>> {
  const { service } = request;
  const fail = (kind: ProblemKind, detail: string, status: number | null = null, retryAt: number | null = null, body: unknown = null): never => {
    throw new ApiError({ service, kind, status, detail, retryAt }, body);
  };

  let response: Response;
  try {
    response = await deps.fetch(request.url, {
      method: request.method ?? 'GET',
      headers: request.body === undefined ? request.headers : { ...request.headers, 'content-type': 'application/json' },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(request.timeoutMs ?? waitMs('request')),
      credentials: 'omit',
    });
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError')
      return fail('timeout', `no answer within ${Math.round((request.timeoutMs ?? waitMs('request')) / 100) / 10} s`);
    return fail('network', error instanceof Error ? error.message : String(error));
  }

  answered(response.status, readRateLimit(response.headers));
  const text = await response.text().catch(() => '');
  let json: unknown = undefined;
  let jsonError: string | null = null;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch (error) {
    jsonError = error instanceof Error ? error.message : 'not JSON';
  }

  if (!response.ok) {
    const status = response.status;
    // What a destination answers may echo its URL or token: only the status is kept.
    const detail =
      service === 'Destination'
        ? `${new URL(request.url).host} answered ${status}`
        : (errorDetail(json) ?? (text.slice(0, 200) || response.statusText || `HTTP ${status}`));
    if (status === 429) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), deps.now()) ?? retryAfterFromBody(json) ?? DEFAULT_RETRY_AFTER_MS;
      return fail('rate_limited', detail, status, deps.now() + retryAfterMs, json);
    }
    return fail(kindOfStatus(status), detail, status, null, json);
  }

  if (request.anyAnswer) return { data: json as z.output<S>, rateLimit: readRateLimit(response.headers) };
  if (jsonError !== null) return fail('malformed', `the answer is not JSON (${jsonError})`, response.status);
  const parsed = request.schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'the answer';
    return fail('malformed', `${where}: ${issue?.message ?? 'unexpected shape'}`, response.status);
  }
  return { data: parsed.data, rateLimit: readRateLimit(response.headers) };
}

export function kindOfStatus(status: number): ProblemKind {
  switch (status) {
    case 401:
      return 'unauthorized';
    case 402:
      return 'payment_required';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 400:
    case 422:
      return 'validation';
    case 429:
      return 'rate_limited';
    default:
      return 'server';
  }
}

/** `Retry-After` is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function retryAfterFromBody(json: unknown): number | null {
  if (json && typeof json === 'object') {
    const body = json as Record<string, unknown>;
    if (typeof body.retry_after === 'number') return body.retry_after * 1000;
    // Telegram: { parameters: { retry_after } }.
    const parameters = body.parameters as Record<string, unknown> | undefined;
    if (typeof parameters?.retry_after === 'number') return parameters.retry_after * 1000;
  }
  return null;
}

/**
 * The words of an error answer: UpHunt's `error` is human text; Mindcase's docs send `{ error, message }` and its
 * SDKs read a FastAPI-style `detail` (a string, or a list of `{ msg }`).
 */
export function errorDetail(json: unknown): string | null {
  if (!json || typeof json !== 'object') return null;
  const body = json as Record<string, unknown>;
  const detail = Array.isArray(body.detail)
    ? body.detail
        .map((d) => (d && typeof d === 'object' ? (d as { msg?: unknown }).msg : d))
        .filter((d) => typeof d === 'string')
        .join('; ')
    : body.detail;
  const parts = [body.error, body.message, detail].filter((part): part is string => typeof part === 'string' && part !== '');
  // A code word beside the human text (`{ error: "not_found", message: "Job not in archive" }`) says nothing more.
  const words = parts.filter((part, i) => !(parts.length > 1 && i === 0 && /^[a-z_]+$/.test(part)));
  return words.length ? [...new Set(words)].join(': ') : null;
}

function readRateLimit(headers: Headers): RateLimit {
  const num = (name: string) => {
    const value = headers.get(name);
    return value === null || value === '' || Number.isNaN(Number(value)) ? null : Number(value);
  };
  return { limit: num('x-ratelimit-limit'), remaining: num('x-ratelimit-remaining'), reset: num('x-ratelimit-reset') };
}

/** Until when a 429 asked us not to call (its Retry-After, Unix ms); null for any other problem. */
export function retryAtOf(problem: Problem | null | undefined): number | null {
  return problem?.kind === 'rate_limited' ? problem.retryAt : null;
}

export function toProblem(error: unknown, service: Service): Problem {
  if (error instanceof ApiError) return error.problem;
  return { service, kind: 'network', status: null, detail: error instanceof Error ? error.message : String(error), retryAt: null };
}
