import type { CommandHandlers } from '../../shared/protocol/commands';

const refuse = () => ({ ok: false as const, code: 'unavailable' as const, issues: ['(root): this test gateway takes no commands'] });

/** Handlers for a socket gateway under test that is not about commands: each answers `unavailable`. */
export const refusingCommands: CommandHandlers = {
  'alert:acknowledge': refuse,
  'alert:snooze': refuse,
  'thresholds:save': refuse,
  'thresholds:import': refuse,
  'thresholds:export': refuse,
  'audit:list': refuse,
  'audit:revert': refuse,
  'webhooks:dead-letters': refuse,
  'webhooks:retry': refuse,
  'webhooks:delete': refuse,
  'broadcast:post': refuse,
  'broadcast:edit': refuse,
  'broadcast:end': refuse,
};
