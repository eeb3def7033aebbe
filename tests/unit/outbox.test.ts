import { describe, expect, it } from 'vitest';
import { ApiError } from '@/utils/http';
import { deliveryRequest, jobsMessage, originOf, shownAs, toDestination, type Destination, type DeliveryRequest } from '@/utils/watches/destinations';
import { createOutbox, GIVE_UP_MS, type Delivery, type DestinationStatus } from '@/utils/watches/outbox';
import type { NewJob, Watch } from '@/utils/watches/watch';
import { ANY_FILTERS } from '@/utils/watches/watch';
import { redactedPath } from '@/utils/diagnostics/activity';

const T0 = Date.UTC(2026, 11, 5, 9);
const SLACK = 'https://hooks.slack.com/services/T000/B000/SECRETsecretSECRET1a2b';
const TOKEN = '123456789:AAH-secret_token_value_abcdefghij';

const destination = (id: string, over: Partial<Destination> = {}): Destination => ({
  id,
  name: id,
  kind: 'slack',
  url: SLACK,
  token: '',
  chatId: '',
  createdAt: T0,
  ...over,
});
const job = (n: number, over: Partial<NewJob> = {}): NewJob => ({
  ciphertext: `~02200000000000000${String(n).padStart(4, '0')}`,
  title: `Shopify job ${n}`,
  budget: '$500 fixed',
  postedAt: '2026-12-05T08:00:00.000Z',
  proposals: '5 to 10',
  country: 'Germany',
  paymentVerified: true,
  score: 77,
  watches: ['shopify'],
  foundAt: T0,
  ...over,
});
const watch = (destinations: string[]): Watch => ({
  id: 'w1',
  name: 'shopify',
  keywords: ['shopify'],
  filters: ANY_FILTERS,
  everyMinutes: 60,
  maxRows: 10,
  paused: false,
  createdAt: T0,
  destinations,
});

const memory = <T>(initial: T | null = null) => {
  let value = initial;
  return { getValue: async () => value, update: async (change: (v: T | null) => T) => void (value = change(value)), peek: () => value };
};

/** A browser: the outbox's storage outlives outbox instances (workers); destinations answer as the test says. */
function world(destinations: Destination[]) {
  let now = T0;
  let ids = 0;
  const sent: Array<{ destination: string; request: DeliveryRequest }> = [];
  const down = new Map<string, () => Error>();
  const outbox = memory<Delivery[]>();
  const statuses = memory<Record<string, DestinationStatus>>();
  const delivered = memory<string[]>();
  let wake: number | null = null;
  const worker = () =>
    createOutbox({
      now: () => now,
      newId: () => `d${++ids}`,
      destinations: async () => destinations,
      outbox,
      statuses,
      delivered,
      allowed: async () => true,
      send: async (request) => {
        const to = destinations.find((d) => request.url.startsWith(new URL(d.url).origin))!.id;
        const failure = down.get(to);
        if (failure) throw failure();
        sent.push({ destination: to, request });
      },
      wakeAt: async (at) => void (wake = at),
    });
  return {
    worker,
    sent,
    down,
    outbox: () => outbox.peek() ?? [],
    statuses: () => statuses.peek() ?? {},
    wake: () => wake,
    at: (time: number) => (now = time),
  };
}

const server = (status: number) => () => new ApiError({ service: 'Destination', kind: 'server', status, detail: `example answered ${status}`, retryAt: null });

describe('the outbox: each new job delivered once to each destination, nothing lost', () => {
  it('one message per check and destination, listing its jobs; jobs a destination got are never sent to it again', async () => {
    const w = world([destination('slack'), destination('hook', { kind: 'webhook', url: 'https://hooks.example.com/upwork' })]);
    await w.worker().enqueue([job(1), job(2), job(3)], [watch(['slack', 'hook'])]);
    expect(w.sent.map((s) => s.destination)).toEqual(['slack', 'hook']);
    expect((w.sent[1]!.request.body as { jobs: unknown[] }).jobs).toHaveLength(3);
    // The next check finds one of them again and one new job: only the new one goes out.
    await w.worker().enqueue([job(3), job(4)], [watch(['slack', 'hook'])]);
    expect(w.sent).toHaveLength(4);
    expect((w.sent[3]!.request.body as { jobs: Array<{ title: string }> }).jobs.map((j) => j.title)).toEqual(['Shopify job 4']);
    expect(w.outbox()).toEqual([]);
    expect(w.wake()).toBeNull();
  });

  it('a destination answering 500 gets the same jobs exactly once after it recovers, also from a worker started again; the other is not held up', async () => {
    const w = world([destination('slack'), destination('hook', { kind: 'webhook', url: 'https://hooks.example.com/upwork' })]);
    w.down.set('hook', server(500));
    await w.worker().enqueue([job(1), job(2), job(3)], [watch(['slack', 'hook'])]);
    expect(w.sent.map((s) => s.destination)).toEqual(['slack']);
    expect(w.outbox()).toHaveLength(1);
    expect(w.statuses().hook).toMatchObject({ retrying: 'it answered 500', failing: null });
    // Backoff: 30 s first.
    expect(w.wake()).toBe(T0 + 30_000);
    w.at(T0 + 10_000);
    await w.worker().flush();
    expect(w.sent).toHaveLength(1);

    w.down.delete('hook');
    w.at(T0 + 30_000);
    // Two wake-ups at once (an alarm and a timer of a new worker): the background runs them as one (createOnce);
    // here, one after the other: the second finds nothing left.
    await w.worker().flush();
    await w.worker().flush();
    const hook = w.sent.filter((s) => s.destination === 'hook');
    expect(hook).toHaveLength(1);
    expect((hook[0]!.request.body as { jobs: unknown[]; deliveryId: string }).jobs).toHaveLength(3);
    expect(w.statuses().hook).toMatchObject({ retrying: null, failing: null, lastOkAt: T0 + 30_000 });
  });

  it('honours a 429 Retry-After; after a day of failures the message is given up, counted and said on the destination', async () => {
    const w = world([destination('slack')]);
    w.down.set('slack', () => new ApiError({ service: 'Destination', kind: 'rate_limited', status: 429, detail: '', retryAt: T0 + 120_000 }));
    await w.worker().enqueue([job(1), job(2)], [watch(['slack'])]);
    expect(w.wake()).toBe(T0 + 120_000);
    w.down.set('slack', server(503));
    for (let at = T0 + 120_000; at < T0 + GIVE_UP_MS + 3_600_000; at = w.wake() ?? Infinity) {
      w.at(at);
      await w.worker().flush();
      if (w.outbox().length === 0) break;
    }
    expect(w.outbox()).toEqual([]);
    expect(w.statuses().slack).toMatchObject({ dropped: 2, failing: 'it answered 503; 2 jobs given up after a day' });
    // A later delivery that arrives clears it.
    w.down.delete('slack');
    await w.worker().enqueue([job(5)], [watch(['slack'])]);
    expect(w.statuses().slack).toMatchObject({ failing: null, dropped: 2 });
  });
});

describe('destinations: checked, shown masked, each message in its service’s format', () => {
  const slack = toDestination({ kind: 'slack', name: 'Team', url: SLACK, token: '', chatId: '' }, 's', T0) as Destination;
  const telegram = toDestination({ kind: 'telegram', name: 'Phone', url: '', token: TOKEN, chatId: '-1001234567890' }, 't', T0) as Destination;
  const ntfy = toDestination({ kind: 'ntfy', name: 'ntfy', url: 'https://ntfy.sh/my-upwork-jobs', token: '', chatId: '' }, 'n', T0) as Destination;

  it('a URL of the wrong service or without https is said in words; the origin asked for is the destination’s only', () => {
    expect(toDestination({ kind: 'slack', name: '', url: 'https://example.com/hook', token: '', chatId: '' }, 'x', T0)).toMatch(/hooks\.slack\.com/);
    expect(toDestination({ kind: 'webhook', name: '', url: 'http://example.com/hook', token: '', chatId: '' }, 'x', T0)).toMatch(/https/);
    expect(toDestination({ kind: 'telegram', name: '', url: '', token: 'nope', chatId: '1' }, 'x', T0)).toMatch(/BotFather/);
    expect(originOf(slack)).toBe('https://hooks.slack.com/*');
    expect(originOf(telegram)).toBe('https://api.telegram.org/*');
    expect(originOf(ntfy)).toBe('https://ntfy.sh/*');
  });

  it('shown without its secret: the host, the last four characters', () => {
    expect(shownAs(slack)).toBe('hooks.slack.com · ••••1a2b');
    expect(shownAs(telegram)).toBe('api.telegram.org · bot ••••ghij · chat -1001234567890');
    expect(shownAs(ntfy)).toBe('ntfy.sh · topic my-••••');
    expect(`${shownAs(slack)} ${shownAs(telegram)}`).not.toMatch(/SECRET|AAH-secret/);
    // The Activity log keeps a destination's host only: no webhook path, no bot token.
    expect(redactedPath(`https://api.telegram.org/bot${TOKEN}/sendMessage`, 'Destination')).toBe('api.telegram.org');
    expect(redactedPath(SLACK, 'Destination')).toBe('hooks.slack.com');
  });

  it('up to 10 jobs, then "+N more"; each with its link, budget, posted, proposals, country, payment and score', () => {
    const jobs = Array.from({ length: 12 }, (_, i) => job(i + 1));
    const message = jobsMessage(jobs, ['shopify'], ['shopify', 'dashboard']);
    expect(message).toMatchObject({ title: '12 new Upwork jobs: shopify', more: 2 });
    expect(message.jobs).toHaveLength(10);
    const text = (deliveryRequest(slack, message, 'd1').body as { text: string }).text;
    expect(text).toContain('<https://www.upwork.com/jobs/~022000000000000000001|Shopify job 1>');
    expect(text).toContain('$500 fixed · posted 2026-12-05 08:00 UTC · proposals 5 to 10 · Germany · payment verified · client score 77/100');
    expect(text).toContain('|+2 more>');
    expect(message.moreUrl).toBe('https://www.upwork.com/nx/search/jobs/?q=shopify%20OR%20dashboard&sort=recency');
  });

  it('each service its own format; a title cannot mention, format or inject', () => {
    const hostile = jobsMessage([job(1, { title: '@everyone <b>free</b> [x](http://evil) & more' })], ['shopify'], ['shopify']);
    const discord = deliveryRequest(destination('d', { kind: 'discord', url: 'https://discord.com/api/webhooks/1/abc' }), hostile, 'd1');
    expect(discord.body).toMatchObject({ allowed_mentions: { parse: [] } });
    expect((discord.body as { content: string }).content).toContain('\\@everyone');
    const tg = deliveryRequest(telegram, hostile, 'd1');
    expect(tg.url).toBe(`https://api.telegram.org/bot${TOKEN}/sendMessage`);
    expect(tg.body).toMatchObject({ chat_id: '-1001234567890', parse_mode: 'HTML' });
    expect((tg.body as { text: string }).text).toContain('@everyone &lt;b&gt;free&lt;/b&gt; [x](http://evil) &amp; more');
    const n = deliveryRequest(ntfy, hostile, 'd1');
    expect(n).toMatchObject({ url: 'https://ntfy.sh/', body: { topic: 'my-upwork-jobs', title: '1 new Upwork job: shopify', tags: ['briefcase'] } });
    expect((n.body as { click: string }).click).toBe('https://www.upwork.com/jobs/~022000000000000000001');
    const hook = deliveryRequest(destination('h', { kind: 'webhook', url: 'https://hooks.example.com/x' }), hostile, 'delivery-7');
    expect(hook.body).toMatchObject({ type: 'upwork.new_jobs', deliveryId: 'delivery-7', more: 0 });
  });
});
