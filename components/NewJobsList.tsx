import { age } from '@/utils/format';
import { jobUrl } from '@/utils/upwork/page';
import type { NewJob } from '@/utils/watches/watch';

interface Props {
  jobs: NewJob[];
  now: number;
  /** How many to show (the popup shows fewer). */
  limit: number;
  onOpenOptions: () => void;
}

/** The jobs watched searches found, newest first: enough to decide which to open, with no call made. */
export function NewJobsList({ jobs, now, limit, onOpenOptions }: Props) {
  return (
    <section aria-label="New jobs">
      <h2>New jobs</h2>
      {jobs.length === 0 ? (
        <p className="muted">
          None yet. Jobs your watched searches find show here.{' '}
          <button type="button" className="link" onClick={onOpenOptions}>
            Watched searches…
          </button>
        </p>
      ) : (
        <ul className="new-jobs">
          {jobs.slice(0, limit).map((job) => {
            const posted = job.postedAt ? Date.parse(job.postedAt) : NaN;
            const facts = [
              job.budget,
              Number.isFinite(posted) ? `posted ${age(posted, now)}` : null,
              job.proposals ? `${job.proposals} proposals` : null,
              job.country,
              job.paymentVerified === true ? 'payment verified' : job.paymentVerified === false ? 'payment not verified' : null,
              job.score !== null ? `client score ${job.score}` : null,
            ].filter(Boolean);
            return (
              <li key={job.ciphertext}>
                <a href={jobUrl(job.ciphertext)} target="_blank" rel="noreferrer">
                  {job.title}
                </a>
                <div className="muted">{facts.join(' · ')}</div>
                <div className="muted">
                  for {job.watches.map((name) => `'${name}'`).join(', ')}, found {age(job.foundAt, now)}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {jobs.length > limit && <p className="muted">{jobs.length - limit} more in the side panel.</p>}
    </section>
  );
}
