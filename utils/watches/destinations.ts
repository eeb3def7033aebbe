/**
 * Where watched searches deliver new jobs besides the browser: an ntfy topic, a Slack or Discord webhook, a
 * Telegram bot, or any JSON webhook. What each is, the one origin it needs the browser's permission for, how it
 * is shown without its secret, and the one request a message of new jobs becomes for it. Pure.
 */
import * as z from 'zod/mini';
import type { NewJob } from './watch';
import { jobUrl } from '../upwork/page';

export const DESTINATION_KINDS = {
  ntfy: 'ntfy topic',
  slack: 'Slack webhook',
  discord: 'Discord webhook',
  telegram: 'Telegram bot',
  webhook: 'JSON webhook',
} as const;
export type DestinationKind = keyof typeof DESTINATION_KINDS;

export const DestinationSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(40)),
  name: z.string().check(z.minLength(1), z.maxLength(60)),
  kind: z.enum(Object.keys(DESTINATION_KINDS) as [DestinationKind, ...DestinationKind[]]),
  /** The webhook URL, or for ntfy the topic's URL (server and topic); for Telegram, Telegram's API. A secret. */
  url: z.string().check(z.maxLength(2000)),
  /** Telegram: the bot token (a secret) and the chat to write to. */
  token: z._default(z.string().check(z.maxLength(200)), ''),
  chatId: z._default(z.string().check(z.maxLength(100)), ''),
  createdAt: z.number(),
});
export type Destination = z.output<typeof DestinationSchema>;

export const TELEGRAM_API = 'https://api.telegram.org';

/** What the user typed for a new destination. */
export interface DestinationEdit {
  kind: DestinationKind;
  name: string;
  url: string;
  token: string;
  chatId: string;
}

const HOSTS: Partial<Record<DestinationKind, RegExp>> = {
  slack: /^hooks\.slack\.com$/,
  discord: /^(?:canary\.|ptb\.)?discord(?:app)?\.com$/,
};

/** The edit as a destination, or what is wrong with it in words. */
export function toDestination(edit: DestinationEdit, id: string, now: number): Destination | string {
  const name = (edit.name.trim() || DESTINATION_KINDS[edit.kind]).slice(0, 60);
  if (edit.kind === 'telegram') {
    const token = edit.token.trim();
    const chatId = edit.chatId.trim();
    if (!/^\d+:[\w-]{20,}$/.test(token)) return 'The bot token is the one @BotFather gave you: digits, a colon, then letters (e.g. 123456:ABC…).';
    if (!/^(-?\d+|@\w{4,})$/.test(chatId)) return 'The chat id is a number (e.g. -1001234567890) or a channel name starting with @.';
    return { id, name, kind: 'telegram', url: TELEGRAM_API, token, chatId, createdAt: now };
  }
  let url: URL;
  try {
    url = new URL(edit.url.trim());
  } catch {
    return edit.kind === 'ntfy' ? 'Type the topic’s address, e.g. https://ntfy.sh/my-upwork-jobs.' : 'Paste the whole webhook URL, starting with https://.';
  }
  // Only ntfy may be the user's own server on their network (http); everything else carries a secret over https.
  if (url.protocol !== 'https:' && !(edit.kind === 'ntfy' && url.protocol === 'http:')) return 'The address must start with https://.';
  const host = HOSTS[edit.kind];
  if (host && !host.test(url.hostname))
    return `A ${DESTINATION_KINDS[edit.kind]} URL starts with https://${edit.kind === 'slack' ? 'hooks.slack.com' : 'discord.com'}/….`;
  if (edit.kind === 'ntfy' && !/^\/[\w-]{1,64}\/?$/.test(url.pathname)) return 'Add the topic after the server: https://ntfy.sh/my-upwork-jobs.';
  return { id, name, kind: edit.kind, url: url.href, token: '', chatId: '', createdAt: now };
}

/** The origin the browser is asked to allow for it (one a destination, given back with the last of them). */
export function originOf(destination: Pick<Destination, 'url'>): string {
  const url = new URL(destination.url);
  return `${url.protocol}//${url.hostname}/*`;
}

/** Where it goes, without its secret: the host, and for ntfy the topic the user chose ("ntfy.sh · my-jobs"). */
export function shownAs(destination: Destination): string {
  const url = new URL(destination.url);
  // A topic on a public ntfy server is as good as a password: its first letters only.
  if (destination.kind === 'ntfy') return `${url.host} · topic ${url.pathname.replace(/^\/|\/$/g, '').slice(0, 3)}••••`;
  if (destination.kind === 'telegram') return `${url.host} · bot ••••${destination.token.slice(-4)} · chat ${destination.chatId}`;
  return `${url.host} · ••••${url.pathname.slice(-4)}`;
}

/** Jobs a message lists; the rest are counted ("+N more"). */
export const JOBS_PER_MESSAGE = 10;

export interface JobsMessage {
  /** "3 new Upwork jobs: shopify dashboard". */
  title: string;
  jobs: NewJob[];
  more: number;
  /** Upwork's own search for the watch's words, where the rest can be seen on a phone. */
  moreUrl: string;
}

export function jobsMessage(jobs: readonly NewJob[], watchNames: readonly string[], keywords: readonly string[]): JobsMessage {
  const shown = jobs.slice(0, JOBS_PER_MESSAGE);
  return {
    title: `${jobs.length} new Upwork job${jobs.length === 1 ? '' : 's'}${watchNames.length ? `: ${watchNames.join(', ')}` : ''}`,
    jobs: shown,
    more: jobs.length - shown.length,
    moreUrl: `https://www.upwork.com/nx/search/jobs/?q=${encodeURIComponent(keywords.join(' OR '))}&sort=recency`,
  };
}

/** One job's facts on one line: budget, posted, proposals, country, payment, score. */
export function jobFacts(job: NewJob): string {
  return [
    job.budget,
    job.postedAt ? `posted ${job.postedAt.slice(0, 16).replace('T', ' ')} UTC` : null,
    job.proposals ? `proposals ${job.proposals}` : null,
    job.country,
    job.paymentVerified === null ? null : job.paymentVerified ? 'payment verified' : 'payment not verified',
    job.score === null ? null : `client score ${job.score}/100`,
  ]
    .filter(Boolean)
    .join(' · ');
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Slack's mrkdwn: only these three are special, and a link's text cannot hold `|` or `>`. */
const escapeSlack = (text: string) => escapeHtml(text).replace(/\|/g, '¦');
/** Discord's markdown: escape its marks so a title cannot format, link or mention. */
const escapeDiscord = (text: string) => text.replace(/([\\*_~`|>[\]()#@<:-])/g, '\\$1');

export interface DeliveryRequest {
  url: string;
  body: unknown;
}

/**
 * The one request a message becomes for a destination. Discord: `allowed_mentions` empty, so a title can never
 * ping anyone; content within its 2,000 characters. Telegram: HTML within its 4,096. The JSON webhook's body
 * is documented in the README, with `deliveryId` to drop a repeat.
 */
export function deliveryRequest(destination: Destination, message: JobsMessage, deliveryId: string): DeliveryRequest {
  const { jobs, more, moreUrl, title } = message;
  switch (destination.kind) {
    case 'ntfy': {
      const url = new URL(destination.url);
      const lines = jobs.map((job) => `• ${job.title}\n  ${jobFacts(job)}\n  ${jobUrl(job.ciphertext)}`);
      if (more > 0) lines.push(`+${more} more: ${moreUrl}`);
      return {
        url: `${url.origin}/`,
        body: {
          topic: url.pathname.replace(/^\/|\/$/g, ''),
          title,
          message: lines.join('\n').slice(0, 4000),
          click: jobs.length === 1 ? jobUrl(jobs[0]!.ciphertext) : moreUrl,
          tags: ['briefcase'],
        },
      };
    }
    case 'slack': {
      const lines = jobs.map((job) => `• <${jobUrl(job.ciphertext)}|${escapeSlack(job.title)}>\n   ${escapeSlack(jobFacts(job))}`);
      if (more > 0) lines.push(`<${moreUrl}|+${more} more>`);
      return { url: destination.url, body: { text: `*${escapeSlack(title)}*\n${lines.join('\n')}`, unfurl_links: false } };
    }
    case 'discord': {
      const lines = jobs.map((job) => `• [${escapeDiscord(job.title)}](<${jobUrl(job.ciphertext)}>)\n  ${escapeDiscord(jobFacts(job))}`);
      if (more > 0) lines.push(`[+${more} more](<${moreUrl}>)`);
      return { url: destination.url, body: { content: `**${escapeDiscord(title)}**\n${lines.join('\n')}`.slice(0, 2000), allowed_mentions: { parse: [] } } };
    }
    case 'telegram': {
      const lines = jobs.map((job) => `• <a href="${jobUrl(job.ciphertext)}">${escapeHtml(job.title)}</a>\n${escapeHtml(jobFacts(job))}`);
      if (more > 0) lines.push(`<a href="${escapeHtml(moreUrl)}">+${more} more</a>`);
      return {
        url: `${TELEGRAM_API}/bot${destination.token}/sendMessage`,
        body: {
          chat_id: destination.chatId,
          text: `<b>${escapeHtml(title)}</b>\n${lines.join('\n')}`.slice(0, 4096),
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
        },
      };
    }
    case 'webhook':
      return {
        url: destination.url,
        body: {
          type: 'upwork.new_jobs',
          deliveryId,
          title,
          jobs: jobs.map((job) => ({ ...job, url: jobUrl(job.ciphertext) })),
          more,
          moreUrl,
        },
      };
  }
}
