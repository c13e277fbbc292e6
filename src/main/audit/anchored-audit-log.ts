import { createHash } from 'node:crypto'
import { resolve } from 'node:path'
import type { Logger } from '../log/logger'
import { forgetSecret } from '../log/redact'
import type { SecretRef, SecretStore } from '../secrets/secret-store'
import { GENESIS, hashLine, splitLines, verifyLines, type AuditHead } from './audit-chain'
import type { AuditVerification } from './audit-chain'
import {
  anchorOf,
  compareWithAnchor,
  decodeAnchor,
  encodeAnchor,
  type AnchorFinding,
  type AnchorProblem,
  type AuditAnchor,
} from './audit-anchor'
import { auditLogPath, createAuditLog, readAuditFile, type AuditLog } from './audit-log'

/**
 * The audit log with its anchor in the OS keychain (audit-anchor.ts). At start it reads the anchor
 * and checks the file against it; after every append it moves the anchor to the new head. What
 * it decides where the anchor cannot help:
 *
 * - **No anchor, empty log**: the first start. Nothing to report; the anchor is written.
 * - **No anchor, entries in the log**: an update from a version without anchors, a data folder
 *   copied to another computer, or a keychain that was reset. The app cannot tell which, nor
 *   whether entries were removed before, and says so for this session (`anchor-missing`); then it
 *   anchors the log as it is. Someone who can delete the keychain entry can also rewrite it, so a
 *   missing anchor is a notice, not a tampering finding.
 * - **Keychain locked or unreachable at start**: the log is not checked and the anchor is not
 *   moved (moving it would bless whatever the file now holds); the view says it could not check
 *   (`anchor-unreadable`), and each later view or append asks again until a check runs.
 * - **A finding** (truncated, rewritten, replaced) is kept in the anchor, so it is reported at
 *   every later start too; the anchor then follows the log as it now is, so new entries stay
 *   protected.
 *
 * Entries appended after the last anchor write that succeeded (keychain locked mid-session, app
 * killed before the write) can still be cut off unnoticed: the file is always written first, so a
 * file ahead of its anchor is the normal state after a crash and cannot count as a finding.
 */

/**
 * The anchor's keychain entry: service `system-user-assistant.audit-anchor`, apart from every token
 * (keychain-store.ts builds the service name from the kind), one account per data folder. Two data
 * folders on one keychain (a development build beside the installed app, the browser preview, the
 * test layers in one keyring session) would otherwise read each other's anchor as a replaced log.
 */
export function auditAnchorRef(dataDir: string): SecretRef {
  const folder = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16)
  return { kind: 'audit-anchor', id: `head-${folder}` }
}

export interface AnchoredAuditLogOptions {
  readonly dataDir: string
  readonly secrets: SecretStore
  readonly log: Logger
  readonly now?: () => number
}

export interface AnchoredAuditLog extends AuditLog {
  /** Resolves when the start check (or the latest re-check) has run: for tests and the gate. */
  checked(): Promise<void>
  /** Resolves when no anchor write is pending. */
  settled(): Promise<void>
}

type AnchorState =
  | { readonly kind: 'checking' }
  | { readonly kind: 'unreadable' }
  | {
      readonly kind: 'ready'
      /** The anchor the file is compared with while the app runs. */
      readonly anchor: AuditAnchor
      readonly finding?: AnchorFinding
      readonly missing: boolean
    }

const errorCode = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unknown'

const anchorFailure = (problem: AnchorProblem, line: number): AuditVerification => ({
  ok: false,
  problem: `anchor-${problem}`,
  line,
})

/** Opens the log under `dataDir` and starts checking it against its anchor at once. */
export function startAnchoredAuditLog(options: AnchoredAuditLogOptions): AnchoredAuditLog {
  const { secrets, log } = options
  const file = auditLogPath(options.dataDir)
  const anchorRef = auditAnchorRef(options.dataDir)
  const now = options.now ?? Date.now
  let state: AnchorState = { kind: 'checking' }
  let checking: Promise<void> = Promise.resolve()
  let desired: AuditAnchor | null = null
  let writing: Promise<void> | null = null

  const readLines = () => splitLines(readAuditFile(file))

  // The keychain adapter registers every value it handles with the log redactor; an anchor is
  // hashes and counts, not a secret, and one per append would grow that list without end.
  const forget = (value: string | null) => {
    if (value !== null) forgetSecret(value)
  }

  const drain = async (): Promise<void> => {
    while (desired) {
      const next = desired
      desired = null
      const value = encodeAnchor(next)
      try {
        await secrets.set(anchorRef, value)
        if (state.kind === 'ready') state = { ...state, anchor: next }
      } catch (error) {
        // Kept for the next append to retry; until then the file is ahead, which start accepts.
        desired ??= next
        log.warn('audit.anchor-write-failed', { code: errorCode(error) })
        break
      } finally {
        forget(value)
      }
    }
    writing = null
  }

  const moveAnchor = (anchor: AuditAnchor) => {
    desired = anchor
    writing ??= drain()
  }

  const check = async (): Promise<void> => {
    let stored: string | null
    try {
      stored = await secrets.get(anchorRef)
    } catch (error) {
      state = { kind: 'unreadable' }
      log.warn('audit.anchor-unreadable', { code: errorCode(error) })
      return
    }
    forget(stored)
    // Read after the keychain answered: appends made meanwhile are in the file, not lost.
    const { lines } = readLines()
    const last = lines[lines.length - 1]
    const current = anchorOf(lines, last === undefined ? GENESIS : hashLine(last))
    const anchor = stored === null ? null : decodeAnchor(stored)
    let finding = anchor?.finding
    if (anchor) {
      const comparison = compareWithAnchor(lines, anchor)
      if (!comparison.ok) {
        finding = {
          problem: comparison.problem,
          line: anchor.entries,
          at: new Date(now()).toISOString(),
        }
        log.warn('audit.anchor-mismatch', {
          problem: comparison.problem,
          anchoredEntries: anchor.entries,
          fileEntries: lines.length,
        })
      }
    } else if (lines.length > 0) {
      log.warn('audit.anchor-missing', { fileEntries: lines.length })
    }
    const next: AuditAnchor = { ...current, ...(finding ? { finding } : {}) }
    state = {
      kind: 'ready',
      anchor: next,
      missing: anchor === null && lines.length > 0,
      ...(finding ? { finding } : {}),
    }
    moveAnchor(next)
  }

  const recheck = () => {
    if (state.kind !== 'unreadable') return
    state = { kind: 'checking' }
    checking = check()
  }

  const onAppend = (head: AuditHead) => {
    recheck()
    if (state.kind !== 'ready') return
    const first = state.anchor.first ?? (head.entries === 1 ? head.hash : null)
    moveAnchor({
      entries: head.entries,
      head: head.hash,
      first: first ?? anchorOf(readLines().lines, head.hash).first,
      ...(state.finding ? { finding: state.finding } : {}),
    })
  }

  const inner = createAuditLog({
    dataDir: options.dataDir,
    onAppend,
    ...(options.now ? { now: options.now } : {}),
  })
  checking = check()

  return {
    append: (input) => inner.append(input),
    read: (readOptions) => inner.read(readOptions),
    head: () => inner.head(),
    verify(expectedHead) {
      if (expectedHead) return inner.verify(expectedHead)
      const { lines, tornTail } = readLines()
      const chain = verifyLines(lines, tornTail)
      if (state.kind === 'checking') return chain
      if (state.kind === 'unreadable') {
        recheck()
        return chain.ok ? { ok: false, problem: 'anchor-unreadable', line: lines.length } : chain
      }
      // An edit made while the app runs shows at once, not only at the next start.
      const comparison = compareWithAnchor(lines, state.anchor)
      if (!comparison.ok) return anchorFailure(comparison.problem, state.anchor.entries)
      if (!chain.ok) return chain
      if (state.finding) return anchorFailure(state.finding.problem, state.finding.line)
      if (state.missing) return { ok: false, problem: 'anchor-missing', line: lines.length }
      return chain
    },
    checked: () => checking,
    settled: async () => {
      await checking
      while (writing) await writing
    },
  }
}
