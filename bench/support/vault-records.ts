import type { VaultRecordSummary } from '@shared/ipc/schemas/vault'
import type { SecretRef, SecretStore } from '../../src/main/secrets'

/**
 * Vault metadata records for the vault scenario: deterministic (no randomness), shaped like what a
 * large agency would hold — 40 businesses, a handful of system users each, several tokens per
 * system user — and valid against the contract's VaultRecordSummary schema.
 */
const GOALS = ['Reports', 'Publishing', 'Catalog sync', 'Messaging', 'Ads'] as const
const SCOPE_SETS = [
  ['business_management', 'ads_read'],
  ['business_management', 'pages_read_engagement', 'pages_manage_posts'],
  ['business_management', 'catalog_management'],
  ['business_management', 'whatsapp_business_messaging'],
  ['business_management', 'ads_management', 'ads_read'],
] as const

export function generateVaultRecords(count: number): VaultRecordSummary[] {
  const base = Date.UTC(2026, 0, 1)
  return Array.from({ length: count }, (_, n) => {
    const business = n % 40
    const systemUser = n % 200
    const goal = n % GOALS.length
    const created = base + n * 3_600_000
    return {
      id: `rec-${String(n).padStart(6, '0')}`,
      kind: n % 50 === 0 ? 'admin-system-user' : 'system-user',
      practice: n % 10 === 0,
      businessId: String(300_000_000_000 + business),
      businessName: `Client Business ${String(business).padStart(2, '0')}`,
      systemUserId: String(400_000_000_000 + systemUser),
      systemUserName: `${GOALS[goal]} bot ${String(systemUser).padStart(3, '0')}`,
      appId: String(500_000_000_000 + (n % 7)),
      appName: `Agency App ${n % 7}`,
      scopes: [...SCOPE_SETS[goal]!],
      createdAt: new Date(created).toISOString(),
      expiresAt: n % 3 === 0 ? null : new Date(created + 60 * 86_400_000).toISOString(),
      fingerprint: String(n % 10_000).padStart(4, '0'),
      lastCheck:
        n % 4 === 0 ? null : { at: new Date(created + 86_400_000).toISOString(), outcome: 'valid' },
    }
  })
}

/** A SecretStore wrapper that counts how often the keychain is asked for a secret. */
export interface CountingSecretStore extends SecretStore {
  /** Reads of tokens and app secrets. */
  readonly reads: number
  /** Reads of the audit log's anchor (src/main/audit/anchored-audit-log.ts): no secret in it. */
  readonly anchorReads: number
  readonly statusCalls: number
}

export function countingSecretStore(inner: SecretStore): CountingSecretStore {
  let reads = 0
  let anchorReads = 0
  let statusCalls = 0
  return {
    status: () => {
      statusCalls += 1
      return inner.status()
    },
    set: (ref: SecretRef, secret: string) => inner.set(ref, secret),
    get: (ref: SecretRef) => {
      // Tokens only: the audit log's anchor (hashes and a count, no secret) is read once at start.
      if (ref.kind === 'audit-anchor') anchorReads += 1
      else reads += 1
      return inner.get(ref)
    },
    delete: (ref: SecretRef) => inner.delete(ref),
    get reads() {
      return reads
    },
    get anchorReads() {
      return anchorReads
    },
    get statusCalls() {
      return statusCalls
    },
  }
}
