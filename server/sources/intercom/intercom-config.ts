import { z } from 'zod';
import { SlugSchema } from '../../../shared/model';
import { checkToken, connectionFields } from '../http/connection-config';

/** An Intercom workspace (connectors: in the configuration file). The token is an access token. */
export const IntercomConnectionSchema = z
  .object({
    ...connectionFields,
    kind: z.literal('intercom'),
    /** Sent as Intercom-Version. */
    apiVersion: z.string().regex(/^\d+\.\d+$/, 'must be an Intercom API version such as 2.11').default('2.11'),
  })
  .strict()
  .superRefine((connection, ctx) => checkToken(connection, ctx));
export type IntercomConnection = z.infer<typeof IntercomConnectionSchema>;

const targetSeconds = z.number().int('must be whole seconds').positive('must be more than 0 seconds').max(365 * 24 * 3600, 'must be at most a year, in seconds');

/**
 * The targets of the Intercom SLA that applies to the team's conversations, copied from Intercom's SLA settings:
 * the REST API names a conversation's SLA and its status but not its targets, and marks an SLA missed only at the
 * next teammate reply, so an open conversation already past its target is found from these.
 */
export const IntercomSlaTargetsSchema = z
  .object({
    firstReplySeconds: targetSeconds.optional(),
    nextReplySeconds: targetSeconds.optional(),
    timeToCloseSeconds: targetSeconds.optional(),
  })
  .strict();
export type IntercomSlaTargets = z.infer<typeof IntercomSlaTargetsSchema>;

/** A queue fed by Intercom: the conversations assigned to one team. */
export const IntercomQueueSourceSchema = z
  .object({
    kind: z.literal('intercom'),
    connection: SlugSchema,
    teamId: z.union([z.string().regex(/^\d+$/, 'must be an Intercom team id (digits)'), z.number().int().positive()]).transform(String),
    slaTargets: IntercomSlaTargetsSchema.optional(),
  })
  .strict();
export type IntercomQueueSource = z.infer<typeof IntercomQueueSourceSchema>;

export function intercomBaseUrl(connection: IntercomConnection): string {
  return connection.baseUrl ?? 'https://api.intercom.io';
}
