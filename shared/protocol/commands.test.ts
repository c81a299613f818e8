import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, COMMANDS, commandDefinition, GATEWAY_REFUSAL_CODES } from './commands';

describe('the command map', () => {
  it('defines each command once, and the typed view is the same map', () => {
    expect(Object.keys(COMMANDS)).toEqual([...COMMAND_NAMES]);
    for (const name of COMMAND_NAMES) expect(commandDefinition(name)).toBe(COMMANDS[name]);
  });

  it.each(COMMAND_NAMES)('%s: its answer schema admits every refusal the gateway makes before its handler runs', (name) => {
    for (const code of GATEWAY_REFUSAL_CODES) {
      expect(COMMANDS[name].answer.safeParse({ ok: false, code, issues: ['alertId: is required (string)'] }).success).toBe(true);
    }
  });

  it.each(COMMAND_NAMES)('%s: refuses a field it does not know, naming it', (name) => {
    const parsed = COMMANDS[name].request.safeParse({ surplus: 1 });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.some((issue) => issue.code === 'unrecognized_keys' && issue.keys.includes('surplus'))).toBe(true);
  });
});
