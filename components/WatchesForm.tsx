import { useId, useState, type FormEvent } from 'react';
import {
  CLIENT_HISTORIES,
  EXPERIENCE_LEVELS,
  HOURS_PER_WEEK,
  isRunning,
  MAX_ROWS_PER_CHECK,
  moneyText,
  nextDueAt,
  PROJECT_LENGTHS,
  watchCost,
  type Watch,
  type WatchFilters,
  type WatchStatus,
} from '@/utils/watches/watch';
import { EMPTY_EDIT, statusLine, toWatch, type WatchEdit } from '@/utils/watches/edit';
import type { Destination } from '@/utils/watches/destinations';
import type { DestinationStatus } from '@/utils/watches/outbox';

interface Props {
  watches: Watch[];
  statuses: Record<string, WatchStatus>;
  capUsd: number;
  spentUsd: number;
  hasMindcaseKey: boolean;
  now: number;
  save: (watches: Watch[]) => Promise<void>;
  checkNow: (id: string) => Promise<string | null>;
  newId: () => string;
  /** Where a watch can send its new jobs besides the browser, and how their deliveries went. */
  destinations: Destination[];
  destinationStatuses: Record<string, DestinationStatus>;
}

const EVERY: Array<[number, string]> = [
  [15, 'every 15 minutes'],
  [30, 'every 30 minutes'],
  [60, 'every hour'],
  [120, 'every 2 hours'],
  [360, 'every 6 hours'],
  [720, 'every 12 hours'],
  [1440, 'once a day'],
];
const LABELS: Record<string, string> = {
  EntryLevel: 'Entry',
  IntermediateLevel: 'Intermediate',
  ExpertLevel: 'Expert',
  '0': 'No hires yet',
  '1-9': '1–9 hires',
  '10-': '10+ hires',
  week: 'Under a month',
  month: '1–3 months',
  semester: '3–6 months',
  ongoing: 'Over 6 months',
  part_time: 'Part-time',
  full_time: 'Full-time',
};

/** Options → Watched searches: new Upwork jobs found through Mindcase, on a schedule, within a budget. */
export function WatchesForm({ watches, statuses, capUsd, spentUsd, hasMindcaseKey, now, save, checkNow, newId, destinations, destinationStatuses }: Props) {
  const [edit, setEdit] = useState<WatchEdit>(EMPTY_EDIT);
  const [message, setMessage] = useState('');
  const [said, setSaid] = useState<Record<string, string>>({});
  const id = useId();
  const field = (name: string) => `${id}-${name}`;
  const keywords = edit.keywords.split('\n').filter((k) => k.trim()).length || 1;
  const cost = watchCost({
    keywords: Array.from({ length: keywords }, () => ''),
    maxRows: Math.max(1, Number(edit.maxRows) || 1),
    everyMinutes: edit.everyMinutes,
  });
  const allMonth = watches.filter((w) => !w.paused).reduce((sum, w) => sum + watchCost(w).perMonth, 0);
  const setFilters = (change: Partial<WatchFilters>) => setEdit({ ...edit, filters: { ...edit.filters, ...change } });
  const toggle = <K extends 'experienceLevel' | 'clientHistory' | 'projectLength' | 'hoursPerWeek'>(key: K, value: WatchFilters[K][number]) => {
    const current = edit.filters[key] as string[];
    setFilters({ [key]: current.includes(value) ? current.filter((v) => v !== value) : [...current, value] } as Partial<WatchFilters>);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const watch = toWatch(edit, newId(), now);
    if (typeof watch === 'string') return setMessage(watch);
    if (watches.length >= 20) return setMessage('At most 20 watches: delete one first.');
    await save([...watches, watch]);
    setEdit(EMPTY_EDIT);
    const first = nextDueAt([watch], {}, now);
    setMessage(
      `Saved "${watch.name}". Its first check is at ${first ? new Date(first).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '—'}, or now with Check now.`,
    );
  };
  const change = (watch: Watch, next: Partial<Watch> | null) =>
    save(next === null ? watches.filter((w) => w.id !== watch.id) : watches.map((w) => (w.id === watch.id ? { ...w, ...next } : w)));
  const check = async (watch: Watch) => {
    setSaid({ ...said, [watch.id]: 'Checking…' });
    const refusal = await checkNow(watch.id).catch((error: unknown) => `The check could not start: ${error instanceof Error ? error.message : String(error)}`);
    setSaid((before) => ({ ...before, [watch.id]: refusal ?? '' }));
  };

  return (
    <section aria-label="Watched searches">
      <h2>Watched searches</h2>
      <p className="muted">
        New Upwork jobs for your searches, found through Mindcase on a schedule (Upwork itself is never fetched), each with its client judged when UpHunt knows
        them. A check buys rows at $3 per 1,000, from the same monthly cap as job details ({moneyText(spentUsd)} of {moneyText(capUsd)} spent this month); the
        cap stops every watch and says so.
      </p>
      {!hasMindcaseKey && <p className="warning">Save a Mindcase API key above first: watches check through Mindcase.</p>}
      {watches.length === 0 ? (
        <p className="muted">No watches: nothing is checked or bought.</p>
      ) : (
        <ul aria-label="Your watches" className="new-jobs">
          {watches.map((watch) => {
            const status = statuses[watch.id];
            const watchCosts = watchCost(watch);
            return (
              <li key={watch.id} className="watch" aria-label={`Watch ${watch.name}`}>
                <strong>{watch.name}</strong> — {watch.keywords.join(' · ')}
                <div className="muted">
                  {EVERY.find(([m]) => m === watch.everyMinutes)?.[1] ?? `every ${watch.everyMinutes} minutes`}, up to {watch.maxRows} row
                  {watch.maxRows === 1 ? '' : 's'} per search: at most {moneyText(watchCosts.perDay)} a day, {moneyText(watchCosts.perMonth)} a month
                </div>
                <div role="status">{statusLine(watch, status, now)}</div>
                {status?.problem && <div className="warning">{status.problem}</div>}
                {destinations
                  .filter((d) => watch.destinations.includes(d.id) && destinationStatuses[d.id]?.failing)
                  .map((d) => (
                    <div key={d.id} className="warning">
                      {d.name} is failing: {destinationStatuses[d.id]!.failing}.
                    </div>
                  ))}
                {destinations.length > 0 && (
                  <fieldset>
                    <legend>Also send its new jobs to</legend>
                    {destinations.map((d) => (
                      <label className="inline" key={d.id}>
                        <input
                          type="checkbox"
                          checked={watch.destinations.includes(d.id)}
                          onChange={(e) =>
                            void change(watch, {
                              destinations: e.target.checked ? [...watch.destinations, d.id] : watch.destinations.filter((x) => x !== d.id),
                            })
                          }
                        />{' '}
                        {d.name}
                      </label>
                    ))}
                  </fieldset>
                )}
                {said[watch.id] && <div className="warning">{said[watch.id]}</div>}
                <p>
                  <button type="button" onClick={() => void check(watch)} disabled={isRunning(status, now)}>
                    Check now
                  </button>{' '}
                  <button type="button" onClick={() => void change(watch, { paused: !watch.paused })}>
                    {watch.paused ? 'Resume' : 'Pause'}
                  </button>{' '}
                  <button type="button" onClick={() => void change(watch, null)}>
                    Delete
                  </button>
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {watches.length > 0 && (
        <p className={allMonth > capUsd ? 'warning' : 'muted'}>
          All active watches: at most {moneyText(allMonth)} a month
          {allMonth > capUsd ? `, above your ${moneyText(capUsd)} cap: checks stop when the cap is reached` : ''}.
        </p>
      )}
      <form onSubmit={(event) => void onSubmit(event)} aria-label="New watch">
        <h3>New watch</h3>
        <label htmlFor={field('name')}>Name</label>
        <input id={field('name')} value={edit.name} maxLength={60} onChange={(e) => setEdit({ ...edit, name: e.target.value })} />
        <label htmlFor={field('keywords')}>Searches (one per line)</label>
        <textarea id={field('keywords')} rows={2} value={edit.keywords} onChange={(e) => setEdit({ ...edit, keywords: e.target.value })} />
        {(
          [
            ['isHourly', 'Hourly jobs', 'hourlyMin', 'hourlyMax', 'hourly rate', ' an hour'],
            ['isFixed', 'Fixed-price jobs', 'fixedMin', 'fixedMax', 'fixed budget', ''],
          ] as const
        ).map(([kind, title, min, max, what, unit]) => (
          <label className="inline" key={kind}>
            <input type="checkbox" checked={edit.filters[kind]} onChange={(e) => setFilters({ [kind]: e.target.checked })} /> {title}, from $
            {(
              [
                [min, `Lowest ${what}`],
                [max, `Highest ${what}`],
              ] as const
            ).map(([key, label], i) => (
              <span key={key}>
                {i > 0 && ' to $'}
                <input
                  aria-label={label}
                  type="number"
                  min={0}
                  value={edit[key]}
                  disabled={!edit.filters[kind]}
                  onChange={(e) => setEdit({ ...edit, [key]: e.target.value })}
                />
              </span>
            ))}
            {unit}
          </label>
        ))}
        {(
          [
            ['Experience', 'experienceLevel', EXPERIENCE_LEVELS],
            ["Client's hires", 'clientHistory', CLIENT_HISTORIES],
            ['Project length', 'projectLength', PROJECT_LENGTHS],
            ['Hours per week', 'hoursPerWeek', HOURS_PER_WEEK],
          ] as const
        ).map(([title, key, values]) => (
          <fieldset key={key}>
            <legend>{title} (none ticked: any)</legend>
            {values.map((value) => (
              <label className="inline" key={value}>
                <input type="checkbox" checked={(edit.filters[key] as string[]).includes(value)} onChange={() => toggle(key, value)} /> {LABELS[value]}
              </label>
            ))}
          </fieldset>
        ))}
        <label htmlFor={field('location')}>Client countries (comma-separated; empty: any)</label>
        <input id={field('location')} value={edit.location} onChange={(e) => setEdit({ ...edit, location: e.target.value })} />
        <label htmlFor={field('every')}>How often</label>
        <select id={field('every')} value={edit.everyMinutes} onChange={(e) => setEdit({ ...edit, everyMinutes: Number(e.target.value) })}>
          {EVERY.map(([minutes, label]) => (
            <option key={minutes} value={minutes}>
              {label}
            </option>
          ))}
        </select>
        <label htmlFor={field('rows')}>Rows a check may buy, per search (1–{MAX_ROWS_PER_CHECK})</label>
        <input
          id={field('rows')}
          type="number"
          min={1}
          max={MAX_ROWS_PER_CHECK}
          value={edit.maxRows}
          onChange={(e) => setEdit({ ...edit, maxRows: e.target.value })}
        />
        <p role="note" aria-label="Watch cost" className={cost.perMonth > capUsd ? 'warning' : undefined}>
          At most {moneyText(cost.perCheck)} a check, {moneyText(cost.perDay)} a day, {moneyText(cost.perMonth)} a month (at $3 per 1,000 rows). A check after a
          quiet one buys fewer rows.
          {cost.perMonth > capUsd ? ` This is above your ${moneyText(capUsd)} monthly cap: checks stop when it is reached.` : ''}
        </p>
        <p>
          <button type="submit">Save watch</button> <span role="status">{message}</span>
        </p>
      </form>
    </section>
  );
}
