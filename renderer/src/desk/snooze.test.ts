import { describe, expect, it } from 'vitest';
import { snoozeUntil } from './snooze';

describe('snoozeUntil', () => {
  const gatewayNow = new Date(2026, 10, 24, 14, 10, 30).getTime();

  it('adds a preset to the gateway clock', () => {
    expect(snoozeUntil({ afterMs: 15 * 60_000 }, gatewayNow)).toBe(gatewayNow + 15 * 60_000);
  });

  it('takes the next such time of day: later today, or tomorrow once it has passed', () => {
    expect(snoozeUntil({ timeOfDay: '16:30' }, gatewayNow)).toBe(new Date(2026, 10, 24, 16, 30).getTime());
    expect(snoozeUntil({ timeOfDay: '09:00' }, gatewayNow)).toBe(new Date(2026, 10, 25, 9, 0).getTime());
    expect(snoozeUntil({ timeOfDay: '14:10' }, gatewayNow)).toBe(new Date(2026, 10, 25, 14, 10).getTime());
  });

  it('refuses what is not a time of day', () => {
    expect(snoozeUntil({ timeOfDay: '' }, gatewayNow)).toBeNull();
    expect(snoozeUntil({ timeOfDay: '25:00' }, gatewayNow)).toBeNull();
  });
});
