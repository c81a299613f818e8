// The judging half of `npm run security:electron`, kept pure so tests/tooling/electronegativity-gate.test.ts
// can call it on fixtures. An acceptance names a check, a file and the code it was reviewed for: the
// source line Electronegativity matched, trimmed with its spaces collapsed (the tool's own "sample").
// A line number alone would not do: it moves with every edit above it, and a second, unsafe window in
// the same file would pass as the reviewed one.

/** The code an acceptance is pinned to: indentation and runs of spaces do not matter, anything else does. */
export function normaliseCode(line) {
  return line.trim().replace(/\s+/g, ' ');
}

/**
 * Findings from Electronegativity's SARIF report. `readSource(file)` gives the text of a file relative
 * to the scanned folder; a global finding (no file) has the file "(global)" and the code null.
 */
export function findingsFromSarif(sarif, readSource) {
  const sources = new Map();
  const lineOf = (file, line) => {
    if (!sources.has(file)) sources.set(file, readSource(file).split('\n'));
    return sources.get(file)[line - 1] ?? '';
  };
  return sarif.runs[0].results.map((result) => {
    const { artifactLocation, region } = result.locations[0].physicalLocation;
    const global = /^file:\/\/\/?$/.test(artifactLocation.uri);
    const file = global ? '(global)' : artifactLocation.uri;
    return {
      check: result.ruleId,
      file,
      line: region.startLine,
      code: global ? null : normaliseCode(lineOf(file, region.startLine)),
      message: result.message.text,
    };
  });
}

/** What is wrong with the acceptances file itself: each entry needs a check, a file, its code and a reason. */
export function acceptanceErrors(accepted) {
  const errors = [];
  accepted.forEach((a, index) => {
    const where = `accepted[${index}] (${a.check ?? '?'} ${a.file ?? '?'})`;
    for (const field of ['check', 'file', 'reason']) {
      if (typeof a[field] !== 'string' || a[field].trim() === '') errors.push(`${where}: ${field} is required`);
    }
    const global = a.file === '(global)';
    if (global && a.code !== null) errors.push(`${where}: code must be null for a global finding`);
    if (!global && (typeof a.code !== 'string' || a.code.trim() === '')) {
      errors.push(`${where}: code is required (the source line the finding was reviewed on)`);
    } else if (!global && normaliseCode(a.code) !== a.code) {
      errors.push(`${where}: code must be written trimmed, with single spaces: "${normaliseCode(a.code)}"`);
    }
  });
  return errors;
}

const sameFinding = (finding, acceptance) =>
  finding.check === acceptance.check && finding.file === acceptance.file && finding.code === acceptance.code;

/**
 * Pairs findings with acceptances one to one: an acceptance covers a single finding, so the reviewed
 * line copied elsewhere in the same file is a new finding. Returns the accepted pairs, the findings
 * nobody accepted and the acceptances that match nothing any more (stale: they must be removed).
 */
export function judgeFindings(findings, accepted) {
  const unused = [...accepted];
  const pairs = [];
  const unexplained = [];
  for (const finding of findings) {
    const index = unused.findIndex((acceptance) => sameFinding(finding, acceptance));
    if (index === -1) unexplained.push(finding);
    else pairs.push({ finding, acceptance: unused.splice(index, 1)[0] });
  }
  return { accepted: pairs, unexplained, stale: unused };
}

/** The report lines, and whether the gate passes. */
export function gateReport(findings, accepted) {
  const errors = acceptanceErrors(accepted);
  const verdict = judgeFindings(findings, accepted);
  const lines = [];
  const reviewed = new Set(verdict.accepted.map((pair) => pair.finding));
  for (const f of findings) {
    const where = f.code === null ? f.file : `${f.file}:${f.line}`;
    lines.push(`  ${reviewed.has(f) ? 'accepted ' : 'NEW      '} ${f.check} ${where} — ${f.message}${f.code ? `\n             code: ${f.code}` : ''}`);
  }
  for (const a of verdict.stale) {
    lines.push(`  STALE     ${a.check} ${a.file}: accepted for "${a.code}", but no longer found; remove it from docs/electronegativity-accepted.json`);
  }
  for (const error of errors) lines.push(`  INVALID   ${error}`);
  const ok = errors.length === 0 && verdict.unexplained.length === 0 && verdict.stale.length === 0;
  return { ok, lines, ...verdict };
}
