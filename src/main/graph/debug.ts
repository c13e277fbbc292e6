import { z } from 'zod'
import type { Result } from '@shared/result'
import { registerSecret } from '../log/redact'
import type { GraphClient } from './client'
import { callParsed, mapResult, withOptions, type CallOptions } from './resource'

/**
 * `GET /debug_token` (docs/graph-api.md §5), decoded into a typed TokenInfo. The caller is the app
 * access token `{app-id}|{app-secret}`, which is itself a secret; `input_token` is the token to
 * inspect. Both would sit in a URL on a plain GET, so the client tunnels the call through a batch
 * POST (SEC-14). Note docs/graph-api.md §10.12: an app whose type is Native/Desktop has its
 * app-token calls ignored by Meta, so this fails for such apps and the preflight says why.
 */
/** Meta's token type: USER, SYSTEM_USER, APP or PAGE (seen in its samples; not an enum). */
export type TokenType = string

export interface TokenInfo {
  readonly appId: string
  readonly type?: TokenType
  readonly application?: string
  readonly isValid: boolean
  /** Unix seconds; 0 means the token never expires (Meta's SYSTEM_USER sample). */
  readonly expiresAt: number
  readonly dataAccessExpiresAt?: number
  readonly issuedAt?: number
  readonly scopes: readonly string[]
  /** Per scope, the ids it is limited to; absent when it applies to everything. */
  readonly granularScopes: readonly {
    readonly scope: string
    readonly targetIds?: readonly string[]
  }[]
  readonly userId?: string
  readonly profileId?: string
  /** Why the token is invalid (Meta's code and subcode; its message is not kept). */
  readonly problem?: { readonly code: number; readonly subcode?: number }
}

const DebugAnswer = z.object({
  data: z.object({
    app_id: z.union([z.string(), z.number()]).optional(),
    type: z.string().optional(),
    application: z.string().optional(),
    is_valid: z.boolean(),
    expires_at: z.number().int().nonnegative().optional(),
    data_access_expires_at: z.number().int().nonnegative().optional(),
    issued_at: z.number().int().nonnegative().optional(),
    scopes: z.array(z.string()).optional(),
    granular_scopes: z
      .array(
        z.object({
          scope: z.string(),
          target_ids: z.array(z.union([z.string(), z.number()])).optional(),
        }),
      )
      .optional(),
    user_id: z.union([z.string(), z.number()]).optional(),
    profile_id: z.union([z.string(), z.number()]).optional(),
    error: z
      .object({ code: z.number().int(), subcode: z.number().int().optional() })
      .loose()
      .optional(),
  }),
})

/** The app access token Meta expects as debug_token's caller. */
export const appAccessToken = (appId: string, appSecret: string): string => `${appId}|${appSecret}`

/** Inspects `inputToken` with the app's own access token. */
export async function debugToken(
  client: GraphClient,
  input: { readonly appId: string; readonly appSecret: string; readonly inputToken: string },
  options?: CallOptions,
): Promise<Result<TokenInfo>> {
  registerSecret(input.inputToken)
  const answer = await callParsed(
    client,
    {
      method: 'GET',
      path: 'debug_token',
      params: { input_token: input.inputToken },
      credentials: {
        token: appAccessToken(input.appId, input.appSecret),
        appSecret: input.appSecret,
      },
      ...withOptions(options),
    },
    DebugAnswer,
  )
  return mapResult(answer, ({ data }) => ({
    appId: String(data.app_id ?? ''),
    isValid: data.is_valid,
    expiresAt: data.expires_at ?? 0,
    scopes: data.scopes ?? [],
    granularScopes: (data.granular_scopes ?? []).map((entry) => ({
      scope: entry.scope,
      ...(entry.target_ids ? { targetIds: entry.target_ids.map(String) } : {}),
    })),
    ...(data.type !== undefined ? { type: data.type } : {}),
    ...(data.application !== undefined ? { application: data.application } : {}),
    ...(data.data_access_expires_at !== undefined
      ? { dataAccessExpiresAt: data.data_access_expires_at }
      : {}),
    ...(data.issued_at !== undefined ? { issuedAt: data.issued_at } : {}),
    ...(data.user_id !== undefined ? { userId: String(data.user_id) } : {}),
    ...(data.profile_id !== undefined ? { profileId: String(data.profile_id) } : {}),
    ...(data.error
      ? {
          problem: {
            code: data.error.code,
            ...(data.error.subcode !== undefined ? { subcode: data.error.subcode } : {}),
          },
        }
      : {}),
  }))
}
