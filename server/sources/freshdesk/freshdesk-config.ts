import { z } from 'zod';
import { SlugSchema } from '../../../shared/model';
import { backfillHoursField, checkToken, connectionFields, hostedAccount } from '../http/connection-config';

const account = hostedAccount('domain', 'freshdesk.com');

/** A Freshdesk account (connectors: in the configuration file). The token is the agent's API key. */
export const FreshdeskConnectionSchema = z
  .object({
    ...connectionFields,
    kind: z.literal('freshdesk'),
    /** acme for https://acme.freshdesk.com */
    domain: account.field,
    /** How far back the first poll reads ticket changes. */
    backfillHours: backfillHoursField,
  })
  .strict()
  .superRefine((connection, ctx) => {
    checkToken(connection, ctx);
    account.check(connection.domain, connection, ctx);
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
  return account.baseUrl(connection.domain, connection);
}
