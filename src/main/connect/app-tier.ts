/**
 * The app's Marketing API access tier, as far as the app can know it (preflight "app-tier" and
 * "system-user-quota" lines).
 */

/**
 * Marketing API access tier quotas (docs/graph-api.md §8.1): regular system users per tier, 1
 * admin.
 */
export const REGULAR_QUOTA = { limited: 1, full: 10 } as const
export type AppTier = keyof typeof REGULAR_QUOTA

/**
 * Meta exposes no field that tells an app its access tier, so the app cannot read it. It assumes
 * Limited — Meta's default, and the safe side: it never promises a slot the business lacks —
 * unless the business already has more regular system users than Limited allows, which proves
 * Full. The tier line says which of the two it is, so the admin knows what the count rests on.
 */
export interface TierKnowledge {
  readonly tier: AppTier
  readonly basis: 'assumed' | 'inferred'
}

export function knowTier(regularCount: number): TierKnowledge {
  return regularCount > REGULAR_QUOTA.limited
    ? { tier: 'full', basis: 'inferred' }
    : { tier: 'limited', basis: 'assumed' }
}
