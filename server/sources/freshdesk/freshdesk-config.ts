import { z } from 'zod';
import { SlugSchema } from '../../../shared/model';
import { checkToken, connectionFields } from '../http/connection-config';

/** A Freshdesk account (connectors: in the configuration file). The token is the agent's API key. */
export const FreshdeskConnectionSchema = z
  .object({
    ...connectionFields,
    kind: z.literal('freshdesk'),
    /** acme for https://acme.freshdesk.com */
    domain: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be the account domain, e.g. acme for acme.freshdesk.com').optional(),
    /** How far back the first poll reads ticket changes. */
    backfillHours: z.number().int().min(0).max(7 * 24).default(24),
  })
  .strict()
  .superRefine((connection, ctx) => {
    checkToken(connection, ctx);
    if (!connection.domain && !connection.baseUrl) ctx.addIssue({ code: 'custom', path: ['domain'], message: 'is required (or give baseUrl)' });
  });
export type FreshdeskConnection = z.infer<typeof FreshdeskConnectionSchema>;

/** A queue fed by Freshdesk: the tickets of one group. */
export const FreshdeskQueueSourceSchema = z
  .object({
    kind: z.literal('freshdesk'),
    connection: SlugSchema,
    groupId: z.number().int('must be a whole number').positive('must be a Freshdesk group id'),
  })
  .strict();
export type FreshdeskQueueSource = z.infer<typeof FreshdeskQueueSourceSchema>;

export function freshdeskBaseUrl(connection: FreshdeskConnection): string {
  return connection.baseUrl ?? `https://${connection.domain}.freshdesk.com`;
}
