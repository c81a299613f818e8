import { readFileSync } from 'node:fs';
import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import { describe, expect, it } from 'vitest';
import { asyncApiJson } from '../../shared/protocol/asyncapi/document';
import { PROTOCOL_MESSAGES } from '../../shared/protocol/asyncapi/messages';
import { COMMAND_NAMES } from '../../shared/protocol/commands';
import { SERVER_EVENTS } from '../../shared/protocol/socket-events';
import { parseWith } from '../../shared/protocol/validation';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** README's examples marked for this test: `<!-- asyncapi: <message key> -->` right above a ```json block. */
function readmeExamples(): Array<{ key: string; json: string; line: number }> {
  const readme = read('README.md');
  return [...readme.matchAll(/<!-- asyncapi: ([\w.-]+) -->\s*\n```json\n([\s\S]*?)\n```/g)].map((match) => ({
    key: match[1]!,
    json: match[2]!,
    line: readme.slice(0, match.index).split('\n').length,
  }));
}

describe('the protocol reference (docs/asyncapi.json)', () => {
  it('is what the schemas generate today: run `npm run asyncapi` after changing one', () => {
    expect(read('docs/asyncapi.json')).toBe(asyncApiJson());
  });

  it('is a valid AsyncAPI document', async () => {
    const { document, diagnostics } = await new Parser().parse(read('docs/asyncapi.json'));
    expect(diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).map((d) => `${d.path.join('.')}: ${d.message}`)).toEqual([]);
    expect(document?.operations().length).toBe(PROTOCOL_MESSAGES.filter((m) => !PROTOCOL_MESSAGES.some((other) => other.reply === m.key)).length);
  });

  it('covers every event both ways: each command with its answer, every server event, the handshake and history', () => {
    const keys = PROTOCOL_MESSAGES.map((message) => message.key);
    for (const name of COMMAND_NAMES) expect(keys).toEqual(expect.arrayContaining([name.replace(':', '.'), `${name.replace(':', '.')}.answer`]));
    expect(keys).toEqual(expect.arrayContaining([...Object.keys(SERVER_EVENTS), 'update.compact', 'handshake', 'handshake.refusal', 'resync', 'history', 'history.answer']));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('README protocol examples each pass the schema they are marked with', () => {
    const examples = readmeExamples();
    expect(examples.length).toBeGreaterThanOrEqual(8);
    for (const { key, json, line } of examples) {
      const message = PROTOCOL_MESSAGES.find((m) => m.key === key);
      expect(message?.schema, `README.md:${line}: no message "${key}" with a payload`).toBeTruthy();
      expect(parseWith(message!.schema!, JSON.parse(json)), `README.md:${line} (${key})`).toMatchObject({ ok: true });
    }
  });
});
