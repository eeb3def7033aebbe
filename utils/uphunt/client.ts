/** Typed UpHunt calls. Current keys go in `x-api-key`; legacy `up_` keys as a Bearer on `/api/v1/*`. */
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

export function isLegacyKey(key: string): boolean {
  return key.startsWith('up_');
}

export interface UpHuntClient {
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

export function createUpHuntClient(apiKey: string, deps: HttpDeps = defaultHttpDeps, base = UPHUNT_BASE): UpHuntClient {
  const key = apiKey.trim();
  const legacy = isLegacyKey(key);
  const headers = (): Record<string, string> => {
    if (key === '') throw new ApiError({ service: 'UpHunt', kind: 'missing_key', status: null, detail: 'no UpHunt API key saved', retryAt: null });
    return legacy ? { authorization: `Bearer ${key}`, accept: 'application/json' } : { 'x-api-key': key, accept: 'application/json' };
  };
  const get = async <S extends Parameters<typeof requestJson>[0]['schema']>(path: string, schema: S) =>
    (await requestJson({ service: 'UpHunt', url: base + path, headers: headers(), schema }, deps)).data;
  const post = async <S extends Parameters<typeof requestJson>[0]['schema']>(path: string, schema: S, body: unknown, cost?: string) =>
    (await requestJson({ service: 'UpHunt', url: base + path, method: 'POST', headers: headers(), schema, body, cost }, deps)).data;
  const autoApply = '/api/auto-apply-v2';

  return {
    clientJobs: (companyId) => get(`${legacy ? '/api/v1' : '/api'}/clients/${encodeURIComponent(companyId)}/jobs`, ClientJobsSchema),
    companyIdForCiphertext: async (ciphertext) => {
      const path = legacy ? `/api/v1/jobs/${encodeURIComponent(ciphertext)}` : `/api/jobs/by-ciphertext?cipher=${encodeURIComponent(ciphertext)}`;
      const companyId = companyIdFromArchivedJob(await get(path, ArchivedJobSchema));
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
    freelancers: () => get(legacy ? '/api/auto-apply/external/freelancers' : '/api/auto-apply-v2/freelancers', FreelancersSchema),
  };
}
