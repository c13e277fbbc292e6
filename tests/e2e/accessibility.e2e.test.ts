import { AxeBuilder } from '@axe-core/playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPreviewSession, waitForHome, type PreviewSession } from '../support/e2e/preview-session'

let session: PreviewSession

beforeAll(async () => {
  session = await openPreviewSession()
})
afterAll(async () => {
  await session?.close()
})

/** Scans the current page; returns serious and critical violations as readable lines. */
async function seriousViolations(): Promise<{ problems: string[]; passes: number }> {
  const results = await new AxeBuilder({ page: session.page }).analyze()
  const problems = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes
          .map((node) => node.target.join(' '))
          .join(', ')}`,
    )
  return { problems, passes: results.passes.length }
}

async function openHome(name: string): Promise<void> {
  const nav = session.page.getByRole('navigation', { name: 'Main' })
  await nav
    .getByRole('link', { name, exact: true })
    .or(nav.getByRole('button', { name, exact: true }))
    .click()
  await waitForHome(session.page, name)
}

describe('accessibility (axe)', () => {
  it.each(['Set up a system user', 'Token vault'])(
    'finds no serious or critical violation on "%s"',
    async (home) => {
      await openHome(home)
      const { problems, passes } = await seriousViolations()
      expect(problems).toEqual([])
      // A scan that checked nothing would also report no violations.
      expect(passes).toBeGreaterThan(10)
    },
  )
})
