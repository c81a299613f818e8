import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** Lints a fixture with the project's config, as if it were a view in renderer/src, and returns the literal-text findings. */
async function literalFindings(fixture: string, filePath = 'renderer/src/desk/Fixture.tsx'): Promise<Array<{ line: number; message: string }>> {
  const code = readFileSync(`tests/fixtures/lint/${fixture}`, 'utf8');
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'i18next/no-literal-string').map((m) => ({ line: m.line, message: m.message }));
}

describe('no literal text in views (npm run lint)', () => {
  it('refuses text, read attributes (aria-label, title, placeholder, alt) and literals shown in JSX', async () => {
    const findings = await literalFindings('LiteralText.tsx');
    // aria-label, the heading, title, both ternary words, placeholder, alt, the template literal.
    expect(findings.map((f) => f.line)).toEqual([4, 5, 6, 7, 7, 9, 10, 11]);
    expect(findings[0]!.message).toMatch(/must come from the translation catalogue/);
  });

  it('passes the same view written with t(), and words without letters (" · ", "×")', async () => {
    expect(await literalFindings('TranslatedText.tsx')).toEqual([]);
  });

  it('guards every view: pin window, settings and app settings too, but not tests', async () => {
    for (const filePath of ['renderer/src/pins/Fixture.tsx', 'renderer/src/settings/Fixture.tsx', 'renderer/src/app-settings/Fixture.tsx', 'renderer/src/wall/Fixture.tsx']) {
      expect((await literalFindings('LiteralText.tsx', filePath)).length, filePath).toBe(8);
    }
    expect(await literalFindings('LiteralText.tsx', 'renderer/src/desk/Fixture.test.tsx')).toEqual([]);
  });
});
