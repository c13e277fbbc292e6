/**
 * The connect area's public entry for code outside src/main (docs/architecture.md › Import boundaries)
 *. The e2e tests read the keychain entries Connect writes, so they need their names.
 */
export { adminTokenRef, appSecretRef } from './app-credentials'
// The external-links gate opens every Meta page the app links to, to prove none is refused.
export { metaLinks } from './meta-links'
