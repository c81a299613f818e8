import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

// Finds every `new BrowserWindow(` in electron/ and says which ones are not given options from
// buildWindowOptions (electron/main/window-options.ts). The source text is scanned first and every match
// must be a call the TypeScript checker sees; its options must have the type WindowOptions, which only
// window-options.ts makes. A cast to WindowOptions anywhere else is refused too: it would forge that.

const ROOT = resolve('.');
const TSCONFIG = resolve('electron/main/tsconfig.json');
const WINDOW_OPTIONS = resolve('electron/main/window-options.ts');
const NEW_WINDOW = /\bnew\s+BrowserWindow\s*\(/g;
const FORGED = /\bas\s+WindowOptions\b|<WindowOptions>/;

export interface WindowCreation {
  /** Path relative to the repository and 1-based line. */
  where: string;
  code: string;
  /** Null when the options come from buildWindowOptions; otherwise why not. */
  problem: string | null;
}

/** Every non-test .ts file under electron/, as path → text, with `overlay` files added or replaced. */
function electronSources(overlay: Record<string, string>): Map<string, string> {
  const sources = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) sources.set(path, readFileSync(path, 'utf8'));
    }
  };
  walk(resolve('electron'));
  for (const [path, text] of Object.entries(overlay)) sources.set(resolve(path), text);
  return sources;
}

function programOver(sources: Map<string, string>, roots: string[]): ts.Program {
  const config = ts.getParsedCommandLineOfConfigFile(TSCONFIG, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!config) throw new Error(`Cannot read ${TSCONFIG}`);
  const options: ts.CompilerOptions = { ...config.options, composite: false, noEmit: true, declaration: false, emitDeclarationOnly: false };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (path) => sources.get(resolve(path)) ?? readFile(path);
  host.fileExists = (path) => sources.has(resolve(path)) || ts.sys.fileExists(path);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (path, language, onError, fresh) => {
    const text = sources.get(resolve(path));
    return text === undefined ? getSourceFile(path, language, onError, fresh) : ts.createSourceFile(path, text, language, true);
  };
  return ts.createProgram({ rootNames: [...roots, WINDOW_OPTIONS], options, host });
}

function windowOptionsType(program: ts.Program, checker: ts.TypeChecker): ts.Type {
  const module = checker.getSymbolAtLocation(program.getSourceFile(WINDOW_OPTIONS)!)!;
  const symbol = checker.getExportsOfModule(module).find((s) => s.name === 'WindowOptions');
  if (!symbol) throw new Error('electron/main/window-options.ts no longer exports WindowOptions');
  return checker.getDeclaredTypeOfSymbol(symbol);
}

function problemOf(call: ts.NewExpression, checker: ts.TypeChecker, wanted: ts.Type): string | null {
  const [options] = call.arguments ?? [];
  if (!options) return 'no options: Electron would use its defaults';
  const type = checker.getTypeAtLocation(options);
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Never)) return `options typed ${checker.typeToString(type)}`;
  if (!checker.isTypeAssignableTo(type, wanted)) return 'options not from buildWindowOptions (type is not WindowOptions)';
  return null;
}

/** Every `new BrowserWindow(` in electron/ with what is wrong with it, if anything. */
export function scanWindowCreations(overlay: Record<string, string> = {}): WindowCreation[] {
  const sources = electronSources(overlay);
  const result: WindowCreation[] = [];
  const textSites = new Map<string, number>();
  for (const [path, text] of sources) {
    const count = [...text.matchAll(NEW_WINDOW)].length;
    if (count > 0) textSites.set(path, count);
    text.split('\n').forEach((line, index) => {
      if (FORGED.test(line) && path !== WINDOW_OPTIONS) {
        result.push({ where: `${relative(ROOT, path)}:${index + 1}`, code: line.trim(), problem: 'a cast to WindowOptions outside window-options.ts' });
      }
    });
  }
  const program = programOver(sources, [...textSites.keys()]);
  const checker = program.getTypeChecker();
  const wanted = windowOptionsType(program, checker);
  for (const [path, count] of textSites) {
    const file = program.getSourceFile(path)!;
    const calls: ts.NewExpression[] = [];
    const visit = (node: ts.Node) => {
      if (ts.isNewExpression(node) && /\bBrowserWindow$/.test(node.expression.getText(file))) calls.push(node);
      ts.forEachChild(node, visit);
    };
    visit(file);
    for (const call of calls) {
      const line = file.getLineAndCharacterOfPosition(call.getStart(file)).line;
      result.push({ where: `${relative(ROOT, path)}:${line + 1}`, code: call.getText(file), problem: problemOf(call, checker, wanted) });
    }
    if (calls.length !== count) {
      result.push({ where: relative(ROOT, path), code: '', problem: `${count} \`new BrowserWindow(\` in the text, ${calls.length} in the code: move it out of comments and strings` });
    }
  }
  return result;
}
