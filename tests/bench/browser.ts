/** The bench's browser: a session of the bench build against the sandbox, and reading the performance timeline. */
import { resolve } from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { KEYS } from '../sandbox/data';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { launchWithExtension, saveKeys } from '../e2e/chrome/launch';

export interface Session {
  sandbox: Sandbox;
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
}

export async function start(build: string): Promise<Session> {
  const sandbox = await startSandbox();
  const { context, worker, extensionId } = await launchWithExtension(sandbox, true, resolve(build));
  const options = await saveKeys(context, extensionId, { uphunt: KEYS.uphunt, mindcase: KEYS.mindcase });
  await options.close();
  return { sandbox, context, worker, extensionId };
}

export async function stop(session: Session) {
  await session.context.close();
  await session.sandbox.close();
}

/** Entries of one page's performance timeline, with their epoch times (so two pages' timelines compare). */
export async function timeline(page: Page, type: 'mark' | 'measure') {
  return page.evaluate(
    (kind) =>
      performance.getEntriesByType(kind).map((e) => ({
        name: e.name,
        at: performance.timeOrigin + e.startTime,
        duration: e.duration,
        detail: (e as PerformanceMark).detail as Record<string, unknown> | null,
      })),
    type,
  );
}

/** Waits until the panel has marked the client of `ciphertext` as shown after `since` (epoch ms); returns when. */
export async function shownAt(panel: Page, ciphertext: string, since: number, timeoutMs = 15_000): Promise<number> {
  const handle = await panel.waitForFunction(
    ({ ciphertext, since }) =>
      performance
        .getEntriesByName('uphunt:client-shown')
        .map((e) => ({ at: performance.timeOrigin + e.startTime, detail: (e as PerformanceMark).detail as { ciphertext?: string } }))
        .find((e) => e.detail.ciphertext === ciphertext && e.at >= since)?.at ?? false,
    { ciphertext, since },
    { timeout: timeoutMs, polling: 10 },
  );
  return (await handle.jsonValue()) as number;
}

export async function clearCaches(worker: Worker) {
  await worker.evaluate(async () => {
    const all = await chrome.storage.local.get(null);
    const stale = Object.keys(all).filter((key) => key.startsWith('client-jobs:') || key.startsWith('company-of:'));
    await chrome.storage.local.remove(stale);
  });
}
