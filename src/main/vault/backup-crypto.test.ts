import * as realCrypto from 'node:crypto'
import fc from 'fast-check'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { en } from '@shared/i18n/en'
import type { VaultRecordSummary } from '@shared/ipc/schemas/vault'
import {
  makeCanaryAppSecret,
  makeCanaryToken,
  scanForCanaries,
} from '../../../tests/fixtures/canaries'
import { BACKUP_FAILURE_KEYS, decryptVaultBackup, encryptVaultBackup } from './backup-crypto'
import {
  SCRYPT_COST,
  SCRYPT_N_RANGE,
  headerBytes,
  parseEnvelope,
  serializeEnvelope,
  type BackupPayload,
} from './backup-format'

/**
 * node:crypto, watched: every buffer handed to the cipher, every buffer the decipher hands back,
 * every derived key and password buffer is kept, so the tests can check they were zero-filled.
 * scrypt is memoised (it is a pure function; the module still gets a fresh copy of the key each
 * time), so trying every byte position of a file costs one real derivation per distinct salt.
 */
const watched = vi.hoisted(() => ({
  plaintextIn: [] as Buffer[],
  plaintextOut: [] as Buffer[],
  keys: [] as Buffer[],
  passwords: [] as Buffer[],
  derivations: 0,
}))

vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>()
  const memo = new Map<string, Buffer>()
  const scrypt = (
    password: Buffer,
    salt: Buffer,
    length: number,
    options: realCrypto.ScryptOptions,
    done: (error: Error | null, key: Buffer) => void,
  ) => {
    watched.passwords.push(password)
    const id = `${password.toString('hex')}/${salt.toString('hex')}/${length}/${options.N}`
    const hand = (key: Buffer) => {
      const copy = Buffer.from(key)
      watched.keys.push(copy)
      done(null, copy)
    }
    const known = memo.get(id)
    if (known) return void hand(known)
    watched.derivations += 1
    real.scrypt(password, salt, length, options, (error, key) => {
      if (error) return done(error, Buffer.alloc(0))
      memo.set(id, Buffer.from(key))
      hand(key)
    })
  }
  const createCipheriv = (...args: Parameters<typeof real.createCipheriv>) => {
    const cipher = real.createCipheriv(...args)
    const update = cipher.update.bind(cipher) as (data: Buffer) => Buffer
    Object.assign(cipher, {
      update: (data: Buffer) => {
        watched.plaintextIn.push(data)
        return update(data)
      },
    })
    return cipher
  }
  const createDecipheriv = (...args: Parameters<typeof real.createDecipheriv>) => {
    const decipher = real.createDecipheriv(...args)
    const update = decipher.update.bind(decipher) as (data: Buffer) => Buffer
    const final = decipher.final.bind(decipher) as () => Buffer
    Object.assign(decipher, {
      update: (data: Buffer) => {
        const out = update(data)
        watched.plaintextOut.push(out)
        return out
      },
      final: () => {
        const out = final()
        watched.plaintextOut.push(out)
        return out
      },
    })
    return decipher
  }
  return { ...real, scrypt, createCipheriv, createDecipheriv }
})

const FAST = { scryptN: SCRYPT_N_RANGE.min }
const PASSWORD = 'correct horse battery staple'

const tokens = [makeCanaryToken(11), makeCanaryToken(12), makeCanaryToken(13)]
const appSecret = makeCanaryAppSecret(14)

function summary(id: string, index: number): VaultRecordSummary {
  return {
    id,
    kind: index === 0 ? 'admin-system-user' : 'system-user',
    practice: false,
    businessId: '1234567890',
    businessName: 'Ada’s Bakery',
    systemUserId: `6100000000${index}`,
    systemUserName: `Reports reader ${index}`,
    appId: '987654321',
    appName: 'Bakery reports',
    scopes: ['ads_read', 'business_management'],
    createdAt: '2026-01-02T03:04:05.000Z',
    expiresAt: index === 2 ? null : '2026-03-03T03:04:05.000Z',
    fingerprint: tokens[index]?.slice(-4) ?? '',
    lastCheck: null,
  }
}

const payload: BackupPayload = {
  records: tokens.map((_, index) => summary(`rec-${index}`, index)),
  secrets: Object.fromEntries(tokens.map((token, index) => [`rec-${index}`, token])),
}

async function encrypted(password = PASSWORD): Promise<string> {
  const result = await encryptVaultBackup(payload, password, FAST)
  if (!result.ok) throw new Error(`encrypt failed: ${result.failure}`)
  return result.value
}

const isZero = (buffer: Buffer) => buffer.every((byte) => byte === 0)

/**
 * A backup sealed by hand around any plaintext: a real envelope, header and key, so a test can
 * give the decrypter contents the app itself would never write (or an older version wrote).
 */
function sealPlaintext(plaintext: string): string {
  const salt = realCrypto.randomBytes(16)
  const iv = realCrypto.randomBytes(12)
  const header = {
    format: 'sua-vault-export' as const,
    version: 1 as const,
    kdf: {
      name: 'scrypt' as const,
      N: SCRYPT_N_RANGE.min,
      r: 8 as const,
      p: 1 as const,
      salt: salt.toString('base64'),
    },
    cipher: { name: 'aes-256-gcm' as const, iv: iv.toString('base64') },
  }
  const key = realCrypto.scryptSync(PASSWORD, salt, 32, { N: SCRYPT_N_RANGE.min })
  const cipher = realCrypto.createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(headerBytes(header))
  const data = Buffer.concat([cipher.update(Buffer.from(plaintext, 'utf8')), cipher.final()])
  return serializeEnvelope({
    ...header,
    cipher: { ...header.cipher, tag: cipher.getAuthTag().toString('base64') },
    data: data.toString('base64'),
  })
}

describe('the encrypted vault backup', () => {
  beforeEach(() => {
    watched.plaintextIn.length = 0
    watched.plaintextOut.length = 0
    watched.keys.length = 0
    watched.passwords.length = 0
  })

  it('round-trips at the production cost (scrypt N = 2^17, r 8, p 1)', async () => {
    const result = await encryptVaultBackup(payload, PASSWORD)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const file = parseEnvelope(result.value)
    expect(file.ok && file.envelope.kdf).toMatchObject({ name: 'scrypt', ...SCRYPT_COST })
    expect(await decryptVaultBackup(result.value, PASSWORD)).toEqual({ ok: true, value: payload })
  })

  it('writes the documented envelope, with a fresh salt and IV every time', async () => {
    const [first, second] = [await encrypted(), await encrypted()]
    const a = parseEnvelope(first)
    const b = parseEnvelope(second)
    if (!a.ok || !b.ok) throw new Error('envelope did not parse')
    expect(Object.keys(a.envelope)).toEqual(['format', 'version', 'kdf', 'cipher', 'data'])
    expect(a.envelope).toMatchObject({
      format: 'sua-vault-export',
      version: 1,
      kdf: { name: 'scrypt', N: SCRYPT_N_RANGE.min, r: 8, p: 1 },
      cipher: { name: 'aes-256-gcm' },
    })
    expect(Buffer.from(a.envelope.kdf.salt, 'base64')).toHaveLength(16)
    expect(Buffer.from(a.envelope.cipher.iv, 'base64')).toHaveLength(12)
    expect(a.envelope.kdf.salt).not.toBe(b.envelope.kdf.salt)
    expect(a.envelope.cipher.iv).not.toBe(b.envelope.cipher.iv)
    expect(await decryptVaultBackup(second, PASSWORD)).toEqual({ ok: true, value: payload })
  })

  it('holds no canary in any of 4 encodings (and the scan does see them in the plaintext)', async () => {
    const canaries = [...tokens, appSecret]
    const withSecret = { ...payload, secrets: { ...payload.secrets, 'rec-0': appSecret } }
    const result = await encryptVaultBackup(withSecret, PASSWORD, FAST)
    if (!result.ok) throw new Error('encrypt failed')
    expect(scanForCanaries(result.value, canaries)).toEqual([])
    expect(scanForCanaries(Buffer.from(result.value, 'utf8'), canaries)).toEqual([])
    expect(scanForCanaries(JSON.stringify(withSecret), canaries).length).toBeGreaterThan(0)
  })

  it('binds the header as additional data: without it the tag does not verify', async () => {
    const file = parseEnvelope(await encrypted())
    if (!file.ok) throw new Error('envelope did not parse')
    const { envelope } = file
    const key = realCrypto.scryptSync(PASSWORD, Buffer.from(envelope.kdf.salt, 'base64'), 32, {
      N: envelope.kdf.N,
    })
    const open = (aad: Buffer | null) => {
      const decipher = realCrypto.createDecipheriv(
        'aes-256-gcm',
        key,
        Buffer.from(envelope.cipher.iv, 'base64'),
      )
      if (aad) decipher.setAAD(aad)
      decipher.setAuthTag(Buffer.from(envelope.cipher.tag, 'base64'))
      decipher.update(Buffer.from(envelope.data, 'base64'))
      decipher.final()
    }
    expect(() => open(headerBytes(envelope))).not.toThrow()
    expect(() => open(null)).toThrow()
    expect(() => open(headerBytes({ ...envelope, kdf: { ...envelope.kdf, N: 2 ** 15 } }))).toThrow()
  })

  it('refuses a wrong password in every case, with the plain message', async () => {
    const file = await encrypted()
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 12, maxLength: 40 }).filter((guess) => guess !== PASSWORD),
        async (guess) => {
          const result = await decryptVaultBackup(file, guess)
          expect(result).toMatchObject({
            ok: false,
            failure: 'wrong-password-or-damaged',
            error: { code: 'invalid-input', messageKey: 'vaultMain.backup.wrongPassword' },
          })
        },
      ),
      { numRuns: 25 },
    )
    expect(await decryptVaultBackup(file, 'short')).toMatchObject({
      failure: 'wrong-password-or-damaged',
    })
  })

  it('detects a change to any single byte of the file (every position, 3 masks)', async () => {
    const file = Buffer.from(await encrypted(), 'utf8')
    const accepted: string[] = []
    for (let position = 0; position < file.length; position += 1) {
      // Low bit, case/space bit, high bit; and every value for the final newline, which a
      // whitespace-tolerant reader would accept as a space, tab or carriage return.
      const masks =
        position === file.length - 1
          ? Array.from({ length: 255 }, (_, index) => index + 1)
          : [0x01, 0x20, 0x80]
      for (const mask of masks) {
        const copy = Buffer.from(file)
        copy[position] = (copy[position] ?? 0) ^ mask
        const result = await decryptVaultBackup(copy.toString('utf8'), PASSWORD)
        if (result.ok) accepted.push(`${position}^${mask}`)
      }
    }
    expect(accepted).toEqual([])
  }, 120_000)

  it('detects any flipped byte value at any position (property)', async () => {
    const file = Buffer.from(await encrypted(), 'utf8')
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: file.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        async (position, mask) => {
          const copy = Buffer.from(file)
          copy[position] = (copy[position] ?? 0) ^ mask
          const result = await decryptVaultBackup(copy.toString('utf8'), PASSWORD)
          expect(result.ok).toBe(false)
        },
      ),
      { numRuns: 500 },
    )
  }, 120_000)

  it('says which of its failures it is: not a backup, newer version, damaged', async () => {
    const file = await encrypted()
    const envelope = JSON.parse(file) as Record<string, unknown>
    const cases: [string, string][] = [
      ['{not json', 'not-a-backup'],
      ['[]', 'not-a-backup'],
      ['{"format":"something-else","version":1}', 'not-a-backup'],
      [JSON.stringify({ ...envelope, version: 2 }), 'unsupported-version'],
      [JSON.stringify({ ...envelope, extra: true }), 'damaged'],
      [JSON.stringify({ ...envelope, kdf: { name: 'scrypt' } }), 'damaged'],
      [JSON.stringify(envelope, null, 2), 'damaged'],
    ]
    for (const [text, failure] of cases) {
      const result = await decryptVaultBackup(text, PASSWORD)
      expect(result).toMatchObject({
        ok: false,
        failure,
        error: { messageKey: BACKUP_FAILURE_KEYS[failure as keyof typeof BACKUP_FAILURE_KEYS] },
      })
    }
    // The trailing newline an editor might strip is the one allowed difference.
    expect((await decryptVaultBackup(file.trimEnd(), PASSWORD)).ok).toBe(true)
  })

  it('never throws, whatever text it is given', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((value) => JSON.stringify(value)),
        ),
        async (text) => {
          expect((await decryptVaultBackup(text, PASSWORD)).ok).toBe(false)
        },
      ),
      { numRuns: 500 },
    )
  })

  it('refuses, after decrypting, contents that are not a valid vault payload', async () => {
    const orphan = { records: [], secrets: { ghost: tokens[0] } }
    for (const plaintext of ['not json', '{"records":"x"}', JSON.stringify(orphan)]) {
      expect(await decryptVaultBackup(sealPlaintext(plaintext), PASSWORD)).toMatchObject({
        failure: 'damaged',
      })
    }
    expect(await decryptVaultBackup(sealPlaintext(JSON.stringify(payload)), PASSWORD)).toEqual({
      ok: true,
      value: payload,
    })
  })

  it('restores a backup an older version wrote, its lower-case roles read in upper case', async () => {
    const roles = ['admin', 'employee', undefined] as const
    const written = {
      ...payload,
      records: payload.records.map((record, index) => ({
        ...record,
        ...(roles[index] ? { systemUserRole: roles[index] } : {}),
      })),
    }
    const file = sealPlaintext(JSON.stringify(written))

    expect(await decryptVaultBackup(file, PASSWORD)).toEqual({
      ok: true,
      value: {
        secrets: payload.secrets,
        records: payload.records.map((record, index) => ({
          ...record,
          ...(roles[index] ? { systemUserRole: roles[index].toUpperCase() } : {}),
        })),
      },
    })
  })

  it('asks for a password of at least 12 characters, in plain words', async () => {
    expect(await encryptVaultBackup(payload, 'elevenchars', FAST)).toEqual({
      ok: false,
      failure: 'password-too-short',
      error: {
        code: 'invalid-input',
        messageKey: 'vaultMain.backup.passwordTooShort',
        params: { min: 12 },
      },
    })
    // Characters as the admin sees them: 12 emoji are 12 characters, not 24 UTF-16 units.
    expect((await encryptVaultBackup(payload, '🔑'.repeat(12), FAST)).ok).toBe(true)
    expect((await encryptVaultBackup(payload, '🔑'.repeat(11), FAST)).ok).toBe(false)
    expect(await encryptVaultBackup(payload, 'x'.repeat(1025), FAST)).toMatchObject({
      failure: 'password-too-long',
    })
  })

  it('zero-fills the plaintext, password and key buffers once done', async () => {
    const file = await encrypted()
    expect(await decryptVaultBackup(file, PASSWORD)).toMatchObject({ ok: true })
    expect(watched.plaintextIn.length).toBeGreaterThan(0)
    expect(watched.plaintextOut.length).toBeGreaterThan(0)
    expect(watched.keys).toHaveLength(2)
    expect(watched.passwords).toHaveLength(2)
    const buffers = [
      ...watched.plaintextIn,
      ...watched.plaintextOut,
      ...watched.keys,
      ...watched.passwords,
    ]
    expect(buffers.filter((buffer) => !isZero(buffer))).toEqual([])
  })

  it('has a plain-language message for every failure', () => {
    expect(Object.values(BACKUP_FAILURE_KEYS).filter((key) => !(key in en))).toEqual([])
  })
})
