#!/usr/bin/env node
// Known vulnerabilities in the installed packages (npm audit), when the registry's audit service answers.
// Policy: a HIGH or CRITICAL advisory in a production dependency fails CI; in a development-only
// dependency (build, test, lint tools, which never run in the served register) only CRITICAL fails, the
// rest is reported. Offline, or an audit service that does not answer (a mirror without the bulk
// advisory endpoint): reported and skipped, never a failure.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

function audit(args) {
  // NPM_AUDIT_REPORT=<file>: a saved `npm audit --json` answer instead of asking (to check this policy).
  if (process.env.NPM_AUDIT_REPORT) return JSON.parse(readFileSync(process.env.NPM_AUDIT_REPORT, 'utf8'));
  let out;
  try {
    out = execFileSync('npm', ['audit', '--json', ...args], { encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (error) {
    out = error.stdout ?? '';
  }
  try {
    return JSON.parse(out);
  } catch {
    return { error: { summary: 'no answer' } };
  }
}

const SEVERITIES = ['info', 'low', 'moderate', 'high', 'critical'];
let failed = false;
for (const [scope, args, failAt] of [
  ['production dependencies', ['--omit=dev'], 'high'],
  ['all dependencies (development tools included)', [], 'critical'],
]) {
  const report = audit(args);
  const counts = report?.metadata?.vulnerabilities;
  if (report.error || !counts) {
    const why = report.message ?? report.error?.summary ?? 'no answer';
    console.log(`npm audit (${scope}): skipped, the audit service did not answer (${why.split('\n')[0]})`);
    continue;
  }
  const summary = SEVERITIES.map((s) => `${counts[s] ?? 0} ${s}`).join(', ');
  const failing = SEVERITIES.slice(SEVERITIES.indexOf(failAt)).reduce((n, s) => n + (counts[s] ?? 0), 0);
  console.log(`npm audit (${scope}): ${summary}; fails at ${failAt} or above: ${failing ? 'FAIL' : 'ok'}`);
  if (failing) {
    for (const [name, v] of Object.entries(report.vulnerabilities ?? {})) {
      if (SEVERITIES.indexOf(v.severity) >= SEVERITIES.indexOf(failAt)) console.log(`  ${v.severity}: ${name} (${v.range})`);
    }
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
