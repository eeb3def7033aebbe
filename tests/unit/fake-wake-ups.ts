import type { WakeUps } from '@/utils/wake-ups';

/** A wake-up scheduler that records what each feature asks of it and runs nothing by itself. */
export function fakeWakeUps() {
  const handlers = new Map<string, () => void>();
  const timers: Array<[string, number | null]> = [];
  const wake: WakeUps = {
    on: (name, handler) => void handlers.set(name, handler),
    timer: (name, at) => void timers.push([name, at]),
    alarm: async () => undefined,
    repeat: async () => undefined,
  };
  return { wake, handlers, timers };
}
