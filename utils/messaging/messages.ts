/**
 * Every message between the extension's contexts, each defined once: who may send it, the zod schema its data
 * must fit where it is received, and what it answers. The types follow from here; the content script imports
 * them only as types (it stays without zod). Each feature's background.ts registers its handlers (table.ts).
 */
import * as z from 'zod/mini';
import { ApplyRequestSchema } from '../apply/request';
import type { Application } from '../apply/stored';
import type { ConnectionResult } from '../diagnostics/background';
import { TileSeenSchema } from '../lists/rules';
import type { TileView } from '../lists/tiles-answer';
import { API_SERVICES, type Problem } from '../problem';
import { CiphertextSchema, PageReadSchema, type PageRead } from '../upwork/schemas';

/** `extension`: our own pages (panel, popup, Options); `upwork-tab`: our content script in an Upwork tab's top frame; `background`: the worker, to a tab. */
export type From = 'extension' | 'upwork-tab' | 'background';
const message =
  <Answer = void>() =>
  <F extends From, S extends z.ZodMiniType | undefined = undefined>(from: F, schema?: S) => ({ from, schema: schema as S, answer: null as Answer });

const tabId = z.int().check(z.nonnegative());
const id = z.object({ id: z.string().check(z.maxLength(100)) });
const job = z.object({ ciphertext: CiphertextSchema });
const TILE_FACTS = ['payment', 'spent', 'rating', 'country', 'proposals'] as const;

export const MESSAGES = {
  /** This tab now shows this page. */
  pageSeen: message()('upwork-tab', PageReadSchema),
  /** What tiles show; answers each tile's badge (if badges are on) and why it is folded (if it is). */
  tiles: message<{ show: boolean; views: Record<string, TileView> }>()(
    'upwork-tab',
    z.object({
      tiles: z.array(TileSeenSchema).check(z.maxLength(200)),
      missing: z._default(z.partialRecord(z.enum(TILE_FACTS), z.int().check(z.nonnegative(), z.maximum(200))), {}),
    }),
  ),
  /** The user hid this job, or its client, from its badge; answers what to undo, and why. */
  block: message<{ id: string; reason: string; ciphertexts: string[] }>()(
    'upwork-tab',
    z.object({ ciphertext: CiphertextSchema, what: z.enum(['job', 'client']), title: z.string().check(z.maxLength(300)) }),
  ),
  unblock: message()('upwork-tab', id),
  /** The user clicked a tile's badge: show that job in the panel. */
  openJob: message()('upwork-tab', job),
  /** (Re)load the client of this tab: `force` skips the cache (Refresh), `findMore` asks about more of the client's jobs. */
  lookupTab: message()('extension', z.object({ tabId, force: z.boolean(), findMore: z.optional(z.boolean()) })),
  /** Show the job of a pasted URL for this tab; answers a reason when the URL names no job. */
  lookupUrl: message<string | null>()('extension', z.object({ tabId, url: z.string().check(z.maxLength(2048)) })),
  /** Does the service accept the saved key? */
  testConnection: message<ConnectionResult>()('extension', z.object({ service: z.enum(API_SERVICES) })),
  /** Fetch (and pay for) this job's Mindcase row; or cancel the run fetching it. */
  enrichJob: message()('extension', job),
  cancelEnrich: message()('extension', job),
  /** Mindcase credits left (a free call). */
  mindcaseCredits: message<{ credits: number | null; problem: Problem | null }>()('extension'),
  /** Refresh the agency's freelancers (from the cache unless forced), UpHunt's list of applied jobs (for the guard). */
  loadFreelancers: message()('extension', z.object({ force: z.boolean() })),
  loadAppliedJobs: message()('extension'),
  /** UpHunt writes a cover letter. */
  generateProposal: message<{ coverLetter: string | null; problem: Problem | null }>()(
    'extension',
    z.object({ ciphertext: CiphertextSchema, profileId: z.nullable(z.string().check(z.maxLength(100))) }),
  ),
  /** Apply (idempotent per job: a second call answers the first application); undo one still in its undo moment; check now. */
  submitApplication: message<Application>()('extension', ApplyRequestSchema),
  undoApplication: message<boolean>()('extension', id),
  checkApplication: message()('extension', id),
  /** Check this watched search now; answers why it did not, or null. */
  checkWatch: message<string | null>()('extension', id),
  /** Send a test message to this destination of watched searches; says in words what came back. */
  testDestination: message<ConnectionResult>()('extension', id),
  /** What does this tab show right now? */
  readPage: message<PageRead>()('background'),
  /** A listed job's client was looked up: its badge can show the score. */
  tileKnown: message()('background', job),
};

type Messages = typeof MESSAGES;
export type MessageType = keyof Messages;
/** The messages the background answers (readPage and tileKnown go the other way). */
export type BackgroundType = { [K in MessageType]: Messages[K]['from'] extends 'background' ? never : K }[MessageType];
type SchemaOf<K extends MessageType> = Messages[K]['schema'];
/** What a sender passes (defaults may be left out) and what a handler receives (checked, defaults filled). */
export type SentOf<K extends MessageType> = SchemaOf<K> extends z.ZodMiniType ? z.input<SchemaOf<K>> : undefined;
export type DataOf<K extends MessageType> = SchemaOf<K> extends z.ZodMiniType ? z.output<SchemaOf<K>> : undefined;
export type AnswerOf<K extends MessageType> = Messages[K]['answer'];
