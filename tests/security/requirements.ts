import type { RequirementId } from './gate'
import { RELIABILITY_REQUIREMENTS } from './requirements-reliability'
import { SECURITY_REQUIREMENTS } from './requirements-security'

/**
 * The requirements of docs/security-requirements.md (SEC-23…25 are this project's own),
 * each with where it is met and what proves it. docs/security.md's table is generated from this
 * list plus the latest figures: a gate's figures from reports/security.json, a test's pass count
 * from reports/vitest.json. A file listed
 * here that does not exist yet is simply not shown, so the table never claims more than is there.
 */
export interface Requirement {
  readonly id: RequirementId
  readonly title: string
  /** Files that implement it. */
  readonly metIn: readonly string[]
  /** Test files that prove it (shown with their pass counts when they exist). */
  readonly tests: readonly string[]
  /** Gates that prove it, and which of their figures to show. */
  readonly gates?: readonly { readonly id: string; readonly figures: readonly string[] }[]
  /** What is not built or proved yet, and the issue it belongs to. */
  readonly pending?: string
  /** What only a release machine (a packaged, signed app on Windows/macOS/Linux desktops) can check. */
  readonly releaseMachine?: string
}

/** In table order: SEC-01…25, then REL-01…08. */
export const REQUIREMENTS: readonly Requirement[] = [
  ...SECURITY_REQUIREMENTS,
  ...RELIABILITY_REQUIREMENTS,
]
