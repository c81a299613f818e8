import { z } from 'zod';
import { OfficeSchema, QueueSchema } from '../../shared/model';

export const CONFIG_VERSION = 1;

export const DemoSettingsSchema = z.object({
  /** Same seed, same start time → the same numbers: demos and tests are repeatable. */
  seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
  /** Milliseconds between demo readings. */
  tickMs: z.number().int().min(100).max(60_000).default(1000),
});
export type DemoSettings = z.infer<typeof DemoSettingsSchema>;

export const GatewayConfigSchema = z
  .object({
    version: z.literal(CONFIG_VERSION, { error: `must be ${CONFIG_VERSION}` }),
    offices: z.array(OfficeSchema).min(1, 'must list at least one office'),
    queues: z.array(QueueSchema).min(1, 'must list at least one queue'),
    /** Drives every configured queue with simulated data. Real sources arrive with the gateway engine issue. */
    demo: DemoSettingsSchema.optional(),
  })
  .strict()
  .superRefine((config, ctx) => {
    reportDuplicates(config.offices.map((o) => o.id), 'offices', ctx);
    reportDuplicates(config.queues.map((q) => q.id), 'queues', ctx);
    const officeIds = new Set(config.offices.map((o) => o.id));
    config.queues.forEach((queue, index) => {
      if (!officeIds.has(queue.officeId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['queues', index, 'officeId'],
          message: `names office "${queue.officeId}", which is not among the offices (${[...officeIds].join(', ')})`,
        });
      }
    });
  });
export type GatewayConfig = z.infer<typeof GatewayConfigSchema>;

function reportDuplicates(ids: string[], list: string, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [list, index, 'id'], message: `duplicates id "${id}"` });
    seen.add(id);
  });
}
