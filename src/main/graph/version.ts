/**
 * The one Graph API version the app speaks, and when Meta will stop serving it (docs/graph-api.md
 * §8.2). Meta keeps a version about two years after the next one ships, so the exact end of v27.0
 * is not known yet; it cannot come before two years after its own release, and that earliest date
 * is what the app counts down to. A new release of the app moves all three values together.
 */
export const GRAPH_API = {
  version: 'v27.0',
  released: '2026-11-04',
  /** The earliest day Meta may retire this version. */
  retiresNotBefore: '2028-11-04',
} as const

/** How long before that day the app asks the admin to update it. */
export const VERSION_WARNING_DAYS = 90

const DAY_MS = 24 * 60 * 60 * 1000

/** Whole days left before the version may retire, when that is within the warning window; else null. */
export function daysUntilVersionRetires(
  now: number,
  retires = GRAPH_API.retiresNotBefore,
): number | null {
  const left = Math.ceil((Date.parse(`${retires}T00:00:00Z`) - now) / DAY_MS)
  return left <= VERSION_WARNING_DAYS ? Math.max(0, left) : null
}
