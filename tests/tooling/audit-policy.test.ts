import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPORT = 'tests/fixtures/audit/report.json';
const ADVISORY = 'https://github.com/advisories/GHSA-aaaa-bbbb-cccc';

/** Runs the CI audit gate on a recorded `npm audit --json` report with the given exceptions. */
function gate(exceptions: unknown[], today = '2026-11-24') {
  const file = join(mkdtempSync(join(tmpdir(), 'qb-audit-')), 'exceptions.json');
  writeFileSync(file, JSON.stringify({ exceptions }));
  const run = spawnSync(process.execPath, ['scripts/audit-deps.mjs', '--report', REPORT, '--exceptions', file, '--today', today], { encoding: 'utf8' });
  return { status: run.status, output: run.stdout + run.stderr };
}

const exception = { advisory: ADVISORY, package: 'left-pad', reason: 'only pads our own constants', approvedBy: 'Security owner', expires: '2026-12-31' };

describe('the dependency audit gate (scripts/audit-deps.mjs, docs/SECURITY.md)', () => {
  it('fails on a high advisory without an exception, naming package and advisory; a moderate one does not count', () => {
    const { status, output } = gate([]);
    expect(status).toBe(1);
    expect(output).toContain(`high: left-pad — Prototype pollution in left-pad (${ADVISORY}): update it, or record an exception`);
    expect(output).not.toContain('tiny-thing');
  });

  it('passes with an approved, unexpired exception, and says so', () => {
    const { status, output } = gate([exception]);
    expect(status).toBe(0);
    expect(output).toContain('excepted until 2026-12-31 (approved by Security owner): left-pad');
  });

  it('fails once the exception has expired, when it lacks an approver, or when it matches nothing any more', () => {
    expect(gate([exception], '2027-01-01').output).toContain('the exception expired on 2026-12-31');
    expect(gate([{ ...exception, approvedBy: '' }]).output).toContain('approvedBy is required');
    const stale = gate([exception, { ...exception, advisory: 'https://github.com/advisories/GHSA-gone' }]);
    expect(stale.status).toBe(1);
    expect(stale.output).toContain('matches no current advisory');
  });
});
