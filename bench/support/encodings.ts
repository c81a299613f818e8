import { deflateRawSync } from 'node:zlib';
import { decodeCompactUpdate, encodeCompactUpdate, queueLayout, type CompactUpdate } from '../../shared/protocol/compact-update';
import type { Update } from '../../shared/protocol/protocol';
import type { Recording } from './recording';

/**
 * What the recorded updates weigh in each encoding, whichever form they were recorded in (the other is
 * derived with shared/protocol/compact-update.ts, which gives back exactly the same update):
 * - json: the readable form; compact: the form the renderer's screens ask for;
 * - deflate: the readable JSON compressed (permessage-deflate), which costs CPU per screen, not per update.
 */
export function encodedSizes(recording: Recording): { json: number; compact: number; deflate: number } {
  const layout = queueLayout(recording.snapshot.queues.map((q) => q.id));
  let json = 0;
  let compact = 0;
  let deflate = 0;
  for (const recorded of recording.updates) {
    const { readable, short } = bothForms(recorded, layout, recording.encoding);
    const text = JSON.stringify(readable);
    json += Buffer.byteLength(text);
    deflate += deflateRawSync(text).length;
    compact += Buffer.byteLength(JSON.stringify(short));
  }
  const n = Math.max(1, recording.updates.length);
  return { json: json / n, compact: compact / n, deflate: deflate / n };
}

function bothForms(recorded: unknown, layout: ReturnType<typeof queueLayout>, encoding: Recording['encoding']): { readable: Update; short: CompactUpdate } {
  if (encoding === 'json') return { readable: recorded as Update, short: encodeCompactUpdate(recorded as Update, layout) };
  const decoded = decodeCompactUpdate(recorded, layout);
  if (!decoded.ok) throw new Error(`recorded compact update does not decode: ${decoded.issues.join('; ')}`);
  return { readable: decoded.value, short: recorded as CompactUpdate };
}
