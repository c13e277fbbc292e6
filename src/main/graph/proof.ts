import { createHmac } from 'node:crypto'

/**
 * `appsecret_proof`: hex HMAC-SHA256 of the access token, keyed by the app secret (Meta, "Securing
 * requests" and the system-user token guide; the Python SDK's session.py computes the same). It
 * proves the call comes from a holder of the app secret, so a stolen token alone cannot call
 * Graph for an app with "Require App Secret" on (SEC-15). The proof is token-derived: it is
 * registered with the redactor and never logged.
 */
export function appSecretProof(token: string, appSecret: string): string {
  return createHmac('sha256', appSecret).update(token, 'utf8').digest('hex')
}
