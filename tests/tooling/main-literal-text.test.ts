import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });
const FIXTURES = join(process.cwd(), 'tests/fixtures/lint/main-text');

async function literalTextErrors(code: string, asFile: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: asFile });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'i18next/no-literal-string' || m.fatal).map((m) => `${m.line}: ${m.message}`);
}

describe("main's user-facing text (npm run lint)", () => {
  it('refuses literal text in the tray, templates included', async () => {
    const code = await readFile(join(FIXTURES, 'tray-literal-label.ts'), 'utf8');
    const errors = await literalTextErrors(code, 'electron/main/desk/desk-tray.ts');
    expect(errors).toEqual([
      expect.stringMatching(/^3: main shows a person only catalogue text.*'Quit Queueboard'/),
      expect.stringMatching(/^4: main shows a person only catalogue text.*queues turned critical/),
    ]);
  });

  it('accepts catalogue keys, option values and log lines', async () => {
    const code = await readFile(join(FIXTURES, 'tray-catalogue-label.ts'), 'utf8');
    expect(await literalTextErrors(code, 'electron/main/desk/desk-tray.ts')).toEqual([]);
  });

  it("the real tray, notifier, pin window, start-up and notification rules pass", async () => {
    const results = await eslint.lintFiles([
      'electron/main/index.ts',
      'electron/main/desk/desk-tray.ts',
      'electron/main/desk/desk-notifier.ts',
      'electron/main/desk/pin-window.ts',
      'shared/desk/notification-rules.ts',
    ]);
    expect(results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'i18next/no-literal-string'))).toEqual([]);
  });
});
