import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'

// Unmount after every test so one test's DOM never satisfies another's query.
afterEach(() => {
  cleanup()
})
