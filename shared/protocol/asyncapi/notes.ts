import { GATEWAY_REFUSAL_CODES } from '../commands';
import { HISTORY_MAX_ANSWER_BYTES, HISTORY_MAX_SPAN_MS, HISTORY_REQUESTS_PER_MINUTE, HISTORY_RESOLUTION_MS, MAX_MESSAGE_BYTES, MAX_SNOOZE_MS, PROTOCOL_VERSION, SILENCE_LIMIT_MS } from '../protocol';

/** What the schemas alone do not say, for the description of the AsyncAPI document (markdown). */
export const PROTOCOL_NOTES = `
The socket protocol between a Queueboard gateway and every screen (wall, desk, settings pane, or a client
of your own), generated from the zod schemas in \`shared/protocol/\` (\`npm run asyncapi\`).

**Transport.** socket.io v4 (Engine.IO 4) on the gateway's port, path \`/socket.io/\`. Each event carries
one JSON argument, the payload below. \`history\` and every command take an acknowledgement callback as
their last argument and are answered through it (the "reply" of each operation); one sent without a
callback is refused with \`rejected\`. Protocol version ${PROTOCOL_VERSION}: a handshake naming another is refused
with \`protocol-mismatch\` and the version the gateway speaks.

**Limits.**
- A message is at most ${MAX_MESSAGE_BYTES} bytes (64 KiB) either way. Over it, engine.io closes the connection
  before the gateway reads the message, so it cannot be answered: the client sees a disconnect (WebSocket
  close code 1009; HTTP 413 while long-polling), and the gateway counts it as
  \`queueboard_clients_dropped{reason="message-too-large"}\` in \`GET /metrics\`.
- \`history.spanMs\`: a whole number of ms from ${HISTORY_RESOLUTION_MS} (one minute) to ${HISTORY_MAX_SPAN_MS} (24 h); history has
  one value per minute. \`history.queueIds\`: at most 1000, each a configured queue (an unknown one is
  refused, naming it); absent means every queue. An answer is at most ${HISTORY_MAX_ANSWER_BYTES} bytes (512 KiB): a larger one is
  refused with \`too-large\` (ask for fewer queues, metrics or a shorter span). One connection may send
  \`limits.historyRequestsPerMinute\` (default ${HISTORY_REQUESTS_PER_MINUTE}) a minute; more are refused with \`too-often\` and \`retryAfter\` (seconds).
- Every message the gateway sends counts against the connection's allowance of 4 MiB queued and unsent
  (payload plus ~256 bytes per message): a client that stops reading is dropped (\`queueboard_clients_dropped{reason="slow-consumer"}\`)
  and gets a fresh snapshot when it reconnects.
- \`alert:acknowledge.note\`: at most 500 characters. \`alert:snooze.until\`: epoch ms on the gateway's clock, in
  the future and at most ${MAX_SNOOZE_MS} ms (7 days) ahead.
- \`incident:open.title\`: 1 to 32 characters (shown on the wall tiles); \`queueIds\`: 1 to 50 configured queues, none
  already in an open incident (\`conflict\` otherwise).
- \`thresholds:save\`: 1 to 2000 changes; \`audit:list.limit\`: 1 to 500 (default 100).
- \`resync\`: at most one per second per connection. The gateway speaks at least once a second; a client that
  hears nothing for ${SILENCE_LIMIT_MS} ms should reconnect.

**Unknown fields.** Commands and \`history\` refuse a field they do not know (\`code: "invalid"\`, the issue
naming it: every request schema has \`additionalProperties: false\`). The handshake ignores fields it does not
know. Messages from the gateway may gain fields in a later version: ignore what you do not know.

**Values.**
- Levels of a metric: \`ok\`, \`warning\`, \`critical\`. A queue's status adds \`no-data\` (nothing to grade yet)
  and \`stale\` (its source went quiet or said it is down; \`health.stale\` says why). An alert's level is
  \`warning\` or \`critical\`.
- \`Office\` = \`{ id, name, timeZone (IANA), locale (BCP 47) }\`; \`Queue\` = \`{ id, name, officeId, channel,
  team: { name, kind: "in-house" | "partner" } }\` (see \`snapshot\`). Ids are lowercase slugs.
- The default threshold scope has \`scopeId: ""\`; thresholds without a profile have \`profile: ""\`
  (the default when \`profile\` is left out).
- Times on the socket are epoch milliseconds on the gateway's clock (\`serverTime\` lets a screen correct its
  own); durations are seconds; a metric with nothing to compute from is \`null\`. \`GET /healthz\` is the
  exception: its \`lastReadingAt\` is an ISO 8601 string.

**Answers.** Every command answers \`{ ok: true, … }\` or \`{ ok: false, code, issues }\`, each issue naming the
field and the rule (\`"changes[0].key.scopeId: must be …"\`). Codes:
- \`invalid\`: the request broke a rule (each issue says which field and what is allowed);
- \`forbidden\`: the token's role is too low (\`lead\` to acknowledge, snooze and for incidents, \`manager\` for thresholds and the audit);
- \`not-found\`: no such open alert (including one resolved before the acknowledgement or snooze arrived: nothing is
  left to do), audit entry or incident;
- \`already-resolved\`: reserved in the schema, never sent by this gateway: a resolved alert answers \`not-found\`;
- \`conflict\`: someone changed the thresholds since the version or revision the request was based on, or an incident
  names a queue already in an open one, or was already closed;
- \`unavailable\`: the gateway could not record it; try again;
- \`store-unavailable\`: on a shared store (PostgreSQL), a command that changes something came while PostgreSQL could
  not be reached: nothing was changed; try again;
- \`store-pending\`: the change was made on the evaluating gateway and the screens show it, but PostgreSQL did not
  commit it within 2 s: it is written there, in order, once PostgreSQL answers (lost if that gateway stops first).
  On a shared store a change answers \`ok\` only once PostgreSQL has committed it; commands that only read never wait.

The gateway itself may refuse any command with ${GATEWAY_REFUSAL_CODES.map((code) => `\`${code}\``).join(', ')} around its handler; each
answer lists the codes it can carry. \`history\` answers \`{ ok: false, code, issues }\` with \`invalid\`, \`too-large\`,
\`too-often\` (with \`retryAfter\`) or \`unavailable\`.
Refusals are counted in \`queueboard_socket_messages_rejected{reason}\` (\`<command>:<code>\`,
\`invalid-history-request\`, \`history:too-large\`, \`history:too-often\`, \`unknown-event\`, \`command-without-callback\`, \`history-without-callback\`,
\`resync-too-often\`, \`unparseable-packet\`).

**Handshake refusals** come as socket.io's \`connect_error\` whose \`data\` is \`handshake.refusal\`:
\`protocol-mismatch\`, \`bad-handshake\` (a field broke its rule), \`unauthorized\` (no token where one is needed),
\`bad-token\`, \`revoked-token\`, \`too-many-attempts\` (too many failures from one address; wait).

**Compact updates** (\`update.compact\`): \`{ t: serverTime, s: seq, l: layout, c: patches, a?: alerts }\`, each patch
\`[queue, updatedAt − t, metric, value, …, tail?]\` with \`queue\` the index in the snapshot's \`queues\` (or an id),
\`metric\` the index in \`backlog, oldestWaitingSeconds, firstResponseP50, firstResponseP90, resolutionP50,
resolutionP90, slaAttainment, inflowPerHour, outflowPerHour, agentsOnline, slaBreached, csat, csatRatings,
staffingGap, slaOutlook\` (new metrics are appended), \`tail\` an object with the patch's \`health\` and \`staffing\` when
they changed, and \`l\` the layout id of the queue list (README, "The protocol"). A client holding another layout sends \`resync\`.

**Over HTTP, for senders** (not part of this document): with the gateway's store, \`POST /api/v1/queues/{id}/readings\`
with a \`readingId\` already received answers \`200 {"accepted":false,"duplicate":true}\` and changes nothing; a batch of events
already received answers \`{"accepted":0,"duplicates":N}\`.
`.trim();
