/** Typed Mindcase calls (`Authorization: Bearer mk_live_…`). Every run costs money: callers decide when. */
import { ApiError, defaultHttpDeps, requestJson, type HttpDeps } from '../http';
import { CancelAnswerSchema, CreditsSchema, ResultsSchema, RunListSchema, RunSchema, StartRunSchema, type JobRow, type Run, type StartedRun } from './schemas';

export const MINDCASE_BASE = 'https://api.mindcase.co/api/v1';

export interface MindcaseApi {
  credits(): Promise<number>;
  startJobsRun(inputs: string[]): Promise<StartedRun>;
  /** A keyword search (seed 002's params, `inputs` as keywords): up to `limit` rows per keyword are charged. */
  startSearchRun(params: Record<string, unknown>): Promise<StartedRun>;
  run(id: string): Promise<Run>;
  results(id: string): Promise<JobRow[]>;
  cancel(id: string): Promise<void>;
  /** The account's newest runs (`GET /jobs`), to find one whose start answer was lost. */
  recentRuns(limit: number): Promise<Run[]>;
}

export function createMindcaseApi(apiKey: string, deps: HttpDeps = defaultHttpDeps, base = MINDCASE_BASE): MindcaseApi {
  const key = apiKey.trim();
  const headers = (): Record<string, string> => {
    if (key === '') throw new ApiError({ service: 'Mindcase', kind: 'missing_key', status: null, detail: 'no Mindcase API key saved', retryAt: null });
    return { authorization: `Bearer ${key}`, accept: 'application/json' };
  };
  const call = async <S extends Parameters<typeof requestJson>[0]['schema']>(
    path: string,
    schema: S,
    method: 'GET' | 'POST' | 'DELETE' = 'GET',
    body?: unknown,
    cost?: string,
  ) => (await requestJson({ service: 'Mindcase', url: base + path, method, headers: headers(), schema, body, cost }, deps)).data;

  return {
    credits: async () => (await call('/credits', CreditsSchema)).credits_remaining,
    startJobsRun: (inputs) =>
      call(
        '/agents/upwork/jobs/run',
        StartRunSchema,
        'POST',
        { params: { inputs, limit: inputs.length } },
        `${inputs.length} row${inputs.length === 1 ? '' : 's'}, $${(inputs.length * 0.003).toFixed(3)}`,
      ),
    startSearchRun: (params) => {
      const most = (Array.isArray(params.inputs) ? params.inputs.length : 1) * Number(params.limit ?? 0);
      return call('/agents/upwork/jobs/run', StartRunSchema, 'POST', { params }, `up to ${most} rows, $${(most * 0.003).toFixed(3)}`);
    },
    run: (id) => call(`/jobs/${encodeURIComponent(id)}`, RunSchema),
    results: async (id) => (await call(`/jobs/${encodeURIComponent(id)}/results`, ResultsSchema)).data,
    recentRuns: (limit) => call(`/jobs?limit=${limit}`, RunListSchema),
    cancel: async (id) => {
      await call(`/jobs/${encodeURIComponent(id)}`, CancelAnswerSchema, 'DELETE');
    },
  };
}
