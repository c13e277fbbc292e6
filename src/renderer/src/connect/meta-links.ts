/**
 * The Meta pages the Connect screens send the admin to. All sit on hosts main's external-link
 * allowlist accepts (src/main/links/external-links.ts); they open in the system browser through
 * `openExternalLink`, never by navigating this window.
 */
export const META_LINKS = {
  /** App Dashboard: the app's ID and secret are under Settings › Basic. */
  appDashboard: 'https://developers.facebook.com/apps/',
  /** Graph API Explorer: where a person can make a token for their own account. */
  graphExplorer: 'https://developers.facebook.com/tools/explorer/',
  /** Meta Business Suite: where a business portfolio is created or its admins are managed. */
  businessSuite: 'https://business.facebook.com/',
} as const
