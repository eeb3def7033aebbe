/**
 * The background's one way of being woken later. A timer is exact but dies with the worker (Chrome stops an idle
 * one after 30 s); an alarm survives it. Every feature schedules through here, by name, and says what runs
 * when its name wakes: the entrypoint only creates it.
 */
import { alarmMinutes } from './timing';

export interface AlarmsApi {
  create(name: string, info: { when?: number; delayInMinutes?: number; periodInMinutes?: number }): Promise<void> | void;
  clear(name: string): Promise<boolean> | Promise<void> | void;
  onAlarm: { addListener(listener: (alarm: { name: string }) => void): void };
}

export interface WakeUps {
  /** What runs when `name` wakes, by its timer or its alarm. One handler a name. */
  on(name: string, handler: () => void): void;
  /** Wakes `name` once at `at` by a timer while this worker lives, or never (null). A later call replaces it. */
  timer(name: string, at: number | null): void;
  /** Wakes `name` once at `at` by an alarm, even in a worker started again for it; or never (null). */
  alarm(name: string, at: number | null): Promise<void>;
  /**
   * Wakes `name` every alarm period while `on`: the backstop that brings a stopped worker back to work still due.
   * The first wake-up is one period away, so turning it on again does not wake the worker early.
   */
  repeat(name: string, on: boolean): Promise<void>;
}

export function createWakeUps(alarms: AlarmsApi, now: () => number = Date.now): WakeUps {
  const handlers = new Map<string, () => void>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const wake = (name: string) => handlers.get(name)?.();
  alarms.onAlarm.addListener((alarm) => wake(alarm.name));
  return {
    on: (name, handler) => void handlers.set(name, handler),
    timer(name, at) {
      clearTimeout(timers.get(name));
      timers.delete(name);
      if (at === null) return;
      timers.set(
        name,
        setTimeout(
          () => {
            timers.delete(name);
            wake(name);
          },
          Math.max(0, at - now()),
        ),
      );
    },
    async alarm(name, at) {
      if (at === null) await alarms.clear(name);
      else await alarms.create(name, { when: at });
    },
    async repeat(name, on) {
      if (on) await alarms.create(name, { delayInMinutes: alarmMinutes(), periodInMinutes: alarmMinutes() });
      else await alarms.clear(name);
    },
  };
}
