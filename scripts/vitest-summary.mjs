// Prints the plain closing line CI reads ("tests: N passed, N failed, N skipped") from vitest's JSON
// report, and exits 1 when anything failed, nothing ran, or vitest itself reported no success.
import { readFileSync } from 'node:fs'

const file = process.argv[2] ?? 'reports/vitest.json'
let report
try {
  report = JSON.parse(readFileSync(file, 'utf8'))
} catch (error) {
  console.log('tests: 0 passed, 1 failed, 0 skipped')
  console.error(`No test report at ${file}: ${error.message}`)
  process.exit(1)
}
const passed = report.numPassedTests ?? 0
const failed = (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0)
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed > 0 || passed === 0 || skipped > 0 || !report.success ? 1 : 0)
