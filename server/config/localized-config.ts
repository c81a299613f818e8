import { z } from 'zod';
import { NameTranslationsSchema, TeamSchema, type NameTranslations } from '../../shared/model';
import { defaultFirstResponseWindow, PercentileWindowSchema, type QueueWindows } from '../../shared/percentile-window';
import type { Channel } from '../../shared/model';

/**
 * A name in the configuration: a plain string, or its translations (`{ en, pt, nl }`, at least one). Screens
 * get `name` (English, else the first given) and `names`, and show the one of their language.
 */
export const ConfiguredNameSchema = z.union([
  z.string().min(1).max(80),
  NameTranslationsSchema.refine((names) => Object.keys(names).length > 0, 'must give the name in at least one language (en, pt, nl)'),
]);
export type ConfiguredName = z.infer<typeof ConfiguredNameSchema>;

/**
 * The name and translations of a configured name, as the wire carries them. A parsed configuration (plain
 * `name` plus `names`) reads back the same, so `names` beside a plain name is kept; beside translations the
 * translations win.
 */
export function splitName(name: ConfiguredName, names?: NameTranslations): { name: string; names?: NameTranslations } {
  if (typeof name === 'string') return names ? { name, names } : { name };
  return { name: name.en ?? Object.values(name)[0]!, names: name };
}

/**
 * A queue's team, its name plain or translated like an office's. The rules that name a team (a group's
 * `teams`, an ingest key's `teams`) use `name`: the English one, else the first given.
 */
export const ConfiguredTeamSchema = TeamSchema.extend({ name: ConfiguredNameSchema })
  .strict()
  .transform(({ name, names, ...team }) => ({ ...team, ...splitName(name, names) }));

/** A queue's own percentile windows; what it leaves out follows its channel (see resolveQueueWindows). */
export const ConfiguredQueueWindowsSchema = z.object({ firstResponse: PercentileWindowSchema.optional(), resolution: PercentileWindowSchema.optional() }).strict();
export type ConfiguredQueueWindows = z.infer<typeof ConfiguredQueueWindowsSchema>;

/**
 * A queue's windows: its own, else by channel (chat and phone: the file's `windows.firstResponseMinutes`;
 * email and social: a rolling 24 h) for first replies, and the file's `windows.resolutionHours` for resolutions.
 */
export function resolveQueueWindows(
  channel: Channel,
  own: ConfiguredQueueWindows | undefined,
  global: { firstResponseMinutes: number; resolutionHours: number },
): QueueWindows {
  return {
    firstResponse: own?.firstResponse ?? defaultFirstResponseWindow(channel, global.firstResponseMinutes),
    resolution: own?.resolution ?? global.resolutionHours * 60,
  };
}
