import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });
const FIXTURES = join(process.cwd(), 'tests/fixtures/lint/package-allow-lists');

/** Lints a fixture as if it were `asFile`, and returns what the package allow-lists said about it. */
async function allowListErrors(fixture: string, asFile: string): Promise<string[]> {
  const code = await readFile(join(FIXTURES, fixture), 'utf8');
  const [result] = await eslint.lintText(code, { filePath: asFile });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports' || m.fatal)
    .map((m) => `${m.line}: ${m.message}`);
}

describe('package allow-lists (npm run lint)', () => {
  it.each([
    ['shared-imports-socket-io.ts', "'socket.io'"],
    ['shared-imports-zustand.ts', "'zustand'"],
  ])('shared/ refuses a package that is not on its list: %s', async (fixture, name) => {
    const errors = await allowListErrors(fixture, 'shared/fixture.ts');
    expect(errors).toEqual([expect.stringMatching(new RegExp(`^2: ${name} import is restricted .*shared/ may import only these pure packages: zod, i18next\\.$`))]);
  });

  it('shared/ accepts zod, i18next and its own files', async () => {
    expect(await allowListErrors('shared-imports-allowed.ts', 'shared/fixture.ts')).toEqual([]);
  });

  it('shared/ tests may use test tools (vitest, fast-check)', async () => {
    const [result] = await eslint.lintText("import fc from 'fast-check';\nimport { it } from 'vitest';\nit('x', () => fc);\n", { filePath: 'shared/fixture.test.ts' });
    expect(result?.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')).toEqual([]);
  });

  it('the preload refuses a value imported from a package', async () => {
    const errors = await allowListErrors('preload-imports-value.ts', 'electron/preload/fixture.ts');
    expect(errors).toEqual([expect.stringMatching(/^2: 'zod' import is restricted .*The preload may import types from a package, never values/)]);
  });

  it("the preload accepts type-only imports and electron's contextBridge and ipcRenderer", async () => {
    expect(await allowListErrors('preload-imports-types.ts', 'electron/preload/fixture.ts')).toEqual([]);
  });

  it('the real shared/ and preload pass', async () => {
    const results = await eslint.lintFiles(['shared/**/*.ts', 'electron/preload/**/*.ts']);
    const refused = results.flatMap((r) => r.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => `${r.filePath}: ${m.message}`));
    expect(refused).toEqual([]);
  });
});
