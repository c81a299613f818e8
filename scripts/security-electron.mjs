// `npm run security:electron`: Electronegativity over the shell's sources. Every finding above LOW must be
// accepted, with its reason, in docs/electronegativity-accepted.json (explained in docs/SECURITY.md);
// anything else fails the run, and so does an acceptance that no longer matches a finding.
import console from 'node:console';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const VERSION = '1.10.3';
const ELECTRON = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;

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
const args = [...prefix, '-i', join(root, 'electron'), '-r', '-v', 'false', '-e', ELECTRON, '-s', 'medium', '-x', 'AvailableSecurityFixesGlobalCheck', '-o', out];
const run = spawnSync(bin, args, { cwd: root, encoding: 'utf8' });
if (run.status !== 0 || !existsSync(out)) {
  console.error(`Electronegativity did not run (exit ${run.status}):\n${run.stderr || run.stdout}`);
  process.exit(2);
}

const findings = JSON.parse(readFileSync(out, 'utf8')).runs[0].results.map((r) => ({
  check: r.ruleId,
  file: r.locations[0].physicalLocation.artifactLocation.uri.replace(/^file:\/\/\/?$/, '(global)'),
  line: r.locations[0].physicalLocation.region.startLine,
  message: r.message.text,
}));
const accepted = JSON.parse(readFileSync(join(root, 'docs/electronegativity-accepted.json'), 'utf8')).accepted;
const key = (f) => `${f.check} ${f.file}`;
const acceptedKeys = new Set(accepted.map(key));
const unexplained = findings.filter((f) => !acceptedKeys.has(key(f)));
const stale = accepted.filter((a) => !findings.some((f) => key(f) === key(a)));

console.log(`Electronegativity ${VERSION} on electron/ (Electron ${ELECTRON}): ${findings.length} finding(s) above LOW, ${findings.length - unexplained.length} accepted with a reason.`);
for (const f of findings) console.log(`  ${acceptedKeys.has(key(f)) ? 'accepted ' : 'NEW      '} ${f.check} ${f.file}:${f.line} — ${f.message}`);
for (const a of stale) console.log(`  STALE     ${a.check} ${a.file}: accepted, but no longer found; remove it from docs/electronegativity-accepted.json`);
if (unexplained.length > 0 || stale.length > 0) {
  console.error('Fix each NEW finding, or accept it with a reason in docs/electronegativity-accepted.json (see docs/SECURITY.md).');
  process.exit(1);
}
