/**
 * The guided flow's public entry for code outside src/main (docs/architecture.md › Import boundaries)
 *: the service, which the reliability gate and the bench drive without Electron.
 */
export { createFlowService, type FlowDeps, type FlowService } from './flow-handlers'
