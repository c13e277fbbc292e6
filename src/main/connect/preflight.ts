import type { PreflightReport } from '@shared/ipc/schemas/connect'
import { err, ok, type AppError, type ErrorCode, type Result } from '@shared/result'
import { listAssetsOf } from '../graph/assets'
import { getBusiness, getMe } from '../graph/business'
import type { GraphClient } from '../graph/client'
import { debugToken } from '../graph/debug'
import { listSystemUsers } from '../graph/system-users'
import type { StoredConnection } from './connection-store'
import { checkAll, type PreflightFacts } from './preflight-lines'
import { checkTokenAlive, explainDebugFailure } from './token-validation'

/**
 * The preflight for the chosen business: fetches what the lines need (in parallel, all reads) and
 * hands the facts to preflight-lines.ts. Failures that say nothing about the business — Meta out
 * of reach, the token dead, throttling — end the run with that error; a read Meta refuses for
 * this business becomes a red line saying so. The token is checked afresh with debug_token: it
 * may have expired or been revoked since it was connected.
 */

/** Errors that are about reaching Meta or the token, not about the business being checked. */
const FATAL: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'network',
  'timeout',
  'cancelled',
  'rate-limited',
  'auth-expired',
  'auth-invalid',
  'graph-unavailable',
  'internal',
])

type Fact<T> = { readonly fatal: AppError } | { readonly value: T | AppError }

const fact = <T>(result: Result<T>): Fact<T> =>
  result.ok
    ? { value: result.value }
    : FATAL.has(result.error.code)
      ? { fatal: result.error }
      : { value: result.error }

export interface PreflightInput {
  readonly client: GraphClient
  readonly connection: StoredConnection
  readonly nowMs: number
  readonly signal?: AbortSignal
}

async function businessAppIds(
  client: GraphClient,
  credentials: { token: string; appSecret: string },
  businessId: string,
  signal?: AbortSignal,
): Promise<Result<string[]>> {
  const options = signal ? { signal } : undefined
  const ids: string[] = []
  // "owns or has claimed": apps the business owns, and client apps shared with it
  // (docs/graph-api.md §2.4).
  for (const relation of ['owned', 'client'] as const) {
    const listed = await listAssetsOf(
      client,
      credentials,
      { businessId, kind: 'app', relation },
      options,
    )
    if (!listed.ok) return listed
    ids.push(...listed.value.map((app) => app.id))
  }
  return ok(ids)
}

export async function runPreflight(input: PreflightInput): Promise<Result<PreflightReport>> {
  const { client, connection, nowMs, signal } = input
  const { summary, token, appSecret } = connection
  const businessId = summary.businessId
  if (!businessId) {
    return err('not-found', 'connectMain.error.noBusinessChosen', {
      hintKey: 'connectMain.hint.chooseBusiness',
    })
  }
  const options = signal ? { signal } : undefined
  const credentials = { token, appSecret }
  const [debugged, business, apps, users, unsigned] = await Promise.all([
    debugToken(client, { appId: summary.appId, appSecret, inputToken: token }, options),
    getBusiness(client, credentials, businessId, options),
    businessAppIds(client, credentials, businessId, signal),
    listSystemUsers(client, credentials, businessId, options),
    // Sent without appsecret_proof on purpose: Meta refuses it exactly when "Require App Secret"
    // is on (docs/graph-api.md §4.3), which is the only way an app can learn that setting. A
    // harmless read.
    getMe(client, { token, appSecret: null }, options),
  ])
  if (!debugged.ok) return { ok: false, error: explainDebugFailure(debugged.error) }
  const alive = checkTokenAlive(debugged.value, summary, nowMs)
  if (!alive.ok) return alive
  if (!business.ok) return business
  const appsFact = fact(apps)
  if ('fatal' in appsFact) return { ok: false, error: appsFact.fatal }
  const usersFact = fact(users)
  if ('fatal' in usersFact) return { ok: false, error: usersFact.fatal }

  const facts: PreflightFacts = {
    businessId,
    businessName: business.value.name,
    ...(business.value.twoFactorType ? { twoFactorType: business.value.twoFactorType } : {}),
    appId: summary.appId,
    ...(summary.appName ? { appName: summary.appName } : {}),
    businessAppIds: appsFact.value,
    systemUsers: 'code' in usersFact.value ? usersFact.value : usersFact.value.systemUsers,
    token: debugged.value,
    appSecretRequired: unsigned.ok
      ? false
      : unsigned.error.messageKey === 'graph.code.proofMissing'
        ? true
        : undefined,
  }
  const checked = checkAll(facts)
  const blockedReasonKeys = checked.flatMap((entry) =>
    entry.line.status === 'fail' && entry.blockedReasonKey ? [entry.blockedReasonKey] : [],
  )
  return ok({
    businessId,
    businessName: business.value.name.slice(0, 200),
    checkedAt: new Date(nowMs).toISOString(),
    lines: checked.map((entry) => entry.line),
    canAddSystemUser: checked.every((entry) => entry.line.status !== 'fail'),
    blockedReasonKeys,
  })
}
