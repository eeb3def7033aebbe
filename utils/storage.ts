/** Every stored value, declared once. Values read back are checked by zod; a corrupt one reads as missing. */
import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { DEFAULT_TEMPLATES, type Application } from './apply/application';
import type { Problem } from './http';
import type { PageClientSeen } from './messaging';
import { ListRulesSchema, NO_BLOCKS, NO_RULES, type Blocks } from './lists/rules';
import { serialUpdates } from './serial';
import { PAGE_KINDS } from './upwork/page';
import { DESIGNS, PageFactsSchema } from './upwork/page-facts';
import { AppliedJobSchema } from './uphunt/apply-schemas';
import { ClientJobsSchema, FreelancersSchema } from './uphunt/schemas';
import { JobRowSchema } from './mindcase/schemas';
import { NewJobSchema, WatchSchema, WatchStatusSchema } from './watches/watch';

export const KeysSchema = z.object({ uphunt: z.string(), mindcase: z.string() });
export type Keys = z.output<typeof KeysSchema>;

/** Stored values found unreadable and reset, and errors the background did not expect: Options → Diagnostics. */
export const IncidentSchema = z.object({ count: z.number(), lastAt: z.number(), last: z.string() });
export type Incident = z.output<typeof IncidentSchema>;
export const storageResetsKey = 'local:storage-resets' as const;
export const backgroundErrorsKey = 'local:background-errors' as const;

export function recordIncident(key: typeof storageResetsKey | typeof backgroundErrorsKey, last: string): Promise<void> {
  return updateStored(key, IncidentSchema, (seen) => ({ count: (seen?.count ?? 0) + 1, lastAt: Date.now(), last }));
}

export interface SettingsItem<T> {
  key: string;
  fallback: T;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  /** One change at a time (serialUpdates): two changes landing together both stay (two quick hides, say). */
  update(change: (value: T) => T): Promise<void>;
  removeValue(): Promise<void>;
  watch(callback: (value: T) => void): () => void;
  /** Runs the migrations again (they run by themselves when the item is defined); for tests. */
  migrate(): Promise<void>;
}

/**
 * A settings item read through its schema, with @wxt-dev/storage's versions and migrations. A stored value
 * that does not fit keeps each field that does and takes the default for the others (a broken cap does not
 * cost the user their templates); the repair is written back and counted in Options → Diagnostics.
 */
function defineSettings<S extends z.ZodMiniObject>(
  key: `local:${string}` | `sync:${string}`,
  schema: S,
  fallback: z.output<S>,
  options: { version: number; migrations?: Record<number, (old: unknown) => unknown> },
): SettingsItem<z.output<S>> {
  type T = z.output<S>;
  const item = storage.defineItem<T>(key, { fallback, ...options });
  const repair = (raw: unknown): { value: T; broken: boolean } => {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return { value: parsed.data, broken: false };
    const stored = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
    const fields = Object.entries(schema.shape as Record<string, z.ZodMiniType>).map(([field, fieldSchema]) => {
      const kept = fieldSchema.safeParse(stored[field]);
      return [field, kept.success ? kept.data : (fallback as Record<string, unknown>)[field]];
    });
    return { value: Object.fromEntries(fields) as T, broken: true };
  };
  const getValue = async (): Promise<T> => {
    const { value, broken } = repair(await item.getValue());
    if (broken) {
      console.warn(`Repaired a stored value that did not fit its schema: ${key}`);
      await item.setValue(value);
      await recordIncident(storageResetsKey, key);
    }
    return value;
  };
  const serial = serialUpdates(
    async () => ({ value: await getValue() }),
    (box) => item.setValue(box.value),
  );
  return {
    key,
    fallback,
    getValue,
    setValue: (value) => item.setValue(value),
    update: (change) =>
      serial((box) => {
        box.value = change(box.value);
      }),
    removeValue: () => item.removeValue(),
    watch: (callback) => item.watch((raw) => callback(repair(raw).value)),
    migrate: () => item.migrate(),
  };
}

export interface AccessArea {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void>;
}

/**
 * Keeps the keys (storage.local) and the blocks (storage.sync) to the extension's own pages and worker where the
 * browser allows it. Chrome does, for every area; Firefox only for storage.session (bug 1724754): there, content
 * scripts of this extension (ours is the only one, and it reads no storage) could read them; web pages never can.
 * Answers the areas restricted.
 */
export async function restrictStorageAccess(areas: Record<string, AccessArea | undefined>): Promise<string[]> {
  const restricted = await Promise.all(
    Object.entries(areas).map(async ([name, area]) => {
      if (typeof area?.setAccessLevel !== 'function') return null;
      try {
        await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
        return name;
      } catch {
        return null;
      }
    }),
  );
  return restricted.filter((name): name is string => name !== null);
}

/** API keys, in storage.local: reachable by the extension's pages and worker; see restrictStorageAccess for content scripts. */
export const keysItem = defineSettings('local:keys', KeysSchema, { uphunt: '', mindcase: '' }, { version: 1 });

export const PageKindSchema = z.enum(PAGE_KINDS);

export const CiphertextSchema = z.string().check(z.regex(/^~0(?:2\d{15,20}|1[0-9a-f]{16})$/));
export const StrategySchema = z.enum(['url', 'attribute', 'link']);
const text = (max: number) => z.string().check(z.maxLength(max));
export const PageClientSeenSchema = z.object({
  fields: z.record(text(100), text(200)),
  text: text(2000),
  // Parsed tolerantly where it is used (utils/client/page-client.ts).
  state: z.nullable(z.object({ buyer: z.unknown(), workHistory: z.unknown() })),
}) satisfies z.ZodMiniType<PageClientSeen>;

export const ProblemSchema = z.object({
  service: z.enum(['UpHunt', 'Mindcase']),
  kind: z.enum([
    'missing_key',
    'retired_key',
    'spending_cap',
    'interrupted',
    'unauthorized',
    'payment_required',
    'forbidden',
    'not_found',
    'conflict',
    'validation',
    'rate_limited',
    'server',
    'network',
    'timeout',
    'malformed',
  ]),
  status: z.nullable(z.number()),
  detail: z.string(),
  retryAt: z.nullable(z.number()),
}) satisfies z.ZodMiniType<Problem>;

/**
 * What the panel shows for one tab. `resolving`: finding the client; `loading`: fetching its history;
 * `ready`: history in the cache under companyId; `no-history` / `unknown-job`: UpHunt has nothing yet.
 */
export const TabStateSchema = z.object({
  url: z.string(),
  kind: PageKindSchema,
  ciphertext: z.nullable(z.string()),
  companyId: z.nullable(z.string()),
  paymentVerified: z._default(z.nullable(z.boolean()), null),
  signedIn: z._default(z.nullable(z.boolean()), null),
  account: z._default(z.nullable(z.enum(['agency', 'freelancer', 'client'])), null),
  /** What the page says about the client (shown when UpHunt has no history of them). */
  client: z._default(z.nullable(PageClientSeenSchema), null),
  /** The client's other jobs the page names, and which of them are open. */
  otherJobs: z._default(z.array(CiphertextSchema).check(z.maxLength(50)), []),
  openJobs: z._default(z.array(CiphertextSchema).check(z.maxLength(50)), []),
  /** Which of Upwork's designs the page is, and what it shows for free (Connects, activity, bid range). */
  design: z._default(z.nullable(z.enum(DESIGNS)), null),
  facts: z._default(z.nullable(PageFactsSchema), null),
  /** How many of the client's jobs the page names UpHunt has been asked about, of how many (Find the client). */
  asked: z._default(z.nullable(z.object({ asked: z.int(), of: z.int() })), null),
  strategy: z._default(z.nullable(StrategySchema), null),
  status: z.enum(['no-job', 'unreadable', 'resolving', 'loading', 'ready', 'no-history', 'unknown-job', 'error']),
  /** The user pasted the job's URL because the page could not be read. */
  pasted: z._default(z.boolean(), false),
  problem: z.nullable(ProblemSchema),
  /** Identifies the lookup that wrote this state, so an older lookup finishing late cannot overwrite a newer one. */
  lookupId: z.string(),
  updatedAt: z.number(),
});
export type TabState = z.output<typeof TabStateSchema>;
export type TabStatus = TabState['status'];

/**
 * A family of stored values, one per id (a tab, a job, a client), each read through the family's schema: the
 * storage idiom beside defineSettings (one fixed item). A value that no longer fits is dropped and counted.
 */
export interface Family<T> {
  schema: z.ZodMiniType<T>;
  key(id: string | number): `local:${string}` | `session:${string}`;
  get(id: string | number): Promise<T | null>;
  set(id: string | number, value: T): Promise<void>;
  remove(id: string | number): Promise<void>;
  /** One change at a time per id (updateStored). */
  update(id: string | number, change: (current: T | null) => T): Promise<void>;
}

export function defineFamily<S extends z.ZodMiniType>(prefix: `local:${string}` | `session:${string}`, schema: S): Family<z.output<S>> {
  const key = (id: string | number) => `${prefix}:${id}` as const;
  return {
    schema: schema as z.ZodMiniType<z.output<S>>,
    key,
    get: (id) => readChecked(key(id), schema),
    set: (id, value) => storage.setItem(key(id), value),
    remove: (id) => storage.removeItem(key(id)),
    update: (id, change) => updateStored(key(id), schema, change),
  };
}

/** What each tab shows and how far its look-up went (storage.session: gone with the browser). */
export const tabStates = defineFamily('session:tab', TabStateSchema);
/** Which client posted a job, as UpHunt or the page said. */
export const companyOf = defineFamily('local:company-of', z.string().check(z.regex(/^\d{15,20}$/)));
/** When UpHunt last said it had not archived a job. */
export const notArchived = defineFamily('local:not-archived', z.number());
export const CacheEntrySchema = <S extends z.ZodMiniType>(value: S) => z.object({ storedAt: z.number(), value });
/** A client's UpHunt history, cached (utils/cache.ts). */
export const clientJobsEntries = defineFamily('local:client-jobs', CacheEntrySchema(ClientJobsSchema));
/** Until when UpHunt asked us (429 Retry-After) to make no call, in Unix ms. */
export const uphuntPausedUntilItem = storage.defineItem<number>('session:uphunt-paused-until', { fallback: 0 });

export async function readChecked<S extends z.ZodMiniType>(key: `local:${string}` | `session:${string}`, schema: S): Promise<z.output<S> | null> {
  const raw = await storage.getItem<unknown>(key);
  if (raw === null || raw === undefined) return null;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  // A value from an older version or a corrupted write: drop it rather than let it break every reader.
  console.warn(`Dropped a stored value that no longer fits its schema: ${key}`);
  await storage.removeItem(key);
  await recordIncident(storageResetsKey, key);
  return null;
}

const updaters = new Map<string, ReturnType<typeof serialUpdates<{ value: unknown }>>>();
/**
 * Changes one stored value from what is stored now, one change at a time per key (serialUpdates; a key has one
 * schema), so that changes landing together (requests finishing at once) do not overwrite each other. A change
 * that fails is dropped.
 */
export function updateStored<S extends z.ZodMiniType>(
  key: `local:${string}` | `session:${string}`,
  schema: S,
  change: (current: z.output<S> | null) => z.output<S>,
): Promise<void> {
  let update = updaters.get(key);
  if (!update) {
    update = serialUpdates(
      async () => ({ value: await readChecked(key, schema) }),
      (box) => storage.setItem(key, box.value),
    );
    updaters.set(key, update);
  }
  return update((box) => {
    box.value = change(box.value as z.output<S> | null);
  }).catch(() => undefined);
}

export const EnrichmentStateSchema = z.object({
  queue: z.array(z.string()),
  runs: z.array(
    z.object({
      id: z.nullable(z.string()),
      inputs: z.array(z.string()),
      startedAt: z.number(),
      problem: z.optional(z.nullable(ProblemSchema)),
      search: z.optional(z.nullable(z.object({ watchIds: z.array(z.string()), limit: z.number(), params: z.record(z.string(), z.unknown()) }))),
    }),
  ),
  failed: z.record(z.string(), ProblemSchema),
  month: z.string(),
  rowsThisMonth: z.number(),
  creditsUsedThisMonth: z._default(z.number(), 0),
  rowNotes: z._default(z.record(z.string(), z.string()), {}),
  endedIds: z._default(z.array(z.string()), []),
});
export const EnrichSettingsSchema = z.object({ autoEnrich: z.boolean(), monthlyCapUsd: z.number().check(z.minimum(0)) });

/** Mindcase runs in flight and what they cost this month (see utils/enrichment/enrich.ts). */
export const enrichmentKey = 'local:enrichment' as const;
// Off by default: every Mindcase row costs the user money.
export const enrichSettingsItem = defineSettings('local:enrich-settings', EnrichSettingsSchema, { autoEnrich: false, monthlyCapUsd: 5 }, { version: 1 });
/** A job's Mindcase details, bought once. */
export const mindcaseRows = defineFamily('local:mindcase-row', CacheEntrySchema(JobRowSchema));

export const ApplicationSchema = z.object({
  id: z.string(),
  ciphertext: z.string(),
  jobTitle: z.nullable(z.string()),
  companyId: z.nullable(z.string()),
  clientName: z.nullable(z.string()),
  profileId: z.nullable(z.string()),
  freelancerName: z.nullable(z.string()),
  coverLetter: z.string(),
  hourlyRate: z.nullable(z.number()),
  timeline: z.nullable(z.string()),
  // Applications stored before the Connects were recorded read as unknown.
  connects: z._default(z.nullable(z.number()), null),
  createdAt: z.number(),
  sendAt: z.number(),
  phase: z.enum(['scheduled', 'sending', 'queued', 'stalled', 'settled', 'not_sent', 'cancelled']),
  queueId: z.nullable(z.string()),
  queuedAt: z.nullable(z.number()),
  status: z.nullable(z.enum(['processing', 'applied', 'failed', 'not_available', 'not_eligible', 'not_enough_connects', 'logged_out'])),
  statusMessage: z.nullable(z.string()),
  errorMessage: z.nullable(z.string()),
  problem: z.nullable(ProblemSchema),
  nextCheckAt: z.nullable(z.number()),
  settledAt: z.nullable(z.number()),
  creditsRemaining: z.nullable(z.number()),
  recoveries: z.number(),
}) satisfies z.ZodMiniType<Application>;

/** Every application, newest last (see utils/apply/queue.ts). */
export const applicationsKey = 'local:applications' as const;
export const ApplicationsSchema = z.array(ApplicationSchema);

export const ApplySettingsSchema = z.object({
  undoSeconds: z.number().check(z.minimum(0), z.maximum(30)),
  recentClientDays: z.number().check(z.minimum(0), z.maximum(365)),
  templates: z.array(z.object({ id: z.string(), name: z.string(), body: z.string() })),
  defaultTemplateId: z.string(),
});
export type ApplySettings = z.output<typeof ApplySettingsSchema>;
export const applySettingsItem = defineSettings(
  'local:apply-settings',
  ApplySettingsSchema,
  { undoSeconds: 3, recentClientDays: 7, templates: DEFAULT_TEMPLATES, defaultTemplateId: 'default' },
  { version: 2, migrations: { 2: migrateApplySettingsToV2 } },
);

/** The freelancer the user last applied as: the form's first choice next time. */
export const lastProfileKey = 'local:last-profile' as const;
export const lastProfileItem = storage.defineItem<string | null>(lastProfileKey, { fallback: null });

/**
 * v1 kept the last freelancer used inside the apply settings, so an apply in the panel and a save in an Options
 * page opened before it wrote the same value, and the later one undid the other. v2 moves it to its own item.
 */
export async function migrateApplySettingsToV2(v1: unknown): Promise<unknown> {
  if (v1 === null || typeof v1 !== 'object') return v1;
  const { lastProfileId, ...v2 } = v1 as Record<string, unknown>;
  if (typeof lastProfileId === 'string' && (await storage.getItem(lastProfileKey)) === null) await storage.setItem(lastProfileKey, lastProfileId);
  return v2;
}

/** The agency's freelancers, cached (UpHunt allows 30 calls a minute; they rarely change). */
export const freelancersKey = 'local:freelancers' as const;
export const FreelancersEntrySchema = z.object({ storedAt: z.number(), value: z.nullable(FreelancersSchema), problem: z.nullable(ProblemSchema) });
export type FreelancersEntry = z.output<typeof FreelancersEntrySchema>;

/** Jobs UpHunt lists as applied, for the already-applied guard. */
export const appliedRemoteKey = 'local:applied-remote' as const;
export const AppliedRemoteSchema = z.object({
  storedAt: z.number(),
  items: z.array(AppliedJobSchema),
  /** Why the last refresh failed; the items are the last good list. */
  problem: z._default(z.nullable(ProblemSchema), null),
});

export const DraftSchema = z.object({
  profileId: z.nullable(z.string()),
  coverLetter: z.string(),
  hourlyRate: z.nullable(z.number()),
  timeline: z.nullable(z.string()),
  updatedAt: z.number(),
});
export type ApplyDraft = z.output<typeof DraftSchema>;
/** What the user typed for a job, kept until it is sent. */
export const drafts = defineFamily('local:draft', DraftSchema);

export interface ListSettings {
  showBadges: boolean;
  /** Look up the clients of listed jobs the user has not opened (costs UpHunt calls; off by default). */
  lookupListed: boolean;
}
export const ListSettingsSchema = z.object({ showBadges: z.boolean(), lookupListed: z.boolean() }) satisfies z.ZodMiniType<ListSettings>;
export const listSettingsItem = defineSettings('local:list-settings', ListSettingsSchema, { showBadges: true, lookupListed: false }, { version: 1 });

/** The rules that fold tiles away (Options → Lists); see utils/lists/rules.ts. */
export const listRulesItem = defineSettings('local:list-rules', ListRulesSchema, NO_RULES, { version: 1 });

/** Clients and jobs the user hid from a badge: in storage.sync, so they follow the user to their other browsers. */
const BlocksSchema = z.object({
  clients: z.array(z.object({ companyId: z.string(), name: z.nullable(z.string()), at: z.number() })),
  jobs: z.array(z.object({ ciphertext: z.string(), title: z.nullable(z.string()), at: z.number() })),
}) satisfies z.ZodMiniType<Blocks>;
export const blocksItem = defineSettings('sync:blocks', BlocksSchema, NO_BLOCKS, { version: 1 });

/** Jobs the user opened (newest last, at most 500): their tiles are marked "seen". */
export const seenJobsKey = 'local:seen-jobs' as const;
export const SeenJobsSchema = z.array(z.string());

/** How many tiles of a tab the rules folded, and why (the popup says it). */
export const HiddenCountSchema = z.object({ url: z.string(), byJob: z.record(z.string(), z.string()) });
export const hiddenCounts = defineFamily('session:hidden', HiddenCountSchema);

/** Which page kinds failed to yield a job, so a change in Upwork's markup is noticed in a day. */
export const diagnosticsKey = 'local:diagnostics' as const;

/** Messages the background refused (wrong sender or wrong shape): a page trying to drive the extension shows here. */
export const DroppedMessagesSchema = z.object({ count: z.number(), lastAt: z.number(), lastType: z.string(), lastReason: z.string() });
export type DroppedMessages = z.output<typeof DroppedMessagesSchema>;
export const droppedMessagesKey = 'local:dropped-messages' as const;
export { DiagnosticsSchema, type Diagnostics } from './diagnostics/page-readings';

/**
 * Watched searches (Options → Watched searches). In storage.local, not sync: a watch synced to a second browser
 * would be checked, and paid for, twice.
 */
export const WatchesSchema = z.object({ list: z.array(WatchSchema).check(z.maxLength(20)) });
export const watchesItem = defineSettings('local:watches', WatchesSchema, { list: [] }, { version: 1 });
/** What each watch's last check did, by watch id. */
export const watchStatusKey = 'local:watch-status' as const;
export const WatchStatusesSchema = z.record(z.string(), WatchStatusSchema);
/** Jobs any watch has seen (newest last): never announced again. */
export const watchSeenKey = 'local:watch-seen' as const;
/** The New jobs list, newest first. */
export const newJobsKey = 'local:new-jobs' as const;
export const NewJobsSchema = z.array(NewJobSchema);
