/**
 * The Meta pages a preflight fix points to. Every one is on the external-link allowlist
 * (business.facebook.com, developers.facebook.com, www.facebook.com; links/external-links.ts), so
 * the renderer can open it through `app:link-open`; ids are Graph ids (digits), never free text.
 */
export const metaLinks = {
  businessApps: (id: string) =>
    `https://business.facebook.com/settings/apps?business_id=${encodeURIComponent(id)}`,
  systemUsers: (id: string) =>
    `https://business.facebook.com/settings/system-users?business_id=${encodeURIComponent(id)}`,
  people: (id: string) =>
    `https://business.facebook.com/settings/people?business_id=${encodeURIComponent(id)}`,
  securityCenter: (id: string) =>
    `https://business.facebook.com/settings/security-center?business_id=${encodeURIComponent(id)}`,
  appDashboard: (appId: string) =>
    `https://developers.facebook.com/apps/${encodeURIComponent(appId)}/dashboard/`,
  appAdvanced: (appId: string) =>
    `https://developers.facebook.com/apps/${encodeURIComponent(appId)}/settings/advanced/`,
  appPermissions: () => 'https://www.facebook.com/settings/?tab=business_tools',
}
