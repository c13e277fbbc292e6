import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Pattern scan for secrets committed to the repository or baked into the bundle (SEC-12, static
 * part). Tests make their canaries at run time, so the tree itself should hold no token-shaped
 * string at all. Hits name the file, line and pattern, never the matched text: the report must not
 * become the leak.
 */

export interface SecretPattern {
  readonly id: string
  readonly description: string
  /** Applied to the file's bytes read as latin1 (one char per byte), global flag set. */
  readonly regex: RegExp
}

export const SECRET_PATTERNS: readonly SecretPattern[] = [
  {
    id: 'token',
    description: 'Meta access token (EAA + 20 or more base62)',
    regex: /EAA[A-Za-z0-9]{20,}/g,
  },
  {
    id: 'token-utf16le',
    description: 'Meta access token in UTF-16LE',
    // eslint-disable-next-line no-control-regex -- UTF-16LE puts a NUL after each ASCII character
    regex: /E\x00A\x00A\x00(?:[A-Za-z0-9]\x00){20,}/g,
  },
  {
    // "EAA" at a 3-byte boundary encodes to "RUFB"; other alignments leave too few stable
    // characters to match on (the runtime canary scans cover all three for known secrets).
    id: 'token-base64',
    description: 'Meta access token in base64',
    regex: /RUFB[A-Za-z0-9+/]{27,}/g,
  },
  {
    // App secrets and proofs are bare hex: only suspicious next to a word that names a secret.
    id: 'hex-secret',
    description: '32-hex string next to secret/proof/token/password/key',
    regex:
      /(?:secret|proof|token|passw(?:or)?d|credential|api[_-]?key)[^\n]{0,40}?(?<![0-9A-Fa-f])[0-9A-Fa-f]{32}(?![0-9A-Fa-f])/gi,
  },
]

export interface SecretHit {
  readonly file: string
  readonly line: number
  readonly pattern: string
  readonly length: number
}

/** Every pattern hit in one file's bytes. */
export function scanBytes(file: string, data: Buffer): SecretHit[] {
  const text = data.toString('latin1')
  const hits: SecretHit[] = []
  for (const pattern of SECRET_PATTERNS) {
    for (const match of text.matchAll(pattern.regex)) {
      const line = text.slice(0, match.index).split('\n').length
      hits.push({ file, line, pattern: pattern.id, length: match[0].length })
    }
  }
  return hits
}

const MAX_FILE_BYTES = 64 * 1024 * 1024

/** Scans files (paths relative to `root`); too-large files are reported, not skipped silently. */
export function scanFiles(root: string, files: readonly string[]) {
  const hits: SecretHit[] = []
  const tooLarge: string[] = []
  let bytes = 0
  for (const file of files) {
    const path = join(root, file)
    const size = statSync(path).size
    if (size > MAX_FILE_BYTES) {
      tooLarge.push(file)
      continue
    }
    const data = readFileSync(path)
    bytes += data.length
    hits.push(...scanBytes(file, data))
  }
  return { hits, tooLarge, filesScanned: files.length - tooLarge.length, bytesScanned: bytes }
}
