import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'

/** What one axe scan found: serious and critical violations as readable lines, and the passes. */
export interface AxeOutcome {
  readonly problems: string[]
  /** Rules that passed; a scan that checked nothing would also report no violations. */
  readonly passes: number
}

/** Scans the page as it is now (WCAG 2.x rules axe ships with). */
export async function scanWithAxe(page: Page): Promise<AxeOutcome> {
  const results = await new AxeBuilder({ page }).analyze()
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
