import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { err } from '@shared/result'
import { ErrorNotice } from './error-notice'

/** How long to wait, in the unit a person thinks in, and never "1 seconds". */
const waitLine = (retryAfterMs: number): string => {
  const { error } = err('rate-limited', 'errors.internal', { retryAfterMs })
  render(<ErrorNotice error={error} />)
  return screen.getByRole('alert').textContent ?? ''
}

describe('the wait line of an error notice', () => {
  it.each([
    [400, 'Wait a moment before trying again.'],
    [1_000, 'Wait a moment before trying again.'],
    [12_500, 'Wait about 13 seconds before trying again.'],
    [119_000, 'Wait about 119 seconds before trying again.'],
    [120_000, 'Wait about 2 minutes before trying again.'],
    [3_600_000, 'Wait about 60 minutes before trying again.'],
  ])('%i ms reads "%s"', (ms, text) => {
    expect(waitLine(ms)).toContain(text)
  })
})
