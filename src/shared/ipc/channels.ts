/**
 * Every IPC channel's name and the intention-named `window.api` method it becomes.
 * Kept free of zod so the sandboxed preload can import it without bundling the schemas;
 * contract.ts pairs each channel with its schemas and fails to compile if one is missing.
 */
export const CHANNELS = {
  'app:status-get': 'getAppStatus',
  'app:link-open': 'openExternalLink',
  'vault:records-list': 'listVaultRecords',
} as const

export type Channel = keyof typeof CHANNELS
export type MethodName = (typeof CHANNELS)[Channel]

/** Events main sends to the renderer, and the `window.api` subscribe method for each. */
export const EVENTS = {
  'app:status-changed': 'onAppStatusChanged',
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
