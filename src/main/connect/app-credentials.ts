import type { AppCredentials } from '@shared/ipc/schemas/connect'
import { err, ok, type Result } from '@shared/result'
import type { SecretRef } from '../secrets/secret-store'
import { checkAppId, checkAppSecret } from './credential-shape'
import type { GraphTargets, Target } from './graph-targets'

/** The app a connection signs its calls for: main-only, since it holds the secret. */
export interface ResolvedApp {
  readonly target: Target
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
  targets: GraphTargets,
): Promise<Result<ResolvedApp>> {
  if (credentials.target === 'practice') {
    try {
      const app = await targets.practiceApp()
      return ok({ target: 'practice', ...app })
    } catch {
      return err('internal', 'connectMain.error.practiceUnavailable')
    }
  }
  const appId = checkAppId(credentials.appId)
  if (!appId.ok) return appId
  const appSecret = checkAppSecret(credentials.appSecret)
  if (!appSecret.ok) return appSecret
  return ok({ target: 'real', appId: appId.value, appSecret: appSecret.value })
}

/**
 * The keychain entries of one connection. The record id carries the target, so practice secrets
 * and real ones never share an entry, even for the same app id
 * (docs/architecture.md › Practice mode).
 */
export const connectionRecordId = (target: Target, appId: string): string => `${target}:${appId}`

export const adminTokenRef = (target: Target, appId: string): SecretRef => ({
  kind: 'admin-token',
  id: connectionRecordId(target, appId),
})

export const appSecretRef = (target: Target, appId: string): SecretRef => ({
  kind: 'app-secret',
  id: connectionRecordId(target, appId),
})
