// `npm run security:audit`: `npm audit` over production and then all dependencies. Any advisory of high or
// critical severity fails the run unless docs/audit-exceptions.json holds an approved, unexpired exception
// for it (the policy is in docs/SECURITY.md). Exceptions that match nothing any more fail too: remove them.
//   --report <file>      read an `npm audit --json` report instead of running npm audit (tests)
//   --exceptions <file>  another exceptions file (tests)
//   --today YYYY-MM-DD   the date expiry is judged by (tests)
//   --if-reachable       when the advisory database cannot be reached at all, say so loudly and exit 0
//                        (CI on machines whose network reaches the registry but not its audit endpoint);
//                        findings still fail whenever a report is had
import console from 'node:console';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const flag = (name) => {
  const index = process.argv.indexOf(name);
  return index === -1 ? null : process.argv[index + 1];
};
const today = flag('--today') ?? new Date().toISOString().slice(0, 10);
const exceptionsFile = flag('--exceptions') ?? `${root}docs/audit-exceptions.json`;
const SEVERE = new Set(['high', 'critical']);

/** The report of one `npm audit --json` run, or the given file. */
function report(scope) {
  if (flag('--report')) return JSON.parse(readFileSync(flag('--report'), 'utf8'));
  const args = ['audit', '--json', ...(scope === 'production' ? ['--omit=dev'] : [])];
  const run = spawnSync('npm', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  try {
    const parsed = JSON.parse(run.stdout);
    if (parsed.vulnerabilities) return parsed;
  } catch {
    // fall through: no report
  }
  if (process.argv.includes('--if-reachable')) {
    console.error(`WARNING: npm audit (${scope}) gave no report: the advisory database is unreachable from this machine, so NO AUDIT RAN.\n${run.stderr}`);
    process.exit(0);
  }
  console.error(`npm audit (${scope}) gave no report; the advisory database may be unreachable. Failing closed.\n${run.stderr}`);
  process.exit(2);
}

/** Every advisory of high or critical severity, by its URL (https://github.com/advisories/GHSA-…). */
function severeAdvisories(audit) {
  const found = new Map();
  for (const vulnerability of Object.values(audit.vulnerabilities)) {
    for (const via of vulnerability.via) {
      if (typeof via === 'object' && SEVERE.has(via.severity)) found.set(via.url, { url: via.url, package: via.name, severity: via.severity, title: via.title });
    }
  }
  return [...found.values()];
}

const { exceptions } = JSON.parse(readFileSync(exceptionsFile, 'utf8'));
const problems = [];
for (const e of exceptions) {
  for (const field of ['advisory', 'package', 'reason', 'approvedBy', 'expires']) if (!e[field]) problems.push(`exception for ${e.advisory ?? '(no advisory)'}: ${field} is required`);
}
const used = new Set();
for (const scope of ['production', 'all']) {
  const advisories = severeAdvisories(report(scope));
  console.log(`npm audit (${scope} dependencies): ${advisories.length} high or critical advisor${advisories.length === 1 ? 'y' : 'ies'}`);
  for (const advisory of advisories) {
    const exception = exceptions.find((e) => e.advisory === advisory.url);
    if (exception) used.add(exception.advisory);
    if (!exception) problems.push(`${advisory.severity}: ${advisory.package} — ${advisory.title} (${advisory.url}): update it, or record an exception`);
    else if (exception.expires < today) problems.push(`${advisory.package} (${advisory.url}): the exception expired on ${exception.expires}; review it again`);
    else console.log(`  excepted until ${exception.expires} (approved by ${exception.approvedBy}): ${advisory.package} — ${advisory.title}`);
  }
}
for (const e of exceptions) if (!used.has(e.advisory)) problems.push(`exception for ${e.advisory} matches no current advisory: remove it from docs/audit-exceptions.json`);
if (problems.length > 0) {
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
console.log('No unexcepted high or critical advisories.');
