import { randomUUID } from 'node:crypto'
import { beforeEach } from 'vitest'
import { createKeychainStore } from '../../src/main/secrets'
import { describeSecretStoreContract } from '../../src/main/secrets/secret-store-contract'
import { requireKeyringSession } from './keyring-session'

beforeEach(() => {
  requireKeyringSession()
})

// beforeEach, not beforeAll: outside the session every test FAILS (a failed beforeAll would mark them skipped).
// The same contract the in-memory fake passes, against the real Secret Service. A fresh app id per
// store keeps these entries apart from anything else in the keyring.
describeSecretStoreContract('OS keychain (Secret Service)', () =>
  createKeychainStore({ appId: `sua-contract-${randomUUID()}` }),
)
