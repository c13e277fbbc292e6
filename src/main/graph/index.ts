/**
 * The Graph client's public entry for code outside src/main (docs/architecture.md › Import boundaries)
 *: the client and the resource calls the bench times against the simulator.
 */
export { createGraphClient, type GraphClient, type GraphCredentials } from './client'
export { installApp } from './apps'
export { listAssets } from './assets'
export { assignAsset, assignMany, listAssignedAssets, type Assignment } from './assignments'
export { debugToken } from './debug'
export { MAX_PAGE_SIZE } from './paginate'
export { createSystemUser, findSystemUserByName } from './system-users'
export { generateSystemUserToken } from './tokens'
