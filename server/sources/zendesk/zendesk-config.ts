import { z } from 'zod';
import { SlugSchema } from '../../../shared/model';
import { backfillHoursField, checkToken, connectionFields, hostedAccount } from '../http/connection-config';

const account = hostedAccount('subdomain', 'zendesk.com');

/** A Zendesk account (connectors: in the configuration file). */
export const ZendeskConnectionSchema = z
  .object({
    ...connectionFields,
    kind: z.literal('zendesk'),
    /** acme for https://acme.zendesk.com */
    subdomain: account.field,
    /** With an API token: the agent's email (basic auth "email/token:TOKEN"). Without: the token is an OAuth bearer token. */
    email: z.email('must be an email address').optional(),
    /** How far back the first poll reads ticket changes and metric events. */
    backfillHours: backfillHoursField,
  })
  .strict()
  .superRefine((connection, ctx) => {
    checkToken(connection, ctx);
    account.check(connection.subdomain, connection, ctx);
  });
export type ZendeskConnection = z.infer<typeof ZendeskConnectionSchema>;

/** A queue fed by Zendesk: the open tickets of one group, optionally of one channel and brand. */
export const ZendeskQueueSourceSchema = z
  .object({
    kind: z.literal('zendesk'),
    /** The id of a connection under connectors:. */
    connection: SlugSchema,
    groupId: z.number().int('must be a whole number').positive('must be a Zendesk group id'),
    /** Zendesk's "via" channel (email, web, chat, voice, api, native_messaging, …). */
    channel: z.string().regex(/^[a-z_]{2,40}$/, 'must be a Zendesk via channel such as email, web, chat or voice').optional(),
    brandId: z.number().int('must be a whole number').positive('must be a Zendesk brand id').optional(),
  })
  .strict();
export type ZendeskQueueSource = z.infer<typeof ZendeskQueueSourceSchema>;

export function zendeskBaseUrl(connection: ZendeskConnection): string {
  return account.baseUrl(connection.subdomain, connection);
}
