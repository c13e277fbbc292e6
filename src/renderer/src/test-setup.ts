import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'

// How long findBy*/waitFor wait for the screen to settle before failing. Testing Library's 1 s
// default fails on a busy machine (a lazy chunk, a long list) although nothing is wrong; a wait
// ends as soon as its condition holds, so a long limit only costs time when a test already fails.
configure({ asyncUtilTimeout: 15_000 })

// Unmount after every test so one test's DOM never satisfies another's query.
afterEach(() => {
  cleanup()
})
