/** The API keys, in storage.local: read by the extension's pages and worker (see storage/access.ts for content scripts). */
import * as z from 'zod/mini';
import { defineSettings } from './storage/settings';

export const KeysSchema = z.object({ uphunt: z.string(), mindcase: z.string() });
export type Keys = z.output<typeof KeysSchema>;
export const keysItem = defineSettings('local:keys', KeysSchema, { uphunt: '', mindcase: '' }, { version: 1 });
