import { z } from 'zod'
import { hashLine } from './audit-chain'

/**
 * The audit log's anchor: where the chain ended the last time the app wrote it, kept outside the
 * file (in the OS keychain, anchored-audit-log.ts) so the three edits the chain alone cannot see
 * are caught (audit-chain.ts): cutting entries off the end, rewriting the whole file as a fresh
 * valid chain, and swapping in another valid log. The anchor holds hashes and counts only — never
 * a token — and what the last check found, so a finding survives restarts instead of being
 * reported once and then anchored over.
 */

/** What a check against the anchor can find. */
export type AnchorProblem = 'truncated' | 'rewritten' | 'replaced'

export interface AnchorFinding {
  readonly problem: AnchorProblem
  /** How many entries the app had written when the finding was made. */
  readonly line: number
  /** When the app found it (ISO time). */
  readonly at: string
}

export interface AuditAnchor {
  /** Entries in the log when the anchor was written. */
  readonly entries: number
  /** SHA-256 of the last of those lines (GENESIS for an empty log). */
  readonly head: string
  /** SHA-256 of the first line, null for an empty log: tells a rewrite from a replacement. */
  readonly first: string | null
  readonly finding?: AnchorFinding
}

const Hash = z.string().regex(/^[0-9a-f]{64}$/)

/** The stored form; version 1. Strict, so a hand-made or damaged entry is not half-trusted. */
const StoredAnchor = z.strictObject({
  v: z.literal(1),
  entries: z.number().int().nonnegative(),
  head: Hash,
  first: Hash.nullable(),
  finding: z
    .strictObject({
      problem: z.enum(['truncated', 'rewritten', 'replaced']),
      line: z.number().int().nonnegative(),
      at: z.iso.datetime(),
    })
    .optional(),
})

export function encodeAnchor(anchor: AuditAnchor): string {
  return JSON.stringify({
    v: 1,
    entries: anchor.entries,
    head: anchor.head,
    first: anchor.first,
    ...(anchor.finding ? { finding: anchor.finding } : {}),
  })
}

/** The anchor a stored value holds, or null when it is not one (treated as missing). */
export function decodeAnchor(value: string): AuditAnchor | null {
  let parsed: unknown
  try {
    parsed = JSON.parse(value)
  } catch {
    return null
  }
  const checked = StoredAnchor.safeParse(parsed)
  if (!checked.success) return null
  const { entries, head, first, finding } = checked.data
  return { entries, head, first, ...(finding ? { finding } : {}) }
}

/** The anchor of the lines as they are now (no finding). */
export function anchorOf(lines: readonly string[], head: string): AuditAnchor {
  const firstLine = lines[0]
  return {
    entries: lines.length,
    head,
    first: firstLine === undefined ? null : hashLine(firstLine),
  }
}

/**
 * Whether the file still holds the chain the anchor recorded. More entries than anchored is fine:
 * the file is written before the anchor (a crash in between leaves the file ahead), so only a file
 * that no longer contains the anchored head is a finding.
 */
export function compareWithAnchor(
  lines: readonly string[],
  anchor: AuditAnchor,
): { ok: true } | { ok: false; problem: AnchorProblem } {
  if (anchor.entries === 0) return { ok: true }
  const firstLine = lines[0]
  const sameStart = firstLine !== undefined && hashLine(firstLine) === anchor.first
  // A different first entry is another log, whatever its length (a fresh chain, or a copy).
  if (firstLine !== undefined && !sameStart) return { ok: false, problem: 'replaced' }
  if (lines.length < anchor.entries) return { ok: false, problem: 'truncated' }
  const anchoredLast = lines[anchor.entries - 1] ?? ''
  if (hashLine(anchoredLast) !== anchor.head) return { ok: false, problem: 'rewritten' }
  return { ok: true }
}
