import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** Type-checks `code` as a file of the runtime whose tsconfig is given, and returns the diagnostics. */
function diagnostics(tsconfig: string, code: string): string[] {
  const configPath = resolve(tsconfig);
  const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, resolve(configPath, '..'));
  const probe = resolve(configPath, '..', '__runtime_probe__.ts');
  const host = ts.createCompilerHost({ ...parsed.options, noEmit: true, composite: false });
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => (file === probe ? code : readFile(file));
  host.getSourceFile = (file, language) =>
    file === probe ? ts.createSourceFile(file, code, language) : getSourceFile(file, language);
  host.fileExists = ((exists) => (file: string) => file === probe || exists(file))(host.fileExists.bind(host));
  const program = ts.createProgram([probe], { ...parsed.options, noEmit: true, composite: false }, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

const usesNode = 'export const where: string = process.cwd() + __dirname;';
const usesDom = 'export const title: string = document.title;';

describe('one tsconfig per runtime (npm run typecheck)', () => {
  it('the renderer cannot see Node types', () => {
    expect(diagnostics('renderer/tsconfig.json', usesNode).join('\n')).toMatch(/Cannot find name 'process'/);
    expect(diagnostics('renderer/tsconfig.json', usesDom)).toEqual([]);
  });

  it('shared code sees neither Node nor the DOM', () => {
    expect(diagnostics('shared/tsconfig.json', usesNode).join('\n')).toMatch(/Cannot find name 'process'/);
    expect(diagnostics('shared/tsconfig.json', usesDom).join('\n')).toMatch(/Cannot find name 'document'/);
  });

  it('the gateway sees Node but not the DOM', () => {
    expect(diagnostics('server/tsconfig.json', usesNode)).toEqual([]);
    expect(diagnostics('server/tsconfig.json', usesDom).join('\n')).toMatch(/Cannot find name 'document'/);
  });
});
