#!/usr/bin/env node
// `npm test`: typecheck, unit + component tests (vitest), build, the built command line's test,
// end-to-end tests (Playwright in Chromium). Runs every stage even when one fails, then prints
// one line with the totals of all suites — `N passed, N failed` — and exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const resultsDir = 'test-results';
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };

function run(label, command, args) {
  console.log(`\n── ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  return result.status === 0;
}

function readJson(path) {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

// A stage with no per-test report (typecheck, build) counts as one test.
function countStage(ok) {
  if (ok) totals.passed += 1;
  else totals.failed += 1;
}

const typecheckOk = run('typecheck', 'npx', ['tsc', '-b']);
countStage(typecheckOk);

// The built command line's test needs the build, which comes later: it runs after it (below).
const CLI_BINARY_TEST = 'tests/unit/cli/binary.test.ts';
const vitestOk = run('unit and component tests', 'npx', ['vitest', 'run', '--exclude', CLI_BINARY_TEST, '--reporter=default', '--reporter=json', `--outputFile.json=${resultsDir}/vitest.json`]);
const vitest = readJson(`${resultsDir}/vitest.json`);
if (vitest) {
  totals.passed += vitest.numPassedTests ?? 0;
  totals.failed += vitest.numFailedTests ?? 0;
  totals.skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
}
// A crashed worker or an unhandled error fails the run even when every counted test passed.
if (!vitestOk && (!vitest || (vitest.numFailedTests ?? 0) === 0)) totals.failed += 1;

const buildOk = run('build', 'npm', ['run', 'build', '--silent']);
countStage(buildOk);

if (buildOk) {
  const cliOk = run('command line (built)', 'npx', ['vitest', 'run', CLI_BINARY_TEST, '--reporter=default', '--reporter=json', `--outputFile.json=${resultsDir}/cli-binary.json`]);
  const cli = readJson(`${resultsDir}/cli-binary.json`);
  if (cli) {
    totals.passed += cli.numPassedTests ?? 0;
    totals.failed += cli.numFailedTests ?? 0;
    totals.skipped += (cli.numPendingTests ?? 0) + (cli.numTodoTests ?? 0);
  }
  if (!cliOk && (!cli || (cli.numFailedTests ?? 0) === 0)) totals.failed += 1;

  const e2eOk = run('end-to-end tests', 'npx', ['playwright', 'test', '--config', 'tests/e2e/playwright.config.ts']);
  const e2e = readJson(`${resultsDir}/e2e.json`);
  if (e2e?.stats) {
    totals.passed += e2e.stats.expected ?? 0;
    totals.failed += (e2e.stats.unexpected ?? 0) + (e2e.stats.flaky ?? 0);
    totals.skipped += e2e.stats.skipped ?? 0;
  }
  if (!e2eOk && (!e2e?.stats || (e2e.stats.unexpected ?? 0) + (e2e.stats.flaky ?? 0) === 0)) totals.failed += 1;
} else {
  console.log('end-to-end tests skipped: the build failed');
  totals.failed += 1;
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped > 0 ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed > 0 ? 1 : 0);
