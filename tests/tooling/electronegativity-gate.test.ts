import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceptanceErrors, findingsFromSarif, gateReport, type Acceptance, type Finding } from '../../scripts/electronegativity-gate.mjs';

const UNSAFE = 'new BrowserWindow({webPreferences:{contextIsolation:false,sandbox:false,nodeIntegration:true}})';
const accepted: Acceptance[] = JSON.parse(readFileSync('docs/electronegativity-accepted.json', 'utf8')).accepted;
const MAIN_LINE = 'const window = new BrowserWindow(windowOptions);';

/** Electronegativity's SARIF shape, as the tool writes it (one physical location per result). */
const sarif = (results: Array<{ check: string; file: string; line: number }>) => ({
  runs: [
    {
      results: results.map(({ check, file, line }) => ({
        ruleId: check,
        message: { text: `${check} message` },
        locations: [{ physicalLocation: { artifactLocation: { uri: file }, region: { startLine: line, startColumn: 1, charLength: 1 } } }],
      })),
    },
  ],
});

const source = ['app.whenReady().then(() => {', `        ${MAIN_LINE}`, `  const rogue = ${UNSAFE};`, '});'].join('\n');
const read = (file: string) => {
  if (file !== 'main/index.ts') throw new Error(`unexpected ${file}`);
  return source;
};
const finding = (check: string, line: number): Finding =>
  findingsFromSarif(sarif([{ check, file: 'main/index.ts', line }]), read)[0]!;
const acceptance = (check: string, code: string | null = MAIN_LINE): Acceptance => ({ check, file: 'main/index.ts', code, reason: 'reviewed' });

describe('the Electronegativity gate (scripts/electronegativity-gate.mjs, issue 15)', () => {
  it('reads the matched line as the finding’s code, trimmed with single spaces; a global finding has none', () => {
    expect(finding('SANDBOX_JS_CHECK', 2)).toEqual({ check: 'SANDBOX_JS_CHECK', file: 'main/index.ts', line: 2, code: MAIN_LINE, message: 'SANDBOX_JS_CHECK message' });
    expect(findingsFromSarif(sarif([{ check: 'CSP_GLOBAL_CHECK', file: 'file:///', line: 1 }]), read)[0]).toMatchObject({ file: '(global)', code: null });
  });

  it('accepts the reviewed finding wherever its line moved to', () => {
    const moved = { ...finding('SANDBOX_JS_CHECK', 2), line: 120 };
    expect(gateReport([moved], [acceptance('SANDBOX_JS_CHECK')]).ok).toBe(true);
  });

  it('fails for an unsafe window added to a file that already has an accepted finding of the same check', () => {
    const findings = [finding('CONTEXT_ISOLATION_JS_CHECK', 2), finding('CONTEXT_ISOLATION_JS_CHECK', 3)];
    const report = gateReport(findings, [acceptance('CONTEXT_ISOLATION_JS_CHECK')]);
    expect(report.ok).toBe(false);
    expect(report.unexplained).toEqual([findings[1]]);
    expect(report.lines.join('\n')).toContain(`NEW       CONTEXT_ISOLATION_JS_CHECK main/index.ts:3`);
  });

  it('covers one finding per acceptance: the reviewed line copied a second time is new', () => {
    const twice = [finding('SANDBOX_JS_CHECK', 2), { ...finding('SANDBOX_JS_CHECK', 2), line: 9 }];
    expect(gateReport(twice, [acceptance('SANDBOX_JS_CHECK')]).unexplained).toEqual([twice[1]]);
  });

  it('fails for a stale acceptance: accepted, but no longer found', () => {
    const report = gateReport([finding('SANDBOX_JS_CHECK', 2)], [acceptance('SANDBOX_JS_CHECK'), acceptance('SANDBOX_JS_CHECK', 'new BrowserWindow(gone);')]);
    expect(report.ok).toBe(false);
    expect(report.stale).toEqual([acceptance('SANDBOX_JS_CHECK', 'new BrowserWindow(gone);')]);
    expect(report.lines.join('\n')).toContain('STALE     SANDBOX_JS_CHECK main/index.ts: accepted for "new BrowserWindow(gone);", but no longer found');
  });

  it('refuses an acceptance without its code or reason, or with code written unnormalised', () => {
    expect(acceptanceErrors([{ check: 'SANDBOX_JS_CHECK', file: 'main/index.ts', reason: 'x' }])).toEqual([
      'accepted[0] (SANDBOX_JS_CHECK main/index.ts): code is required (the source line the finding was reviewed on)',
    ]);
    expect(acceptanceErrors([{ ...acceptance('SANDBOX_JS_CHECK', `  ${MAIN_LINE}`), reason: '' }])).toEqual([
      'accepted[0] (SANDBOX_JS_CHECK main/index.ts): reason is required',
      `accepted[0] (SANDBOX_JS_CHECK main/index.ts): code must be written trimmed, with single spaces: "${MAIN_LINE}"`,
    ]);
    expect(acceptanceErrors(accepted)).toEqual([]);
  });

  it('end to end: Electronegativity on a copy of electron/ with the unsafe window added to main/index.ts fails the run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qb-elneg-'));
    cpSync('electron', join(dir, 'electron'), { recursive: true });
    appendFileSync(join(dir, 'electron/main/index.ts'), `\nexport const rogue = () => ${UNSAFE};\n`);
    const acceptances = join(dir, 'accepted.json');
    const stale = { check: 'DANGEROUS_FUNCTIONS_JS_CHECK', file: 'main/index.ts', code: 'window.webContents.executeJavaScript(script);', reason: 'removed long ago' };
    writeFileSync(acceptances, JSON.stringify({ accepted: [...accepted, stale] }));
    const run = spawnSync(process.execPath, ['scripts/security-electron.mjs', '--input', join(dir, 'electron'), '--accepted', acceptances], { encoding: 'utf8' });
    rmSync(dir, { recursive: true, force: true });
    const output = run.stdout + run.stderr;
    expect(run.status, output).toBe(1);
    expect(output).toMatch(new RegExp(`NEW +CONTEXT_ISOLATION_JS_CHECK main/index\\.ts:\\d+ .*\\n +code: export const rogue = \\(\\) => new BrowserWindow\\(\\{webPreferences:\\{contextIsolation:false`));
    expect(output).toContain('STALE     DANGEROUS_FUNCTIONS_JS_CHECK main/index.ts');
    // The reviewed findings of the same check and file are still accepted beside the new one.
    expect(output).toMatch(/accepted +CONTEXT_ISOLATION_JS_CHECK main\/index\.ts:\d+/);
  });
});
