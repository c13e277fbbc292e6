import { z } from 'zod'
import { VaultRecordSummary } from '@shared/ipc/schemas/vault'

/**
 * The encrypted vault backup's file format (SEC-20), version 1: one JSON object, written compactly
 * in a fixed key order so that the file has exactly one valid spelling — any changed byte, even
 * whitespace or a base64 character that decodes to the same bytes, is refused as tampering.
 *
 *   { format: 'sua-vault-export', version: 1,
 *     kdf: { name: 'scrypt', N, r, p, salt },
 *     cipher: { name: 'aes-256-gcm', iv, tag },
 *     data }                                  (salt, iv, tag and data in base64)
 *
 * The header (everything but `tag` and `data`) is bound to the ciphertext as AES-GCM additional
 * data, so changing a parameter is detected even where it would not change the derived key.
 */

/**
 * The name every backup file carries. It still says "export", the vault's old word for the
 * backup: it is written into users' files and bound into their AES-GCM additional data, so it
 * stays as it is, and files from earlier versions and this one read each other.
 */
export const BACKUP_FORMAT = 'sua-vault-export'
export const BACKUP_VERSION = 1

/** scrypt cost for new backups (reference: OWASP's 2^17, r 8, p 1) and what a file may ask for. */
export const SCRYPT_COST = { N: 2 ** 17, r: 8, p: 1 } as const
/**
 * Files may use any power-of-two N in this range: the floor lets a test run fast and a future
 * release raise the cost without a new version; the ceiling caps the memory (128·N·r bytes = 256 MiB)
 * a hostile file can make us spend. A lower N only weakens a file its author encrypted.
 */
export const SCRYPT_N_RANGE = { min: 2 ** 14, max: 2 ** 18 } as const

export const SALT_BYTES = 16
export const IV_BYTES = 12
export const TAG_BYTES = 16
export const KEY_BYTES = 32

/** Minimum password length, counted in characters as the admin sees them. */
export const MIN_PASSWORD_LENGTH = 12
/** A bound, not advice: keeps a pasted novel from reaching the KDF. */
export const MAX_PASSWORD_LENGTH = 1024

/** Base64 that decodes to exactly `bytes` bytes and is spelled the one canonical way. */
const canonicalBase64 = (bytes?: number) =>
  z
    .string()
    .max(64 * 1024 * 1024)
    .refine((text) => {
      const decoded = Buffer.from(text, 'base64')
      if (bytes !== undefined && decoded.length !== bytes) return false
      return decoded.toString('base64') === text
    })

const isPowerOfTwo = (value: number): boolean => value > 0 && (value & (value - 1)) === 0

export const BackupHeader = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  kdf: z.strictObject({
    name: z.literal('scrypt'),
    N: z.number().int().min(SCRYPT_N_RANGE.min).max(SCRYPT_N_RANGE.max).refine(isPowerOfTwo),
    r: z.literal(SCRYPT_COST.r),
    p: z.literal(SCRYPT_COST.p),
    salt: canonicalBase64(SALT_BYTES),
  }),
  cipher: z.strictObject({ name: z.literal('aes-256-gcm'), iv: canonicalBase64(IV_BYTES) }),
})
export type BackupHeader = z.infer<typeof BackupHeader>

export const BackupEnvelope = z.strictObject({
  format: BackupHeader.shape.format,
  version: BackupHeader.shape.version,
  kdf: BackupHeader.shape.kdf,
  cipher: BackupHeader.shape.cipher.extend({ tag: canonicalBase64(TAG_BYTES) }),
  data: canonicalBase64(),
})
export type BackupEnvelope = z.infer<typeof BackupEnvelope>

/** Enough room for a 10,000-record vault; a bound keeps a crafted file from exhausting memory. */
const MAX_RECORDS = 50_000

/** What is encrypted: the records' metadata and each record's token, by record id. */
export const BackupPayload = z
  .strictObject({
    records: z.array(VaultRecordSummary).max(MAX_RECORDS),
    secrets: z.record(z.string().min(1).max(200), z.string().min(1).max(4096)),
  })
  .superRefine((payload, context) => {
    const ids = new Set(payload.records.map((record) => record.id))
    if (ids.size !== payload.records.length) {
      context.addIssue({ code: 'custom', message: 'duplicate record id' })
    }
    for (const id of Object.keys(payload.secrets)) {
      if (!ids.has(id)) context.addIssue({ code: 'custom', message: 'secret without a record' })
    }
  })
export type BackupPayload = z.infer<typeof BackupPayload>

/** The header in its one canonical spelling: the AES-GCM additional data. */
export function headerBytes(header: BackupHeader): Buffer {
  return Buffer.from(
    JSON.stringify({
      format: header.format,
      version: header.version,
      kdf: {
        name: header.kdf.name,
        N: header.kdf.N,
        r: header.kdf.r,
        p: header.kdf.p,
        salt: header.kdf.salt,
      },
      cipher: { name: header.cipher.name, iv: header.cipher.iv },
    }),
    'utf8',
  )
}

/** The whole file in its one canonical spelling (ending in a newline, as text files do). */
export function serializeEnvelope(envelope: BackupEnvelope): string {
  const { kdf, cipher } = envelope
  return `${JSON.stringify({
    format: envelope.format,
    version: envelope.version,
    kdf: { name: kdf.name, N: kdf.N, r: kdf.r, p: kdf.p, salt: kdf.salt },
    cipher: { name: cipher.name, iv: cipher.iv, tag: cipher.tag },
    data: envelope.data,
  })}\n`
}

/** What reading the file's outer shape found. */
export type EnvelopeOutcome =
  | { readonly ok: true; readonly envelope: BackupEnvelope }
  | { readonly ok: false; readonly failure: 'not-a-backup' | 'unsupported-version' | 'damaged' }

/**
 * Parses the file's text. Never throws: the parser's own messages quote the input, so they are
 * dropped and only the kind of failure is kept.
 */
export function parseEnvelope(text: string): EnvelopeOutcome {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return { ok: false, failure: 'not-a-backup' }
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { ok: false, failure: 'not-a-backup' }
  }
  const { format, version } = parsed as { format?: unknown; version?: unknown }
  if (format !== BACKUP_FORMAT) return { ok: false, failure: 'not-a-backup' }
  if (version !== BACKUP_VERSION) return { ok: false, failure: 'unsupported-version' }
  const checked = BackupEnvelope.safeParse(parsed)
  if (!checked.success) return { ok: false, failure: 'damaged' }
  // One spelling only (the trailing newline may be dropped by an editor): see the file comment.
  const canonical = serializeEnvelope(checked.data)
  if (text !== canonical && text !== canonical.slice(0, -1))
    return { ok: false, failure: 'damaged' }
  return { ok: true, envelope: checked.data }
}
