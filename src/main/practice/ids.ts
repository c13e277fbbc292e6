import { randomBytes } from 'node:crypto'

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** Random base62 text (rejection sampling keeps the distribution uniform). */
export function randomBase62(length: number): string {
  let out = ''
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62]
    }
  }
  return out
}

/**
 * A practice token: shaped like Meta's (`EAA` + ~180 base62 characters, so every redaction rule
 * for real tokens applies to it) and marked "Practice" so nobody mistakes it for a live one.
 */
export function newPracticeToken(): string {
  return `EAAPractice${randomBase62(170)}`
}

/** fbtrace_id as Meta prints them, e.g. `AUqmfr2_VjuA6BLk7LTFfxw` (23 base64url characters). */
export function newTraceId(): string {
  return `A${randomBytes(18).toString('base64url').slice(0, 22)}`
}

/** An OAuth authorization code for the practice login (Meta's codes start with `AQ`). */
export function newAuthCode(): string {
  return `AQPractice${randomBase62(120)}`
}

/**
 * Deterministic ids: Graph ids are numeric strings of 15–17 digits. Each counter is seeded, so
 * the same seed always yields the same ids, and objects created later continue the sequence.
 */
export class IdSequence {
  private next: bigint

  constructor(start: bigint) {
    this.next = start
  }

  take(): string {
    const id = this.next.toString()
    this.next += 1n
    return id
  }
}
