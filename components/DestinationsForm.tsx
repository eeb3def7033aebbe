import { useId, useState, type FormEvent } from 'react';
import {
  DESTINATION_KINDS,
  originOf,
  shownAs,
  toDestination,
  type Destination,
  type DestinationEdit,
  type DestinationKind,
} from '@/utils/watches/destinations';
import type { DestinationStatus } from '@/utils/watches/outbox';
import type { ConnectionResult } from '@/utils/diagnostics/background';
import { age } from '@/utils/format';

interface Props {
  destinations: Destination[];
  statuses: Record<string, DestinationStatus>;
  now: number;
  save: (destinations: Destination[]) => Promise<void>;
  /** Asks the browser for one origin; must run within the click (the browser's rule for permission prompts). */
  allow: (origin: string) => Promise<boolean>;
  /** Gives an origin's permission back. */
  release: (origin: string) => Promise<void>;
  test: (id: string) => Promise<ConnectionResult>;
  newId: () => string;
}

const EMPTY: DestinationEdit = { kind: 'ntfy', name: '', url: '', token: '', chatId: '' };
const URL_LABEL: Record<Exclude<DestinationKind, 'telegram'>, string> = {
  ntfy: 'Topic address (your own server, or https://ntfy.sh/a-topic-only-you-know)',
  slack: 'Slack incoming webhook URL',
  discord: 'Discord webhook URL',
  webhook: 'Webhook URL (a JSON POST for each check: see the README)',
};

/** What a destination's deliveries did lately, in words. */
export function destinationLine(status: DestinationStatus | undefined, now: number): { text: string; warning: boolean } {
  if (status?.failing) return { text: `Failing: ${status.failing}.`, warning: true };
  if (status?.retrying) return { text: `The last try failed (${status.retrying}); retrying.`, warning: true };
  if (status?.lastOkAt) return { text: `Last delivered ${age(status.lastOkAt, now)}.`, warning: false };
  return { text: 'Nothing delivered yet.', warning: false };
}

/** Options → Watched searches → destinations: where new jobs go besides the browser, each origin allowed when added. */
export function DestinationsForm({ destinations, statuses, now, save, allow, release, test, newId }: Props) {
  const [edit, setEdit] = useState<DestinationEdit>(EMPTY);
  const [message, setMessage] = useState('');
  const [tested, setTested] = useState<Record<string, string>>({});
  const id = useId();
  const field = (name: string) => `${id}-${name}`;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const destination = toDestination(edit, newId(), now);
    if (typeof destination === 'string') return setMessage(destination);
    if (destinations.length >= 20) return setMessage('At most 20 destinations: remove one first.');
    const host = new URL(destination.url).host;
    // First, within the click: the browser asks the user to allow this one origin.
    const allowed = await allow(originOf(destination)).catch(() => false);
    if (!allowed) return setMessage(`The browser did not allow ${host}, so nothing can be sent there: the destination was not added.`);
    await save([...destinations, destination]);
    setEdit(EMPTY);
    setMessage(`Added "${destination.name}". Tick it on a watch to send it its new jobs; Send test shows a message.`);
  };
  const remove = async (destination: Destination) => {
    const rest = destinations.filter((d) => d.id !== destination.id);
    await save(rest);
    // The last destination of an origin gives its permission back.
    if (!rest.some((d) => originOf(d) === originOf(destination))) await release(originOf(destination)).catch(() => undefined);
  };
  const sendTest = async (destination: Destination) => {
    setTested({ ...tested, [destination.id]: 'Sending…' });
    const result = await test(destination.id).catch((error: unknown) => ({ ok: false, message: `Not sent: ${String(error)}` }));
    setTested((before) => ({ ...before, [destination.id]: result.message }));
  };

  return (
    <section aria-label="Destinations">
      <h3>Where new jobs go</h3>
      <p className="muted">
        Besides this browser's notification, each watch can send its new jobs to your phone or team: one message per check, up to 10 jobs and a link to the
        rest. Addresses and tokens stay in this browser, shown masked.
      </p>
      {destinations.length === 0 ? (
        <p className="muted">No destinations: new jobs are announced in this browser only.</p>
      ) : (
        <ul aria-label="Your destinations" className="new-jobs">
          {destinations.map((destination) => {
            const line = destinationLine(statuses[destination.id], now);
            return (
              <li key={destination.id} aria-label={`Destination ${destination.name}`}>
                <strong>{destination.name}</strong> — {DESTINATION_KINDS[destination.kind]}
                <div className="muted">{shownAs(destination)}</div>
                <div className={line.warning ? 'warning' : 'muted'}>{line.text}</div>
                <p>
                  <button type="button" onClick={() => void sendTest(destination)}>
                    Send test
                  </button>{' '}
                  <button type="button" onClick={() => void remove(destination)}>
                    Remove
                  </button>{' '}
                  <span role="status">{tested[destination.id] ?? ''}</span>
                </p>
              </li>
            );
          })}
        </ul>
      )}
      <form onSubmit={(event) => void onSubmit(event)} aria-label="New destination">
        <label htmlFor={field('kind')}>Kind</label>
        <select id={field('kind')} value={edit.kind} onChange={(e) => setEdit({ ...EMPTY, name: edit.name, kind: e.target.value as DestinationKind })}>
          {Object.entries(DESTINATION_KINDS).map(([kind, label]) => (
            <option key={kind} value={kind}>
              {label}
            </option>
          ))}
        </select>
        <label htmlFor={field('name')}>Name</label>
        <input id={field('name')} value={edit.name} maxLength={60} onChange={(e) => setEdit({ ...edit, name: e.target.value })} />
        {edit.kind === 'telegram' ? (
          <>
            <label htmlFor={field('token')}>Bot token (from @BotFather)</label>
            <input id={field('token')} type="password" autoComplete="off" value={edit.token} onChange={(e) => setEdit({ ...edit, token: e.target.value })} />
            <label htmlFor={field('chat')}>Chat id</label>
            <input id={field('chat')} value={edit.chatId} onChange={(e) => setEdit({ ...edit, chatId: e.target.value })} />
          </>
        ) : (
          <>
            <label htmlFor={field('url')}>{URL_LABEL[edit.kind]}</label>
            <input id={field('url')} type="password" autoComplete="off" value={edit.url} onChange={(e) => setEdit({ ...edit, url: e.target.value })} />
          </>
        )}
        <p>
          <button type="submit">Add destination</button> <span role="status">{message}</span>
        </p>
      </form>
    </section>
  );
}
