import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto'
import type { AppError, MessageParams } from '@shared/result'
import { migrateBackupPayload } from '../settings/migrations'
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupPayload,
  IV_BYTES,
  KEY_BYTES,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  SALT_BYTES,
  SCRYPT_COST,
  SCRYPT_N_RANGE,
  TAG_BYTES,
  headerBytes,
  parseEnvelope,
  serializeEnvelope,
  type BackupHeader,
} from './backup-format'

/**
 * The encrypted vault backup (SEC-20): the only file the vault writes that holds secrets, and it is
 * always password-encrypted — AES-256-GCM with a key from scrypt, a fresh salt and IV per file.
 * There is no plaintext export of secrets. Both directions answer with data, never a raw exception: crypto and JSON
 * errors can quote their input, and the input here is a vault full of tokens.
 *
 * Memory: the buffers that hold the plaintext JSON, the password and the key are zero-filled as
 * soon as they are used. JavaScript strings (the JSON text, each token in the parsed payload) cannot
 * be wiped; callers keep them in main and drop them quickly (docs/security-requirements.md §4.2
 * "Memory").
 */

/** Why a backup could not be written or read; each has its own plain-language message. */
export type BackupFailure =
  | 'password-too-short'
  | 'password-too-long'
  | 'not-a-backup'
  | 'unsupported-version'
  | 'damaged'
  | 'wrong-password-or-damaged'
  | 'failed'

/** A Result whose failures also carry the typed reason, so the UI can re-ask for the password. */
export type BackupResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly failure: BackupFailure; readonly error: AppError }

/** i18n keys of the failures (shared/i18n/messages/vault-main.ts). */
export const BACKUP_FAILURE_KEYS: Readonly<Record<BackupFailure, string>> = {
  'password-too-short': 'vaultMain.backup.passwordTooShort',
  'password-too-long': 'vaultMain.backup.passwordTooLong',
  'not-a-backup': 'vaultMain.backup.notABackup',
  'unsupported-version': 'vaultMain.backup.unsupportedVersion',
  damaged: 'vaultMain.backup.damaged',
  // AES-GCM cannot tell a wrong key from changed bytes, so neither can we: one honest message.
  'wrong-password-or-damaged': 'vaultMain.backup.wrongPassword',
  failed: 'errors.internal',
}

function fail(failure: BackupFailure): { ok: false; failure: BackupFailure; error: AppError } {
  const params: MessageParams | undefined =
    failure === 'password-too-short'
      ? { min: MIN_PASSWORD_LENGTH }
      : failure === 'password-too-long'
        ? { max: MAX_PASSWORD_LENGTH }
        : undefined
  return {
    ok: false,
    failure,
    error: {
      code: failure === 'failed' ? 'internal' : 'invalid-input',
      messageKey: BACKUP_FAILURE_KEYS[failure],
      ...(params ? { params } : {}),
    },
  }
}

/** Normalised (NFC), so the same password typed on another system derives the same key. */
function passwordProblem(password: string): BackupFailure | null {
  const length = [...password.normalize('NFC')].length
  if (length < MIN_PASSWORD_LENGTH) return 'password-too-short'
  if (length > MAX_PASSWORD_LENGTH) return 'password-too-long'
  return null
}

async function deriveKey(password: string, salt: Buffer, N: number): Promise<Buffer> {
  const secret = Buffer.from(password.normalize('NFC'), 'utf8')
  const { r, p } = SCRYPT_COST
  // scrypt needs about 128·N·r bytes; Node's default maxmem (32 MiB) is below N = 2^17's 128 MiB.
  const maxmem = 2 * 128 * N * r
  try {
    return await new Promise<Buffer>((resolve, reject) => {
      scrypt(secret, salt, KEY_BYTES, { N, r, p, maxmem }, (error, key) =>
        error ? reject(error) : resolve(key),
      )
    })
  } finally {
    secret.fill(0)
  }
}

export interface EncryptOptions {
  /** scrypt N for this file; only tests lower it (to the format's floor) to run quickly. */
  readonly scryptN?: number
}

/** Encrypts the vault's records and tokens into the backup file's text. */
export async function encryptVaultBackup(
  payload: BackupPayload,
  password: string,
  options: EncryptOptions = {},
): Promise<BackupResult<string>> {
  const problem = passwordProblem(password)
  if (problem) return fail(problem)
  const N = options.scryptN ?? SCRYPT_COST.N
  if (N < SCRYPT_N_RANGE.min || N > SCRYPT_N_RANGE.max) throw new RangeError('scryptN out of range')
  // Validate before writing: a backup that would not restore is worse than none.
  const checked = BackupPayload.safeParse(payload)
  if (!checked.success) return fail('failed')
  const plaintext = Buffer.from(JSON.stringify(checked.data), 'utf8')
  let key: Buffer | undefined
  try {
    const salt = randomBytes(SALT_BYTES)
    const iv = randomBytes(IV_BYTES)
    key = await deriveKey(password, salt, N)
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      kdf: { name: 'scrypt', N, r: SCRYPT_COST.r, p: SCRYPT_COST.p, salt: salt.toString('base64') },
      cipher: { name: 'aes-256-gcm', iv: iv.toString('base64') },
    }
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES })
    cipher.setAAD(headerBytes(header))
    const data = Buffer.concat([cipher.update(plaintext), cipher.final()])
    const tag = cipher.getAuthTag()
    return {
      ok: true,
      value: serializeEnvelope({
        ...header,
        cipher: { ...header.cipher, tag: tag.toString('base64') },
        data: data.toString('base64'),
      }),
    }
  } catch {
    return fail('failed')
  } finally {
    plaintext.fill(0)
    key?.fill(0)
  }
}

/**
 * Decrypts a backup file's text into records and tokens, validated. Every way it can fail is a
 * typed answer: not a backup, a newer version, damaged, or wrong password (or changed bytes).
 */
export async function decryptVaultBackup(
  text: string,
  password: string,
): Promise<BackupResult<BackupPayload>> {
  const parsed = parseEnvelope(text)
  if (!parsed.ok) return fail(parsed.failure)
  // No backup was ever written with a shorter password, so this one cannot be right.
  const problem = passwordProblem(password)
  if (problem) return fail(problem === 'password-too-long' ? problem : 'wrong-password-or-damaged')
  const { envelope } = parsed
  let key: Buffer | undefined
  const plaintextParts: Buffer[] = []
  try {
    key = await deriveKey(password, Buffer.from(envelope.kdf.salt, 'base64'), envelope.kdf.N)
    const decipher = createDecipheriv(
      'aes-256-gcm',
      key,
      Buffer.from(envelope.cipher.iv, 'base64'),
      { authTagLength: TAG_BYTES },
    )
    decipher.setAAD(headerBytes(envelope))
    decipher.setAuthTag(Buffer.from(envelope.cipher.tag, 'base64'))
    // GCM hands out bytes before it has checked the tag; none is looked at until final() passes.
    plaintextParts.push(decipher.update(Buffer.from(envelope.data, 'base64')))
    try {
      plaintextParts.push(decipher.final())
    } catch {
      return fail('wrong-password-or-damaged')
    }
    return readPayload(plaintextParts)
  } catch {
    return fail('failed')
  } finally {
    key?.fill(0)
    for (const part of plaintextParts) part.fill(0)
  }
}

function readPayload(parts: readonly Buffer[]): BackupResult<BackupPayload> {
  const whole = parts.length === 1 || parts[1]?.length === 0 ? parts[0] : Buffer.concat(parts)
  let json: unknown
  try {
    json = JSON.parse(whole?.toString('utf8') ?? '')
  } catch {
    return fail('damaged')
  } finally {
    if (whole && !parts.includes(whole)) whole.fill(0)
  }
  // Authenticated but not what we write: a bug or a file made by something else with the password.
  // A backup an older version wrote is read in today's shape first (settings/migrations.ts).
  const checked = BackupPayload.safeParse(migrateBackupPayload(json))
  return checked.success ? { ok: true, value: checked.data } : fail('damaged')
}
