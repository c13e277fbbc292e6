/**
 * The links area's public entry for code outside src/main (docs/architecture.md › Import boundaries)
 *: the allow-list check, which the e2e tests hold the preview's recorded links to.
 */
export { isAllowedExternalUrl } from './external-links'
