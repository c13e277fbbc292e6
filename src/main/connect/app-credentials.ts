import type { AppCredentials } from '@shared/ipc/schemas/connect'
import type { AppMode } from '@shared/ipc/schemas/mode'
import { err, ok, type Result } from '@shared/result'
import type { SecretRef } from '../secrets/secret-store'
import { checkAppId, checkAppSecret } from './credential-shape'
import type { ModeEndpoints } from './mode-endpoints'

/** The app a connection signs its calls for: main-only, since it holds the secret. */
export interface ResolvedApp {
  readonly mode: AppMode
  readonly appId: string
  readonly appSecret: string
  /** Known up front for the practice app; a real app's name comes from debug_token. */
  readonly appName?: string
}

/**
 * Turns the renderer's AppCredentials into the app to use: practice → the simulator's sample app
 * (its secret never crossed IPC); real → the admin's app id and secret, shape-checked.
 */
export async function resolveApp(
  credentials: AppCredentials,
  endpoints: ModeEndpoints,
): Promise<Result<ResolvedApp>> {
  if (credentials.mode === 'practice') {
    try {
      const app = await endpoints.practiceApp()
      return ok({ mode: 'practice', ...app })
    } catch {
      return err('internal', 'connectMain.error.practiceUnavailable')
    }
  }
  const appId = checkAppId(credentials.appId)
  if (!appId.ok) return appId
  const appSecret = checkAppSecret(credentials.appSecret)
  if (!appSecret.ok) return appSecret
  return ok({ mode: 'real', appId: appId.value, appSecret: appSecret.value })
}

/**
 * The keychain entries of one connection. The record id carries the mode, so practice secrets
 * and real ones never share an entry, even for the same app id
 * (docs/architecture.md › Practice mode). The ids read `practice:<appId>` and `real:<appId>`, as
 * they did when the field was called `target`: entries kept by an older version still match.
 */
export const connectionRecordId = (mode: AppMode, appId: string): string => `${mode}:${appId}`

export const adminTokenRef = (mode: AppMode, appId: string): SecretRef => ({
  kind: 'admin-token',
  id: connectionRecordId(mode, appId),
})

export const appSecretRef = (mode: AppMode, appId: string): SecretRef => ({
  kind: 'app-secret',
  id: connectionRecordId(mode, appId),
})
