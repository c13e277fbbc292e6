import { createHash } from 'node:crypto'
import { StoredAuditEntry, type AuditEntry } from './audit-entry'

/**
 * The audit log's hash chain. Each line carries `prev`, the SHA-256 of the exact previous line
 * (the first line chains to GENESIS), so changing, removing, inserting or reordering any line
 * before the last breaks the link of the line after it, and `verifyLines` says where.
 *
 * What the chain alone does NOT protect: there is no key, so someone who can write the file can
 * rewrite the chain from the edited line on and it verifies again; and dropping lines at the END
 * leaves a valid, shorter chain. Both are caught only against a head kept elsewhere: the app keeps
 * one in the OS keychain (anchored-audit-log.ts), and `expectedHead` takes one from an exported
 * report. Neither is a signature: someone who can also write the user's keychain can move the
 * anchor too. The OS account's file permissions (0600) and its keychain are the real protection.
 */

/** The `prev` of the first line. */
export const GENESIS = '0'.repeat(64)

export function hashLine(line: string): string {
  return createHash('sha256').update(line, 'utf8').digest('hex')
}

/** Where the chain ends: how many entries, and the hash of the last line. */
export interface AuditHead {
  readonly entries: number
  readonly hash: string
}

export type AuditVerification =
  | {
      readonly ok: true
      readonly head: AuditHead
      /** A partial last line (a crash mid-append): not an entry, and not tampering. */
      readonly tornTail: boolean
    }
  | {
      readonly ok: false
      /**
       * 1-based line number where the chain stops holding; for the `anchor-*` problems
       * (anchored-audit-log.ts), how many entries the app had written (or, for `anchor-missing`
       * and `anchor-unreadable`, how many the file holds).
       */
      readonly line: number
      readonly problem:
        | 'malformed'
        | 'chain-broken'
        | 'truncated'
        | 'anchor-truncated'
        | 'anchor-rewritten'
        | 'anchor-replaced'
        | 'anchor-missing'
        | 'anchor-unreadable'
    }

/** The file's complete lines, and whether a partial line follows them. */
export function splitLines(content: string): { lines: string[]; tornTail: boolean } {
  if (content === '') return { lines: [], tornTail: false }
  const parts = content.split('\n')
  // After the last "\n" comes either nothing (a clean end) or an unfinished line.
  const tail = parts.pop() ?? ''
  return { lines: parts, tornTail: tail !== '' }
}

/** Parses one stored line; null when it is not a valid entry. */
export function parseEntry(line: string): AuditEntry | null {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    return null
  }
  const checked = StoredAuditEntry.safeParse(value)
  return checked.success ? checked.data : null
}

/** Checks every link of the chain, and optionally that it still reaches a head recorded earlier. */
export function verifyLines(
  lines: readonly string[],
  tornTail: boolean,
  expectedHead?: AuditHead,
): AuditVerification {
  let previous = GENESIS
  for (const [index, line] of lines.entries()) {
    if (expectedHead && index === expectedHead.entries && previous !== expectedHead.hash) {
      return { ok: false, line: index, problem: 'chain-broken' }
    }
    const entry = parseEntry(line)
    if (!entry) return { ok: false, line: index + 1, problem: 'malformed' }
    if (entry.prev !== previous) return { ok: false, line: index + 1, problem: 'chain-broken' }
    previous = hashLine(line)
  }
  if (expectedHead) {
    if (lines.length < expectedHead.entries) {
      return { ok: false, line: lines.length, problem: 'truncated' }
    }
    if (lines.length === expectedHead.entries && previous !== expectedHead.hash) {
      return { ok: false, line: lines.length, problem: 'chain-broken' }
    }
  }
  return { ok: true, head: { entries: lines.length, hash: previous }, tornTail }
}

/** The plain-language message of a verification result, for the log view. */
export function verificationMessage(result: AuditVerification): {
  messageKey: string
  params?: { line: number }
} {
  return result.ok
    ? { messageKey: 'vaultMain.audit.chain.ok' }
    : { messageKey: `vaultMain.audit.chain.${result.problem}`, params: { line: result.line } }
}
