import { z } from 'zod';
import type { Channel } from './model';

/**
 * The span a queue's percentiles are taken over: `today` is the office's day so far (from local midnight in
 * its time zone), a number is a rolling window of that many minutes. Screens show it beside the label
 * ("First reply p90 · today", "· 1 h"), so a figure always says what it covers.
 */
const WINDOW_RULE = 'must be "today" (the office\'s day so far) or a whole number of minutes from 1 to 10080 (7 days)';
export const PercentileWindowSchema = z.union([z.literal('today'), z.number().int(WINDOW_RULE).min(1, WINDOW_RULE).max(7 * 24 * 60, WINDOW_RULE)], {
  error: WINDOW_RULE,
});
export type PercentileWindow = z.infer<typeof PercentileWindowSchema>;

/** The windows of a queue's first-response and resolution percentiles, as screens receive them. */
export const QueueWindowsSchema = z.object({ firstResponse: PercentileWindowSchema, resolution: PercentileWindowSchema }).strict();
export type QueueWindows = z.infer<typeof QueueWindowsSchema>;

const DAY_MINUTES = 24 * 60;

/**
 * Where a channel's first replies happen often enough for an hour to hold a sample: chat and phone answer in
 * minutes; an email or social queue may go an hour without a first reply, so its window is a rolling day.
 */
export function defaultFirstResponseWindow(channel: Channel, hourlyMinutes: number): PercentileWindow {
  return channel === 'chat' || channel === 'phone' ? hourlyMinutes : DAY_MINUTES;
}
