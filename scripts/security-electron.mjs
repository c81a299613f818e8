// `npm run security:electron`: Electronegativity over the shell's sources. Every finding above LOW must be
// accepted, with its reason and the code it was reviewed on, in docs/electronegativity-accepted.json
// (explained in docs/SECURITY.md); anything else fails the run, and so does an acceptance that no longer
// matches a finding. The judging is in electronegativity-gate.mjs. `--input DIR` and `--accepted FILE`
// point it at other sources (tests/tooling/electronegativity-gate.test.ts runs it on a fixture).
import console from 'node:console';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';
import { parseArgs } from 'node:util';
import { findingsFromSarif, gateReport } from './electronegativity-gate.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const VERSION = '1.10.3';
const ELECTRON = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const { values: options } = parseArgs({
  options: {
    input: { type: 'string', default: join(root, 'electron') },
    accepted: { type: 'string', default: join(root, 'docs/electronegativity-accepted.json') },
  },
});
const input = resolve(options.input);

/** The installed devDependency, an explicit binary (ELECTRONEGATIVITY_BIN), or npx as a last resort. */
function command() {
  if (process.env.ELECTRONEGATIVITY_BIN) return [process.execPath, [process.env.ELECTRONEGATIVITY_BIN]];
  const local = join(root, 'node_modules/@doyensec/electronegativity/dist/index.js');
  if (existsSync(local)) return [process.execPath, [local]];
  return ['npx', ['--yes', `@doyensec/electronegativity@${VERSION}`]];
}

const out = join(mkdtempSync(join(tmpdir(), 'elneg-')), 'findings.sarif');
const [bin, prefix] = command();
// The release-list check needs the internet; the Electron version is pinned by package-lock instead.
const args = [...prefix, '-i', input, '-r', '-v', 'false', '-e', ELECTRON, '-s', 'medium', '-x', 'AvailableSecurityFixesGlobalCheck', '-o', out];
const run = spawnSync(bin, args, { cwd: root, encoding: 'utf8' });
if (run.status !== 0 || !existsSync(out)) {
  console.error(`Electronegativity did not run (exit ${run.status}):\n${run.stderr || run.stdout}`);
  process.exit(2);
}

const findings = findingsFromSarif(JSON.parse(readFileSync(out, 'utf8')), (file) => readFileSync(join(input, file), 'utf8'));
const accepted = JSON.parse(readFileSync(options.accepted, 'utf8')).accepted;
const report = gateReport(findings, accepted);

console.log(`Electronegativity ${VERSION} on ${input} (Electron ${ELECTRON}): ${findings.length} finding(s) above LOW, ${report.accepted.length} accepted with a reason.`);
for (const line of report.lines) console.log(line);
if (!report.ok) {
  console.error('Fix each NEW finding, or accept it with a reason and its code in docs/electronegativity-accepted.json; remove STALE ones (see docs/SECURITY.md).');
  process.exit(1);
}
