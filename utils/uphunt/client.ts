/** Typed UpHunt calls. Current keys go in `x-api-key`; legacy `up_` keys as a Bearer on `/api/v1/*`. */
import { ApiError, defaultHttpDeps, requestJson, type HttpDeps } from '../http';
import { ArchivedJobSchema, ClientJobsSchema, FreelancersSchema, companyIdFromArchivedJob, type ClientJobs, type Freelancers } from './schemas';

export const UPHUNT_BASE = 'https://uphunt.io';

export function isLegacyKey(key: string): boolean {
  return key.startsWith('up_');
}

export interface UpHuntClient {
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

  return {
    clientJobs: (companyId) => get(`${legacy ? '/api/v1' : '/api'}/clients/${encodeURIComponent(companyId)}/jobs`, ClientJobsSchema),
    companyIdForCiphertext: async (ciphertext) => {
      const path = legacy ? `/api/v1/jobs/${encodeURIComponent(ciphertext)}` : `/api/jobs/by-ciphertext?cipher=${encodeURIComponent(ciphertext)}`;
      return companyIdFromArchivedJob(await get(path, ArchivedJobSchema));
    },
    freelancers: () => get(legacy ? '/api/auto-apply/external/freelancers' : '/api/auto-apply-v2/freelancers', FreelancersSchema),
  };
}
