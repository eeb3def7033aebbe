/** What Diagnostics keeps: page reads by kind and design, refused messages, unexpected errors, the request log. */
import * as z from 'zod/mini';
import { defineStored, IncidentSchema } from '../storage/stored';
import { ActivityEntrySchema } from './activity';
import { DiagnosticsSchema } from './page-readings';

/** Which page kinds failed to yield a job, so a change in Upwork's markup is noticed in a day. */
export const pageReadings = defineStored('local:diagnostics', DiagnosticsSchema);

/** Messages the background refused (wrong sender or wrong shape): a page trying to drive the extension shows here. */
export const DroppedMessagesSchema = z.object({ count: z.number(), lastAt: z.number(), lastType: z.string(), lastReason: z.string() });
export type DroppedMessages = z.output<typeof DroppedMessagesSchema>;
export const droppedMessages = defineStored('local:dropped-messages', DroppedMessagesSchema);

/** Errors nothing in the background caught. */
export const backgroundErrors = defineStored('local:background-errors', IncidentSchema);

/** Options → Activity: every request sent (see activity.ts). */
export const activityLog = defineStored('local:activity', z.array(ActivityEntrySchema));
