import { describe, expect, it } from 'vitest';
import { futureSkewError } from './future-skew.js';

const now = Date.parse('2026-12-07T03:20:00.000Z');

describe('futureSkewError', () => {
  it('accepts a time in the past or within the skew', () => {
    expect(futureSkewError('events[0].at', now - 60_000, now, 300)).toBeNull();
    expect(futureSkewError('events[0].at', now + 300_000, now, 300)).toBeNull();
  });

  it('refuses a time beyond the skew, naming the field and the gateway time', () => {
    const message = futureSkewError('events[3].at', Date.parse('2099-01-01T00:00:00.000Z'), now, 300);
    expect(message).toContain('events[3].at: 2099-01-01T00:00:00.000Z is 2.3e+9 s ahead');
    expect(message).toContain("gateway's clock (2026-12-07T03:20:00.000Z); at most 300 s ahead is accepted");
  });
});
