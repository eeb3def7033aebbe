import type { OpenJob } from '@/utils/uphunt/schemas';
import { jobUrl } from '@/utils/upwork/page';

export function OpenJobs({ jobs, currentCiphertext }: { jobs: OpenJob[]; currentCiphertext: string | null }) {
  return (
    <section aria-labelledby="open-jobs-title">
      <h2 id="open-jobs-title">Open jobs ({jobs.length})</h2>
      {jobs.length === 0 ? (
        <p className="muted">No open jobs when UpHunt last looked.</p>
      ) : (
        <ul className="open-jobs">
          {jobs.map((job) => {
            const current = job.ciphertext?.toLowerCase() === currentCiphertext;
            return (
              <li key={job.id} aria-current={current ? 'page' : undefined}>
                {job.ciphertext ? (
                  <a href={jobUrl(job.ciphertext)} target="_blank" rel="noreferrer">
                    {job.title}
                  </a>
                ) : (
                  <span>{job.title}</span>
                )}
                <span className="muted"> · {job.type === 'HOURLY' ? 'Hourly' : job.type === 'FIXED' ? 'Fixed price' : (job.type ?? '')}</span>
                {current && <span className="tag">this job</span>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
