import { z } from 'zod';
import { METRIC_IDS } from './metrics';
import { QueueWindowsSchema } from './percentile-window';

/** Identifiers are lowercase slugs so they are safe in URLs, config keys and CSS classes. */
export const SlugSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a lowercase slug: a-z, 0-9 and "-", up to 63 characters');

export const CHANNELS = ['email', 'chat', 'phone', 'trustpilot', 'facebook', 'instagram', 'x', 'linkedin'] as const;
export const ChannelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof ChannelSchema>;

/** Languages a name may be translated into; the wall shows the one of its language, else `name`. */
export const NAME_LANGUAGES = ['en', 'pt', 'nl'] as const;
const displayName = z.string().min(1).max(80);
export const NameTranslationsSchema = z.partialRecord(z.enum(NAME_LANGUAGES), displayName);
export type NameTranslations = z.infer<typeof NameTranslationsSchema>;

export const OfficeSchema = z.object({
  id: SlugSchema,
  name: displayName,
  /** The name per wall language, when the configuration gives translations. */
  names: NameTranslationsSchema.optional(),
  /** IANA time zone, e.g. Europe/Lisbon: clocks and day curves follow it. */
  timeZone: z.string().min(1).refine(isKnownTimeZone, 'must be an IANA time zone such as Europe/Lisbon'),
  /** BCP 47 locale used by default for numbers and times on this office's screens. */
  locale: z.string().min(2).max(35),
});
export type Office = z.infer<typeof OfficeSchema>;

export const TeamSchema = z.object({
  /** The team's name as the configuration's rules (groups, ingest keys) and the desk's filter know it. */
  name: z.string().min(1).max(80),
  /** The name per wall language, when the configuration gives translations. */
  names: NameTranslationsSchema.optional(),
  /** Outsourced partners are shown as such: their screens and leads are often elsewhere. */
  kind: z.enum(['in-house', 'partner']),
});
export type Team = z.infer<typeof TeamSchema>;

export const QueueSchema = z.object({
  id: SlugSchema,
  name: displayName,
  names: NameTranslationsSchema.optional(),
  officeId: SlugSchema,
  channel: ChannelSchema,
  team: TeamSchema,
  /** The spans of its percentiles, so a label can say what a figure covers. */
  windows: QueueWindowsSchema.optional(),
  /** Metrics a manager made ungraded for this queue: shown, never colouring it, and the tile says so. */
  ungraded: z.array(z.enum(METRIC_IDS)).optional(),
});
export type Queue = z.infer<typeof QueueSchema>;

/**
 * A named set of queues that a wall can show on its own (`?group=social`): the social desk across both
 * offices, the outsourced partners' queues. The gateway resolves the configured rule into queue ids.
 */
export const QueueGroupSchema = z.object({
  id: SlugSchema,
  name: z.string().min(1).max(80),
  queueIds: z.array(SlugSchema),
  /** Token holders who may post broadcasts to the group as leads (managers may anywhere); absent from older gateways. */
  owners: z.array(z.string().min(1).max(80)).optional(),
});
export type QueueGroup = z.infer<typeof QueueGroupSchema>;

function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
