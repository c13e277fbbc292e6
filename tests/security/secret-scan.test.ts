import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeCanaryAppSecret, makeCanaryToken } from '../fixtures/canaries'
import { checkScannerSees } from './gates/secret-hygiene-gate'
import { scanBytes } from './secret-scan'

function patterns(data: Buffer): string[] {
  return scanBytes('file', data).map((hit) => hit.pattern)
}

describe('the repository secret scan (SEC-12, static part)', () => {
  it('finds a token in each form it claims to see', () => {
    const token = makeCanaryToken()
    expect(patterns(Buffer.from(`const t = "${token}"`))).toStrictEqual(['token'])
    expect(patterns(Buffer.from(`xx${token}`, 'utf16le'))).toStrictEqual(['token-utf16le'])
    expect(patterns(Buffer.from(Buffer.from(token).toString('base64')))).toStrictEqual([
      'token-base64',
    ])
  })

  it('finds an app secret next to a word that names one', () => {
    const secret = makeCanaryAppSecret()
    expect(patterns(Buffer.from(`APP_SECRET=${secret}`))).toStrictEqual(['hex-secret'])
    expect(patterns(Buffer.from(`{"appsecret_proof": "${secret}"}`))).toStrictEqual(['hex-secret'])
  })

  it('passes the look-alikes a clean tree holds', () => {
    const clean = [
      "const fake = 'EAAG-canary-outside-the-root'", // not base62 after EAA
      "inspect('EAAnotreal')", // too short to be a token
      'commit 0123456789abcdef0123456789abcdef01234567', // a 40-hex git hash
      `const checksum = '${'ab'.repeat(16)}'`, // 32 hex with no secret word near it
      'import { makeCanaryToken } from "../fixtures/canaries"',
    ].join('\n')
    expect(patterns(Buffer.from(clean))).toStrictEqual([])
  })

  it('reports where, never what', () => {
    const token = makeCanaryToken()
    const [hit] = scanBytes('src/leak.ts', Buffer.from(`\n\nexport const t = '${token}'\n`))
    expect(hit).toStrictEqual({
      file: 'src/leak.ts',
      line: 3,
      pattern: 'token',
      length: token.length,
    })
    expect(JSON.stringify(hit)).not.toContain(token.slice(4, 24))
  })

  it('its self-check finds every planted canary', () => {
    const directory = mkdtempSync(join(tmpdir(), 'sua-secret-scan-'))
    try {
      expect(checkScannerSees(join(directory, 'planted'))).toStrictEqual([])
    } finally {
      rmSync(directory, { recursive: true, force: true })
    }
  })
})
