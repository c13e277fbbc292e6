/**
 * Every IPC channel's name and the intention-named `window.api` method it becomes.
 * Kept free of zod so the sandboxed preload can import it without bundling the schemas;
 * contract.ts pairs each channel with its schemas and fails to compile if one is missing.
 */
export const CHANNELS = {
  'app:status-get': 'getAppStatus',
  'app:link-open': 'openExternalLink',
  'vault:records-list': 'listVaultRecords',
  'vault:record-get': 'getVaultRecord',
  'vault:state-get': 'getVaultState',
  'vault:secret-reveal': 'revealSecret',
  'vault:reveal-end': 'endReveal',
  'vault:secret-copy': 'copySecret',
  'vault:lock': 'lockVault',
  'vault:unlock': 'unlockVault',
  'vault:health-check': 'checkTokenHealth',
  'vault:health-cancel': 'cancelHealthCheck',
  'vault:refresh': 'refreshToken',
  'vault:rotation-start': 'startRotation',
  'vault:rotation-confirm': 'confirmRotation',
  'vault:revoke': 'revokeToken',
  'vault:revoke-all': 'revokeAllTokens',
  'vault:record-remove': 'removeVaultRecord',
  'vault:record-note-set': 'setVaultRecordNote',
  'vault:import': 'importToken',
  'vault:backup-create': 'createVaultBackup',
  'vault:backup-restore': 'restoreVaultBackup',
  'vault:inventory-export': 'exportInventory',
  'vault:audit-list': 'listAuditEntries',
  'vault:audit-export': 'exportAuditLog',
  'vault:reminders': 'getExpiryReminders',
  'vault:preferences-get': 'getVaultPreferences',
  'vault:preferences-set': 'setVaultPreferences',
  'connect:sign-in': 'signInWithFacebook',
  'connect:sign-in-cancel': 'cancelSignIn',
  'connect:token-paste': 'connectWithToken',
  'connect:businesses-list': 'listBusinesses',
  'connect:business-choose': 'chooseBusiness',
  'connect:preflight-run': 'runPreflight',
  'connect:disconnect': 'disconnect',
  'flow:overview-get': 'getFlowOverview',
  'flow:system-user-rename': 'renameSystemUser',
  'flow:assets-page': 'getAssetsPage',
  'flow:run-start': 'startFlowRun',
  'flow:run-continue': 'continueFlowRun',
  'flow:run-cancel': 'cancelFlowRun',
  'flow:runs-unfinished': 'listUnfinishedFlowRuns',
  'flow:run-discard': 'discardFlowRun',
} as const

export type Channel = keyof typeof CHANNELS
export type MethodName = (typeof CHANNELS)[Channel]

/** Events main sends to the renderer, and the `window.api` subscribe method for each. */
export const EVENTS = {
  'app:status-changed': 'onAppStatusChanged',
  'vault:changed': 'onVaultChanged',
  'vault:locked': 'onVaultLocked',
  'vault:reveal-ended': 'onRevealEnded',
  'vault:health-progress': 'onHealthProgress',
  'flow:run-progress': 'onFlowRunProgress',
} as const

export type EventName = keyof typeof EVENTS
export type EventMethodName = (typeof EVENTS)[EventName]

export const CHANNEL_NAMES = Object.keys(CHANNELS) as Channel[]
export const EVENT_NAMES = Object.keys(EVENTS) as EventName[]

/** The exact keys `window.api` exposes: one per channel and one per event, nothing else. */
export const API_METHOD_NAMES: readonly string[] = [
  ...Object.values(CHANNELS),
  ...Object.values(EVENTS),
]
