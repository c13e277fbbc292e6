import { z } from 'zod'
import { AUDIT_ACTION_NAMES, AUDIT_OUTCOME_NAMES } from '@shared/ipc/schemas/vault-views'
import { redactText } from '../log/redact'

/**
 * What an audit entry may say, and the guard every entry passes before it is written. The log
 * records the admin's own actions (docs/user-research.md §4: "never the secret"), so the
 * fields are a closed action, an outcome, three ids and an i18n key — no free text. Even so, an id
 * could be filled with the wrong variable by mistake; the guard then writes a marker instead of the
 * entry, so the log shows that something happened without ever holding a token.
 */

/** One list for main and the renderer's filter: the contract owns it (src/shared/ipc/schemas). */
export const AUDIT_ACTIONS = AUDIT_ACTION_NAMES
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

export const AUDIT_OUTCOMES = AUDIT_OUTCOME_NAMES
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number]

/** i18n keys of an action's and an outcome's label, for the log view. */
export const auditActionKey = (action: AuditAction): string => `vaultMain.audit.action.${action}`
export const auditOutcomeKey = (outcome: AuditOutcome): string =>
  `vaultMain.audit.outcome.${outcome}`

/** What a caller hands to `append`. Any other property is ignored, never written. */
export interface AuditInput {
  readonly action: AuditAction
  readonly outcome: AuditOutcome
  readonly recordId?: string
  readonly businessId?: string
  readonly systemUserId?: string
  /** i18n key with more detail, e.g. why it failed. */
  readonly detailKey?: string
}

/** One line of the log, as stored. `prev` chains it to the line before (audit-chain.ts). */
export interface AuditEntry {
  readonly at: string
  readonly action: AuditAction
  readonly recordId?: string
  readonly businessId?: string
  readonly systemUserId?: string
  readonly outcome: AuditOutcome
  readonly detailKey?: string
  /** Present on a marker written in place of an entry the guard refused. */
  readonly redacted?: true
  readonly prev: string
}

/** The detail key of a marker entry. */
export const REDACTED_DETAIL_KEY = 'vaultMain.audit.entryRedacted'

const MAX_FIELD_LENGTH = 200
const I18N_KEY = /^[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9-]+)*$/
// eslint-disable-next-line no-control-regex -- control characters are exactly what it looks for
const CONTROL = /[\u0000-\u001f\u007f]/

/** A field is safe when it is short, plain, and the redactor finds nothing in it to mask. */
function isSafeText(value: string): boolean {
  return value.length <= MAX_FIELD_LENGTH && !CONTROL.test(value) && redactText(value) === value
}

const ID_FIELDS = ['recordId', 'businessId', 'systemUserId'] as const

/**
 * Builds the entry to write (without `prev`), or a marker when a field is not safe to keep. Throws
 * only on an unknown action or outcome, which the types already rule out (a programming error).
 */
export function guardAuditInput(input: AuditInput, at: string): Omit<AuditEntry, 'prev'> {
  if (!(AUDIT_ACTIONS as readonly string[]).includes(input.action)) {
    throw new RangeError('unknown audit action')
  }
  if (!(AUDIT_OUTCOMES as readonly string[]).includes(input.outcome)) {
    throw new RangeError('unknown audit outcome')
  }
  const fields: { -readonly [K in (typeof ID_FIELDS)[number] | 'detailKey']?: string } = {}
  let safe = true
  for (const name of ID_FIELDS) {
    const value: unknown = input[name]
    if (value === undefined) continue
    if (typeof value === 'string' && isSafeText(value)) fields[name] = value
    else safe = false
  }
  const detail: unknown = input.detailKey
  if (detail !== undefined) {
    if (typeof detail === 'string' && isSafeText(detail) && I18N_KEY.test(detail)) {
      fields.detailKey = detail
    } else {
      safe = false
    }
  }
  if (!safe) {
    return {
      at,
      action: input.action,
      outcome: input.outcome,
      detailKey: REDACTED_DETAIL_KEY,
      redacted: true,
    }
  }
  // Fixed key order: the stored line is what the chain hashes.
  return {
    at,
    action: input.action,
    ...(fields.recordId !== undefined ? { recordId: fields.recordId } : {}),
    ...(fields.businessId !== undefined ? { businessId: fields.businessId } : {}),
    ...(fields.systemUserId !== undefined ? { systemUserId: fields.systemUserId } : {}),
    outcome: input.outcome,
    ...(fields.detailKey !== undefined ? { detailKey: fields.detailKey } : {}),
  }
}

const Hash = z.string().regex(/^[0-9a-f]{64}$/)
const Field = z.string().max(MAX_FIELD_LENGTH)

/** A stored line, checked when the log is read back. */
export const StoredAuditEntry = z.strictObject({
  at: z.iso.datetime(),
  action: z.enum(AUDIT_ACTIONS),
  recordId: Field.optional(),
  businessId: Field.optional(),
  systemUserId: Field.optional(),
  outcome: z.enum(AUDIT_OUTCOMES),
  detailKey: Field.optional(),
  redacted: z.literal(true).optional(),
  prev: Hash,
})
