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

/** A queue fed by Intercom: the conversations assigned to one team. */
export const IntercomQueueSourceSchema = z
  .object({
    kind: z.literal('intercom'),
    connection: SlugSchema,
    teamId: z.union([z.string().regex(/^\d+$/, 'must be an Intercom team id (digits)'), z.number().int().positive()]).transform(String),
  })
  .strict();
export type IntercomQueueSource = z.infer<typeof IntercomQueueSourceSchema>;

export function intercomBaseUrl(connection: IntercomConnection): string {
  return connection.baseUrl ?? 'https://api.intercom.io';
}
