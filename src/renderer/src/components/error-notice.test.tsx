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

describe('Meta’s own words in an error notice', () => {
  it('shows the title and message Meta wrote for end users beside our sentence and next step', () => {
    const { error } = err('quota-reached', 'graph.code.systemUserLimit', {
      hintKey: 'graph.hint.systemUserLimit',
      params: {
        code: 100,
        metaTitle: 'System user limit reached',
        detail: 'No more can be added.',
      },
    })
    render(<ErrorNotice error={error} />)
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent(
      'Meta’s own words: “System user limit reached: No more can be added.”',
    )
    expect(alert.textContent).not.toContain('{')
  })

  it('shows either one alone, and nothing when Meta gave neither', () => {
    const { error: titled } = err('graph-error', 'graph.code.unknown', {
      params: { code: 1, metaTitle: 'Try later' },
    })
    const { unmount } = render(<ErrorNotice error={titled} />)
    expect(screen.getByRole('alert')).toHaveTextContent('Meta’s own words: “Try later”')
    unmount()
    const { error: plain } = err('graph-error', 'graph.code.unknown', { params: { code: 1 } })
    render(<ErrorNotice error={plain} />)
    expect(screen.getByRole('alert').textContent).not.toContain('Meta’s own words')
  })
})
