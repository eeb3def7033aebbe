import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWakeUps, type AlarmsApi } from '@/utils/wake-ups';

function fakeAlarms() {
  const set = new Map<string, { when?: number; delayInMinutes?: number; periodInMinutes?: number }>();
  let listener: (alarm: { name: string }) => void = () => undefined;
  const api: AlarmsApi = {
    create: (name, info) => void set.set(name, info),
    clear: async (name) => set.delete(name),
    onAlarm: { addListener: (l) => void (listener = l) },
  };
  return { api, set, fire: (name: string) => listener({ name }) };
}

afterEach(() => vi.useRealTimers());

describe('wake-ups: the background woken by a timer while it lives, by an alarm when it does not', () => {
  it("runs a name's handler from its timer once at the time, and from its alarm after a restart", async () => {
    vi.useFakeTimers({ now: 1_000 });
    const alarms = fakeAlarms();
    const wake = createWakeUps(alarms.api);
    const woken: string[] = [];
    wake.on('apply', () => woken.push('apply'));
    wake.on('watch', () => woken.push('watch'));

    wake.timer('apply', 6_000);
    wake.timer('apply', 3_000); // moved earlier: one wake-up, not two
    vi.advanceTimersByTime(2_000);
    expect(woken).toEqual(['apply']);
    vi.advanceTimersByTime(10_000);
    expect(woken).toEqual(['apply']);

    await wake.alarm('watch', 60_000);
    expect(alarms.set.get('watch')).toEqual({ when: 60_000 });
    alarms.fire('watch');
    alarms.fire('something-else');
    expect(woken).toEqual(['apply', 'watch']);
    await wake.alarm('watch', null);
    expect(alarms.set.has('watch')).toBe(false);
  });

  it('keeps a repeating alarm only while work is due, and a cleared timer never fires', async () => {
    vi.useFakeTimers({ now: 0 });
    const alarms = fakeAlarms();
    const wake = createWakeUps(alarms.api);
    const handler = vi.fn();
    wake.on('mindcase', handler);
    await wake.repeat('mindcase', true);
    expect(alarms.set.get('mindcase')).toEqual({ delayInMinutes: 0.5, periodInMinutes: 0.5 });
    await wake.repeat('mindcase', false);
    expect(alarms.set.has('mindcase')).toBe(false);
    wake.timer('mindcase', 5_000);
    wake.timer('mindcase', null);
    vi.advanceTimersByTime(10_000);
    expect(handler).not.toHaveBeenCalled();
  });
});
