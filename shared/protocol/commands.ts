import { z } from 'zod';
import {
  AdminResultSchema,
  AuditListRequestSchema,
  AuditListResultSchema,
  ExportResultSchema,
  ImportThresholdsRequestSchema,
  RevertRequestSchema,
  SaveThresholdsRequestSchema,
  type Role,
} from './admin-protocol';
import { BroadcastResultSchema, EditBroadcastRequestSchema, EndBroadcastRequestSchema, PostBroadcastRequestSchema } from './broadcast-protocol';
import {
  CloseIncidentRequestSchema,
  IncidentResultSchema,
  OpenIncidentRequestSchema,
  TimelineRequestSchema,
  TimelineResultSchema,
} from './incident-protocol';
import { AcknowledgeRequestSchema, CommandResultSchema, SnoozeRequestSchema } from './protocol';
import { STORE_REFUSAL_CODES } from './store-refusals';
import { DeadLetterActionResultSchema, DeadLetterIdRequestSchema, DeadLetterListRequestSchema, DeadLetterListResultSchema } from './webhook-protocol';

/**
 * Every command a screen may send over the socket, defined once: the role it needs, what it takes and
 * what it answers through the acknowledgement callback. The gateway registers one handler per entry
 * (a missing one is a type error), screens send through wrappers typed from it, and the AsyncAPI
 * reference (docs/asyncapi.json) is generated from these schemas.
 */
export interface CommandDefinition {
  role: Role;
  request: z.ZodType;
  answer: z.ZodType;
  /** One line for the protocol reference. */
  summary: string;
}

export const COMMAND_NAMES = ['alert:acknowledge', 'alert:snooze', 'thresholds:save', 'thresholds:import', 'thresholds:export', 'audit:list', 'audit:revert', 'webhooks:dead-letters', 'webhooks:retry', 'webhooks:delete', 'broadcast:post', 'broadcast:edit', 'broadcast:end', 'incident:open', 'incident:close', 'incident:timeline'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export const COMMANDS = {
  'alert:acknowledge': {
    role: 'lead',
    request: AcknowledgeRequestSchema,
    answer: CommandResultSchema,
    summary: 'Acknowledge an alert, with an optional note; every screen sees who did. An alert no longer open answers `not-found`.',
  },
  'alert:snooze': {
    role: 'lead',
    request: SnoozeRequestSchema,
    answer: CommandResultSchema,
    summary: "Silence an alert's notifications until a time (gateway clock, at most a week ahead); a worse level alerts again regardless.",
  },
  'thresholds:save': {
    role: 'manager',
    request: SaveThresholdsRequestSchema,
    answer: AdminResultSchema,
    summary: 'Save threshold changes, all or nothing, each checked against the version it was based on (`conflict` otherwise).',
  },
  'thresholds:import': {
    role: 'manager',
    request: ImportThresholdsRequestSchema,
    answer: AdminResultSchema,
    summary: "Replace every override with a thresholds file's, validated before anything is applied.",
  },
  'thresholds:export': {
    role: 'display',
    request: z.object({}).strict(),
    answer: ExportResultSchema,
    summary: 'The overrides as a thresholds file.',
  },
  'audit:list': {
    role: 'manager',
    request: AuditListRequestSchema,
    answer: AuditListResultSchema,
    summary: 'The audit trail, newest first.',
  },
  'audit:revert': {
    role: 'manager',
    request: RevertRequestSchema,
    answer: AdminResultSchema,
    summary: 'Undo an audited threshold change (itself audited).',
  },
  'webhooks:dead-letters': {
    role: 'manager',
    request: DeadLetterListRequestSchema,
    answer: DeadLetterListResultSchema,
    summary: 'Webhook deliveries that failed for good (the dead-letter list), newest first, with the last error.',
  },
  'webhooks:retry': {
    role: 'manager',
    request: DeadLetterIdRequestSchema,
    answer: DeadLetterActionResultSchema,
    summary: 'Send a dead-lettered event to its target again (it leaves the list; a new failure puts it back).',
  },
  'webhooks:delete': {
    role: 'manager',
    request: DeadLetterIdRequestSchema,
    answer: DeadLetterActionResultSchema,
    summary: 'Forget a dead-lettered event.',
  },
  'broadcast:post': {
    role: 'lead',
    request: PostBroadcastRequestSchema,
    answer: BroadcastResultSchema,
    summary: 'Post a banner to the walls (audited): a lead to the queue groups they own, a manager to any audience; every refusal names the field and the rule.',
  },
  'broadcast:edit': {
    role: 'lead',
    request: EditBroadcastRequestSchema,
    answer: BroadcastResultSchema,
    summary: 'Change a broadcast not yet ended; audited with who, when, before and after.',
  },
  'broadcast:end': {
    role: 'lead',
    request: EndBroadcastRequestSchema,
    answer: BroadcastResultSchema,
    summary: 'End a broadcast now, before its end time; audited with who, when, before and after.',
  },
  'incident:open': {
    role: 'lead',
    request: OpenIncidentRequestSchema,
    answer: IncidentResultSchema,
    summary: 'Open an incident on some queues with a short title (audited); their tiles show it, and alerts opened on them join it. A queue already in an open incident answers `conflict`.',
  },
  'incident:close': {
    role: 'lead',
    request: CloseIncidentRequestSchema,
    answer: IncidentResultSchema,
    summary: 'Close an open incident (audited), ending its timeline.',
  },
  'incident:timeline': {
    role: 'lead',
    request: TimelineRequestSchema,
    answer: TimelineResultSchema,
    summary: "An incident's timeline (opened, alerts, acknowledgements, broadcasts, closed) as JSON and as text in the language asked for.",
  },
} as const satisfies { readonly [C in CommandName]: CommandDefinition };

/** What a screen sends (defaults not yet applied). */
export type CommandRequest<C extends CommandName> = z.input<(typeof COMMANDS)[C]['request']>;
/** What a handler receives: validated, defaults applied. */
export type ValidCommand<C extends CommandName> = z.output<(typeof COMMANDS)[C]['request']>;
/** What the gateway answers, before a screen parses it. */
export type SentAnswer<C extends CommandName> = z.input<(typeof COMMANDS)[C]['answer']>;
/** The answer as a screen holds it after parsing. */
export type CommandAnswer<C extends CommandName> = z.output<(typeof COMMANDS)[C]['answer']>;

/** One command's definition with its schemas typed by name, for code generic over the command. */
export interface TypedCommandDefinition<C extends CommandName> {
  readonly role: Role;
  readonly request: z.ZodType<ValidCommand<C>, CommandRequest<C>>;
  readonly answer: z.ZodType<CommandAnswer<C>, SentAnswer<C>>;
}
type CommandTable = { readonly [C in CommandName]: TypedCommandDefinition<C> };
const COMMAND_TABLE: CommandTable = COMMANDS;

/** TypeScript cannot follow `COMMANDS[name].request` for a generic name; this view of the same map can. */
export function commandDefinition<C extends CommandName>(name: C): TypedCommandDefinition<C> {
  return COMMAND_TABLE[name];
}

/**
 * Refusals the gateway makes around a handler (wrong role, invalid request, a failure while recording it,
 * the shared store not committing it: shared/protocol/store-refusals.ts). Every command's answer schema
 * admits them (shared/protocol/commands.test.ts).
 */
export const GATEWAY_REFUSAL_CODES = ['invalid', 'forbidden', 'unavailable', ...STORE_REFUSAL_CODES] as const;
export const GatewayRefusalSchema = z.object({ ok: z.literal(false), code: z.enum(GATEWAY_REFUSAL_CODES), issues: z.array(z.string()) });
export type GatewayRefusal = z.infer<typeof GatewayRefusalSchema>;

/** The socket.io events of the commands, derived from the map. */
export type CommandEvents = {
  [C in CommandName]: (request: CommandRequest<C>, reply: (answer: SentAnswer<C> | GatewayRefusal) => void) => void;
};

/**
 * The gateway's side: one function per command, given the validated request, who sent it and their role.
 * A command that changes something answers once the shared store has committed it (a promise), or refuses.
 */
export type CommandHandlers = {
  readonly [C in CommandName]: (request: ValidCommand<C>, actor: string, role: Role) => SentAnswer<C> | GatewayRefusal | Promise<SentAnswer<C> | GatewayRefusal>;
};
