import { z } from 'zod';

const epochMs = z.number().int().nonnegative();
const percent = z.number().min(0).max(100);
const agents = z.number().int().min(0).max(100_000);

/**
 * How many agents a queue needs over the coming span against how many it has, and where its SLA attainment
 * is heading by the end of the office's day (server/forecast/staffing*.ts, sla-outlook*.ts). The staffingGap
 * and slaOutlook metrics are its headline figures; this says how they were reached.
 */
export const StaffingOutlookSchema = z.object({
  /** `erlang-a` for chat and phone (arrivals, handle time, patience, the service-level target); `workload` for the rest. */
  method: z.enum(['erlang-a', 'workload']),
  /**
   * What the arrivals are taken from: `usual`, the inflow baseline for this weekday and time of day; `recent`,
   * the queue's inflow over its flow window, while the baseline is still learning or absent.
   */
  basis: z.enum(['usual', 'recent']),
  /** The span the need covers, in minutes from now: 30 for Erlang A, the first-response target (at least 30) for workload. */
  spanMinutes: z.number().int().min(1).max(366 * 24 * 60),
  /** Agents needed over the span to meet the target. */
  needed: agents,
  /** Agents online now; null when the source does not report them. */
  online: agents.nullable(),
  /** Average handle time used, in seconds, and where it came from. */
  handleSeconds: z.number().positive().max(366 * 24 * 3600),
  handleFrom: z.enum(['reading', 'setting', 'default']),
  /** Projected SLA attainment when the office's day ends (`until`), with a range; null with nothing to project from. */
  sla: z
    .object({
      expected: percent,
      low: percent,
      high: percent,
      /** The attainment the queue is held to: its slaAttainment warning level. */
      target: percent,
      until: epochMs,
    })
    .nullable(),
});
export type StaffingOutlook = z.infer<typeof StaffingOutlookSchema>;
