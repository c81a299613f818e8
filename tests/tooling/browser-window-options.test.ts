import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scanWindowCreations } from '../support/browser-window-scan';

const UNSAFE = 'new BrowserWindow({webPreferences:{contextIsolation:false,sandbox:false,nodeIntegration:true}})';
const INDEX = 'electron/main/index.ts';
const withLine = (path: string, line: string) => ({ [path]: `${readFileSync(path, 'utf8')}\n${line}\n` });
const problems = (overlay: Record<string, string> = {}) => scanWindowCreations(overlay).filter((site) => site.problem !== null);

describe('every new BrowserWindow( in electron/ takes options from buildWindowOptions (issue 15)', () => {
  it('holds for the shell today: the main window and the pin window', () => {
    const sites = scanWindowCreations();
    expect(sites.map((s) => s.where.replace(/:\d+$/, '')).sort()).toEqual(['electron/main/desk/desk-electron.ts', INDEX]);
    expect(sites.filter((s) => s.problem !== null)).toEqual([]);
  });

  it('fails for the unsafe window of the issue added to main/index.ts, naming file and line', () => {
    const lines = readFileSync(INDEX, 'utf8').split('\n').length;
    expect(problems(withLine(INDEX, `export const rogue = () => ${UNSAFE};`))).toEqual([
      { where: `${INDEX}:${lines + 1}`, code: UNSAFE, problem: 'options not from buildWindowOptions (type is not WindowOptions)' },
    ]);
  });

  it('fails for options built by hand in a new file, passed as a variable', () => {
    const rogue = [
      "import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';",
      'const options: BrowserWindowConstructorOptions = { webPreferences: { sandbox: false } };',
      'export const open = () => new BrowserWindow(options);',
    ].join('\n');
    expect(problems({ 'electron/main/rogue.ts': rogue }).map((s) => [s.where, s.problem])).toEqual([
      ['electron/main/rogue.ts:3', 'options not from buildWindowOptions (type is not WindowOptions)'],
    ]);
  });

  it('fails for built options spread with a web preference turned off, or with their web preferences replaced', () => {
    const spread = 'export const spread = (o: ReturnType<typeof buildWindowOptions>) => new BrowserWindow({ ...o, webPreferences: { ...o.webPreferences, sandbox: false } });';
    expect(problems(withLine(INDEX, spread)).map((s) => s.problem)).toEqual(['options not from buildWindowOptions (type is not WindowOptions)']);
    const replaced = 'export const replaced = (o: ReturnType<typeof buildWindowOptions>) => new BrowserWindow({ ...o, webPreferences: { nodeIntegration: true } });';
    expect(problems(withLine(INDEX, replaced)).map((s) => s.problem)).toEqual(['options not from buildWindowOptions (type is not WindowOptions)']);
  });

  it('fails for a cast to WindowOptions outside window-options.ts, for `any` options and for none', () => {
    const forged = withLine(INDEX, `export const forged = () => new BrowserWindow({ webPreferences: { sandbox: false } } as WindowOptions);`);
    expect(problems(forged).map((s) => s.problem)).toContain('a cast to WindowOptions outside window-options.ts');
    expect(problems(withLine(INDEX, 'export const loose = (o: any) => new BrowserWindow(o);')).map((s) => s.problem)).toEqual(['options typed any']);
    expect(problems(withLine(INDEX, 'export const bare = () => new BrowserWindow();')).map((s) => s.problem)).toEqual([
      'no options: Electron would use its defaults',
    ]);
  });
});
