import { createHmac, timingSafeEqual } from 'node:crypto'
import { graphErrors } from './errors'
import { param, type Params } from './params'

/** A timestamped proof is valid for 5 minutes (docs/graph-api.md §4.3, Login Security). */
export const PROOF_WINDOW_S = 300

/**
 * Legacy form: hex(HMAC-SHA256(key = app secret, message = access token)) (docs/graph-api.md §4.3).
 */
export function computeProof(secret: string, token: string): string {
  return createHmac('sha256', secret).update(token).digest('hex')
}

/**
 * Current form: the same HMAC over `token|unix_time`, sent with `appsecret_time`
 * (docs/graph-api.md §4.3).
 */
export function computeTimedProof(secret: string, token: string, unixTime: number): string {
  return createHmac('sha256', secret).update(`${token}|${unixTime}`).digest('hex')
}

function sameHex(a: string, b: string): boolean {
  const left = Buffer.from(a.toLowerCase(), 'utf8')
  const right = Buffer.from(b, 'utf8')
  return left.length === right.length && timingSafeEqual(left, right)
}

/**
 * Checks `appsecret_proof` (and `appsecret_time` when present) against the secret of the app
 * that issued the calling token. Throws Meta's code-100 errors: missing when required, invalid
 * when present but wrong — a wrong proof is rejected even where none is required.
 */
export function verifyProof(
  params: Params,
  token: string,
  secret: string,
  nowMs: number,
  required: boolean,
): void {
  const proof = param(params, 'appsecret_proof')
  if (proof === undefined) {
    if (required) throw graphErrors.proofMissing()
    return
  }
  const timeText = param(params, 'appsecret_time')
  if (timeText === undefined) {
    if (!sameHex(proof, computeProof(secret, token))) throw graphErrors.proofInvalid()
    return
  }
  const time = Number(timeText)
  const nowS = Math.floor(nowMs / 1000)
  if (!/^\d+$/.test(timeText) || Math.abs(nowS - time) > PROOF_WINDOW_S) {
    throw graphErrors.proofInvalid()
  }
  if (!sameHex(proof, computeTimedProof(secret, token, time))) throw graphErrors.proofInvalid()
}
