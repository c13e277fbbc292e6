// npm run test:slowest: the slowest test files and tests of the last npm test, from vitest's own
// durations in reports/vitest.json, to pick what to make cheaper. Speed is never asserted in a
// test (a slow machine must not fail one); this only lists.
import { readFileSync } from 'node:fs'
import { relative } from 'node:path'

const count = Number(process.argv[2] ?? 20)
let report
try {
  report = JSON.parse(readFileSync('reports/vitest.json', 'utf8'))
} catch (error) {
  console.error(`No reports/vitest.json (${error.message}): run npm test first.`)
  process.exit(1)
}
const seconds = (ms) => `${(ms / 1000).toFixed(1).padStart(6)} s`
const files = report.testResults
  .map((file) => ({ name: relative(process.cwd(), file.name), ms: file.endTime - file.startTime }))
  .sort((a, b) => b.ms - a.ms)
const tests = report.testResults
  .flatMap((file) =>
    file.assertionResults.map((test) => ({
      name: `${relative(process.cwd(), file.name)} › ${test.fullName ?? test.title}`,
      ms: test.duration ?? 0,
    })),
  )
  .sort((a, b) => b.ms - a.ms)
const wall = Math.max(...report.testResults.map((file) => file.endTime)) - report.startTime
console.log(`Wall time of the test run: ${seconds(wall)}`)
console.log(`\nSlowest ${count} files:`)
for (const file of files.slice(0, count)) console.log(`${seconds(file.ms)}  ${file.name}`)
console.log(`\nSlowest ${count} tests:`)
for (const test of tests.slice(0, count)) console.log(`${seconds(test.ms)}  ${test.name}`)
