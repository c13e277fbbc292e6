import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve, sep } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentTypeFor, readStaticFile, resolveStaticPath } from './static-files'

const root = resolve('/srv/renderer')

describe('resolveStaticPath', () => {
  it('maps / to index.html and nested paths below the root', () => {
    expect(resolveStaticPath(root, '/')).toBe(join(root, 'index.html'))
    expect(resolveStaticPath(root, '/assets/index-abc.js')).toBe(join(root, 'assets/index-abc.js'))
    expect(resolveStaticPath(root, '/assets/a%20b.css')).toBe(join(root, 'assets/a b.css'))
  })

  it.each([
    '/../etc/passwd',
    '/assets/../../etc/passwd',
    '/%2e%2e/etc/passwd',
    '/%2E%2E%2Fetc%2Fpasswd',
    '/assets/%2e%2e/%2e%2e/secret',
    '/..%2f..%2fsecret',
    '/%5c..%5csecret',
    '/assets\\..\\..\\secret',
    '/index.html%00.js',
    '/./index.html',
    '/%',
    '/%E0%A4%A',
    'index.html',
    'http://evil.test/index.html',
  ])('refuses %s', (path) => {
    expect(resolveStaticPath(root, path)).toBeNull()
  })

  it('never resolves outside the root, whatever the path (10,000 cases)', () => {
    const segment = fc.oneof(
      fc.constantFrom(
        '..',
        '.',
        '%2e%2e',
        '%2E.',
        '.%2e',
        '%2f',
        '%5c',
        '\\',
        '%00',
        'a',
        'assets',
        '',
      ),
      fc.string({ maxLength: 6 }),
    )
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (segments) => {
        const resolved = resolveStaticPath(root, `/${segments.join('/')}`)
        return resolved === null || resolved.startsWith(root + sep)
      }),
      { numRuns: 10_000 },
    )
  })
})

describe('contentTypeFor', () => {
  it('names what a Vite build emits, and falls back to opaque bytes', () => {
    expect(contentTypeFor('index.html')).toBe('text/html; charset=utf-8')
    expect(contentTypeFor('assets/index-x.JS')).toBe('text/javascript; charset=utf-8')
    expect(contentTypeFor('a.css')).toBe('text/css; charset=utf-8')
    expect(contentTypeFor('logo.svg')).toBe('image/svg+xml')
    expect(contentTypeFor('font.woff2')).toBe('font/woff2')
    expect(contentTypeFor('unknown.bin')).toBe('application/octet-stream')
  })
})

describe('readStaticFile', () => {
  let base: string
  let served: string

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'sua-static-'))
    served = join(base, 'renderer')
    mkdirSync(join(served, 'assets'), { recursive: true })
    writeFileSync(join(served, 'index.html'), '<!doctype html>')
    writeFileSync(join(served, 'assets', 'app.js'), 'console.log(1)')
    writeFileSync(join(base, 'secret.txt'), 'outside')
    symlinkSync(join(base, 'secret.txt'), join(served, 'escape.txt'))
  })
  afterAll(() => rmSync(base, { recursive: true, force: true }))

  it('reads a file with its content type', async () => {
    const file = await readStaticFile(served, '/assets/app.js')
    expect(file?.body.toString()).toBe('console.log(1)')
    expect(file?.contentType).toBe('text/javascript; charset=utf-8')
  })

  it('returns null for missing files, directories and symlinks that leave the root', async () => {
    expect(await readStaticFile(served, '/missing.js')).toBeNull()
    expect(await readStaticFile(served, '/assets')).toBeNull()
    expect(await readStaticFile(served, '/index.html/x')).toBeNull()
    expect(await readStaticFile(served, '/escape.txt')).toBeNull()
    expect(await readStaticFile(served, '/../secret.txt')).toBeNull()
  })
})
