import type { CheckOutcome, LastCheck, VaultRecordSummary } from '@shared/ipc/schemas/vault'
import type { AppError, Result } from '@shared/result'
import type { AdminSession } from '../admin-session'
import { debugToken, type TokenInfo } from '../graph/debug'
import type { CallOptions } from '../graph/resource'

/**
 * Health: asking Meta about a token with `debug_token` (docs/graph-api.md §5), called with the app
 * access token `{app-id}|{app-secret}` — the app secret comes from the connected session, which
 * Connect read from the keychain. The answer is decoded into the plain outcomes the vault shows:
 * valid, expired on a date, revoked, otherwise invalid, valid with other permissions than recorded,
 * or issued for another app; `unknown` when Meta could not be asked.
 */

/**
 * Meta's 190 subcodes for a token that was invalidated (docs/graph-api.md §6: 460 session
 * invalidated, 467 invalid access token — what a revoked token answers). 458 (app not installed)
 * and the rest are "invalid" without the stronger word.
 */
const REVOKED_SUBCODES = new Set([460, 467])
const EXPIRED_SUBCODE = 463

const isoOf = (unixSeconds: number): string => new Date(unixSeconds * 1000).toISOString()

/** What a check found, as stored on the record. */
export type CheckFinding = Omit<LastCheck, 'at'>

/** Decodes debug_token's answer about `record`'s token at `now` (ms). Pure. */
export function decodeTokenInfo(
  info: TokenInfo,
  record: Pick<VaultRecordSummary, 'appId' | 'scopes'>,
  now: number,
): CheckFinding {
  if (info.appId !== '' && info.appId !== record.appId) return { outcome: 'wrong-app' }
  const expiresAt = info.expiresAt === 0 ? null : isoOf(info.expiresAt)
  if (!info.isValid) {
    const subcode = info.problem?.subcode
    const pastExpiry = info.expiresAt !== 0 && info.expiresAt * 1000 <= now
    if (subcode === EXPIRED_SUBCODE || (subcode === undefined && pastExpiry)) {
      return { outcome: 'expired', expiresAt }
    }
    if (subcode !== undefined && REVOKED_SUBCODES.has(subcode)) return { outcome: 'revoked' }
    return { outcome: 'invalid' }
  }
  const recorded = new Set(record.scopes)
  const actual = new Set(info.scopes)
  const scopesAdded = [...actual].filter((scope) => !recorded.has(scope)).sort()
  const scopesRemoved = [...recorded].filter((scope) => !actual.has(scope)).sort()
  if (scopesAdded.length > 0 || scopesRemoved.length > 0) {
    return { outcome: 'scopes-changed', expiresAt, scopesAdded, scopesRemoved }
  }
  return { outcome: 'valid', expiresAt }
}

/**
 * What a failed debug_token call means for the token. Meta answers "(#100) The App_id in the
 * input_token did not match the Viewing App" when the token belongs to another app: that is a
 * finding about the token. Anything else (network, throttling, Meta down) says nothing about it.
 */
export function decodeCheckError(error: AppError): CheckOutcome {
  return error.code === 'graph-invalid-request' && error.graphCode === 100 ? 'wrong-app' : 'unknown'
}

/** Runs debug_token for one token and decodes the answer; never fails (unknown instead). */
export async function inspectToken(
  session: AdminSession,
  record: Pick<VaultRecordSummary, 'appId' | 'scopes'>,
  token: string,
  now: () => number,
  options?: CallOptions,
): Promise<{ finding: CheckFinding; info?: TokenInfo; error?: AppError }> {
  const answer: Result<TokenInfo> = await debugToken(
    session.client,
    { appId: session.appId, appSecret: session.credentials.appSecret, inputToken: token },
    options,
  )
  if (!answer.ok)
    return { finding: { outcome: decodeCheckError(answer.error) }, error: answer.error }
  return { finding: decodeTokenInfo(answer.value, record, now()), info: answer.value }
}

/**
 * The record after a check: the finding and its time, and — when Meta gave the token's expiry
 * and the token is ours — that expiry, which is the truth the list then shows.
 */
export function applyFinding(
  record: VaultRecordSummary,
  finding: CheckFinding,
  at: number,
): Partial<VaultRecordSummary> {
  const lastCheck: LastCheck = { at: new Date(at).toISOString(), ...finding }
  const trusted = finding.outcome === 'valid' || finding.outcome === 'scopes-changed'
  return trusted && finding.expiresAt !== undefined && finding.expiresAt !== record.expiresAt
    ? { lastCheck, expiresAt: finding.expiresAt }
    : { lastCheck }
}
