// Prints the plain closing line CI reads ("tests: N passed, N failed, N skipped") from vitest's JSON
// reports, and exits 1 when anything failed, nothing ran, or vitest itself reported no success.
// It writes what it read, merged, to reports/vitest.json (npm test runs two vitest processes side by
// side, each with its own report), which the security gate reads as "the last npm test".
import { readFileSync, writeFileSync } from 'node:fs'

// `--failed-step=<command>`: a check npm test ran beside vitest (npm run deps:check) that failed;
// each counts as one failed test and is named, so the closing line never says 0 failed for it.
const STEP = '--failed-step='
const args = process.argv.slice(2)
const failedSteps = args.filter((arg) => arg.startsWith(STEP)).map((arg) => arg.slice(STEP.length))
const paths = args.filter((arg) => !arg.startsWith(STEP))
const files = paths.length > 0 ? paths : ['reports/vitest.json']
const reports = []
for (const file of files) {
  try {
    reports.push(JSON.parse(readFileSync(file, 'utf8')))
  } catch (error) {
    console.log('tests: 0 passed, 1 failed, 0 skipped')
    console.error(`No test report at ${file}: ${error.message}`)
    process.exit(1)
  }
}
const sum = (key) => reports.reduce((total, report) => total + (report[key] ?? 0), 0)
const merged = {
  ...reports[0],
  numTotalTestSuites: sum('numTotalTestSuites'),
  numPassedTestSuites: sum('numPassedTestSuites'),
  numFailedTestSuites: sum('numFailedTestSuites'),
  numPendingTestSuites: sum('numPendingTestSuites'),
  numTotalTests: sum('numTotalTests'),
  numPassedTests: sum('numPassedTests'),
  numFailedTests: sum('numFailedTests'),
  numPendingTests: sum('numPendingTests'),
  numTodoTests: sum('numTodoTests'),
  numRuntimeErrorTestSuites: sum('numRuntimeErrorTestSuites'),
  // The merged run started when its earliest part did: evidence older than that is stale.
  startTime: Math.min(...reports.map((report) => report.startTime ?? Number.POSITIVE_INFINITY)),
  success: reports.every((report) => report.success === true),
  testResults: reports.flatMap((report) => report.testResults ?? []),
}
if (files.some((file) => file !== 'reports/vitest.json')) {
  writeFileSync('reports/vitest.json', JSON.stringify(merged))
}

const passed = merged.numPassedTests
const failed = merged.numFailedTests + merged.numRuntimeErrorTestSuites + failedSteps.length
for (const step of failedSteps) console.log(`failed beside vitest: ${step} (its message is above)`)
const skipped = merged.numPendingTests + merged.numTodoTests
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed > 0 || passed === 0 || skipped > 0 || !merged.success ? 1 : 0)
