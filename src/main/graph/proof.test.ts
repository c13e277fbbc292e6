import { createHash, createHmac } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { appSecretProof } from './proof'

/**
 * HMAC-SHA256 built by hand from RFC 2104 on top of the bare SHA-256, so the property below checks
 * the proof against an independent construction, not against the very call it makes.
 */
function referenceHmac(key: Buffer, message: Buffer): string {
  const block = 64
  const shortKey = key.length > block ? createHash('sha256').update(key).digest() : key
  const padded = Buffer.concat([shortKey, Buffer.alloc(block - shortKey.length)])
  const inner = Buffer.from(padded.map((byte) => byte ^ 0x36))
  const outer = Buffer.from(padded.map((byte) => byte ^ 0x5c))
  const innerHash = createHash('sha256')
    .update(Buffer.concat([inner, message]))
    .digest()
  return createHash('sha256')
    .update(Buffer.concat([outer, innerHash]))
    .digest('hex')
}

describe('appsecret_proof (SEC-15)', () => {
  it('matches RFC 4231 test case 2', () => {
    expect(appSecretProof('what do ya want for nothing?', 'Jefe')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    )
  })

  it('matches an independent HMAC-SHA256 and node:crypto on random token/secret pairs (5,000 cases)', () => {
    const base62 = fc.constantFrom(
      ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
    )
    const token = fc.oneof(
      fc.string({ unit: base62, minLength: 20, maxLength: 250 }).map((rest) => `EAAG${rest}`),
      fc.string({ unit: 'grapheme', maxLength: 300 }),
    )
    const secret = fc.oneof(
      fc
        .uint8Array({ minLength: 16, maxLength: 16 })
        .map((bytes) => Buffer.from(bytes).toString('hex')),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 100 }),
    )
    fc.assert(
      fc.property(token, secret, (tokenValue, secretValue) => {
        const proof = appSecretProof(tokenValue, secretValue)
        expect(proof).toMatch(/^[0-9a-f]{64}$/)
        expect(proof).toBe(
          referenceHmac(Buffer.from(secretValue, 'utf8'), Buffer.from(tokenValue, 'utf8')),
        )
        expect(proof).toBe(createHmac('sha256', secretValue).update(tokenValue).digest('hex'))
      }),
      { numRuns: 5000 },
    )
  })

  it('changes when the token or the secret changes', () => {
    expect(appSecretProof('EAAGa', 's1')).not.toBe(appSecretProof('EAAGb', 's1'))
    expect(appSecretProof('EAAGa', 's1')).not.toBe(appSecretProof('EAAGa', 's2'))
  })
})
