/** Typed UpHunt calls. Every key goes in `x-api-key`: UpHunt retired the `up_` Bearer keys (changelog 2026-06). */
import { ApiError, defaultHttpDeps, requestJson, type HttpDeps } from '../http';
import { ArchivedJobSchema, ClientJobsSchema, FreelancersSchema, companyIdFromArchivedJob, type ClientJobs, type Freelancers } from './schemas';
import {
  AppliedJobsSchema,
  ApplyAnswerSchema,
  GeneratedProposalSchema,
  StatusAnswerSchema,
  type AppliedJobs,
  type ApplyAnswer,
  type ApplyRequest,
  type StatusAnswer,
} from './apply-schemas';

export const UPHUNT_BASE = 'https://uphunt.io';

/** A key of the "Data API" UpHunt retired: sending it anywhere only earns a 401. */
export function isRetiredKey(key: string): boolean {
  return key.trim().startsWith('up_');
}

export interface UpHuntApi {
  apply(request: ApplyRequest): Promise<ApplyAnswer>;
  statusByQueue(queueId: string): Promise<StatusAnswer>;
  statusByJob(jobId: string): Promise<StatusAnswer>;
  appliedJobs(limit: number): Promise<AppliedJobs>;
  generateProposal(jobId: string, profileId: string | null): Promise<string>;
  clientJobs(companyId: string): Promise<ClientJobs>;
  /** The buyer's companyId of an archived job, or null when UpHunt holds the job but not its buyer. */
  companyIdForCiphertext(ciphertext: string): Promise<string | null>;
  freelancers(): Promise<Freelancers>;
}

export function createUpHuntApi(apiKey: string, deps: HttpDeps = defaultHttpDeps, base = UPHUNT_BASE): UpHuntApi {
  const key = apiKey.trim();
  const headers = (): Record<string, string> => {
    if (key === '') throw new ApiError({ service: 'UpHunt', kind: 'missing_key', status: null, detail: 'no UpHunt API key saved', retryAt: null });
    // Never sent: it cannot work, and UpHunt would only answer 401 to every call, apply included.
    if (isRetiredKey(key)) throw new ApiError({ service: 'UpHunt', kind: 'retired_key', status: null, detail: 'an up_ key', retryAt: null });
    return { 'x-api-key': key, accept: 'application/json' };
  };
  const get = async <S extends Parameters<typeof requestJson>[0]['schema']>(path: string, schema: S) =>
    (await requestJson({ service: 'UpHunt', url: base + path, headers: headers(), schema }, deps)).data;
  const post = async <S extends Parameters<typeof requestJson>[0]['schema']>(path: string, schema: S, body: unknown, cost?: string) =>
    (await requestJson({ service: 'UpHunt', url: base + path, method: 'POST', headers: headers(), schema, body, cost }, deps)).data;
  const autoApply = '/api/auto-apply-v2';

  return {
    clientJobs: (companyId) => get(`/api/clients/${encodeURIComponent(companyId)}/jobs`, ClientJobsSchema),
    companyIdForCiphertext: async (ciphertext) => {
      const companyId = companyIdFromArchivedJob(await get(`/api/jobs/by-ciphertext?cipher=${encodeURIComponent(ciphertext)}`, ArchivedJobSchema));
      // A job UpHunt has not archived is a 404; an answer with no client id in it is not the shape we know.
      if (!companyId)
        throw new ApiError({ service: 'UpHunt', kind: 'malformed', status: 200, detail: 'the archived job names no client (companyId)', retryAt: null });
      return companyId;
    },
    apply: (request) => post(`${autoApply}/apply`, ApplyAnswerSchema, request, '1 auto-apply credit, and Connects, if it applies'),
    statusByQueue: (queueId) => get(`${autoApply}/status?queueId=${encodeURIComponent(queueId)}`, StatusAnswerSchema),
    statusByJob: (jobId) => get(`${autoApply}/status?jobId=${encodeURIComponent(jobId)}`, StatusAnswerSchema),
    appliedJobs: (limit) => get(`${autoApply}/applied-jobs?limit=${limit}&offset=0`, AppliedJobsSchema),
    generateProposal: async (jobId, profileId) =>
      (await post(`${autoApply}/generate-proposal`, GeneratedProposalSchema, profileId ? { jobId, profileId } : { jobId })).coverLetter,
    freelancers: () => get(`${autoApply}/freelancers`, FreelancersSchema),
  };
}
