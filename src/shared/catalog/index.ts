/**
 * The least-privilege catalog: asset kinds, tasks, scopes, goals and the plans made from them.
 * Import from '@shared/catalog'.
 */
export * from './asset-kinds'
export * from './goals'
export * from './keys'
export * from './plan'
export * from './plan-schema'
export * from './scopes'
export * from './tasks'
