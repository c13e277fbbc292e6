import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve, sep } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import {
  APP_SCHEME_PRIVILEGES,
  createAppRequestHandler,
  isAppUrl,
  registerAppScheme,
  resolveAppPath,
  serveAppProtocol,
} from './app-protocol'
import { APP_CSP } from './csp'
import { silentLogger } from './log/logger'
import { FakeProtocol } from '../../tests/support/node/electron-fake'

// A renderer folder with a secret file right next to it: the thing traversal would reach.
const base = mkdtempSync(join(tmpdir(), 'sua-protocol-'))
const root = join(base, 'renderer')
mkdirSync(join(root, 'assets'), { recursive: true })
writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>')
writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)')
writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}')
writeFileSync(join(base, 'secret.txt'), 'EAAG-canary-outside-the-root')
afterAll(() => rmSync(base, { recursive: true, force: true }))

const inside = (file: string) => file.startsWith(resolve(root) + sep)
const TRAVERSAL = new Set(['..', '%2e%2e', '%2E%2e', '.%2e', '%2e.', '..%2f', '..\\', '%2e%2e%5c'])

describe('resolveAppPath', () => {
  it('maps app URLs to files under the root', () => {
    expect(resolveAppPath('app://vault/', root)).toBe(join(root, 'index.html'))
    expect(resolveAppPath('app://vault', root)).toBe(join(root, 'index.html'))
    expect(resolveAppPath('app://vault/index.html', root)).toBe(join(root, 'index.html'))
    expect(resolveAppPath('app://vault/assets/index-abc.js?v=1#x', root)).toBe(
      join(root, 'assets', 'index-abc.js'),
    )
    expect(resolveAppPath('app://vault/assets/', root)).toBe(join(root, 'assets', 'index.html'))
    expect(resolveAppPath('app://vault/a%20b.png', root)).toBe(join(root, 'a b.png'))
  })

  const hostile = [
    'app://vault/../secret.txt',
    'app://vault/..%2fsecret.txt',
    'app://vault/%2e%2e/secret.txt',
    'app://vault/%2E%2E%2Fsecret.txt',
    'app://vault/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://vault/..%5csecret.txt',
    'app://vault/..\\secret.txt',
    'app://vault/assets\\..\\..\\secret.txt',
    'app://vault/%5c%5cserver%5cshare',
    'app://vault//etc/passwd',
    'app://vault/%2fetc%2fpasswd',
    'app://vault/C:/Windows/win.ini',
    'app://vault/C:%5cWindows%5cwin.ini',
    'app://vault/index.html%00.png',
    'app://vault/index.html\u0000',
    'app://vault/%c0%ae%c0%ae/secret.txt',
    'app://vault/%E0%A4%A',
    'app://evil/index.html',
    'app://VAULT/index.html',
    'app://vault:8080/index.html',
    'app://user:pass@vault/index.html',
    'app:///etc/passwd',
    'app:/etc/passwd',
    'file:///etc/passwd',
    'https://vault/index.html',
    '/etc/passwd',
    '',
    `app://vault/${'a/'.repeat(1100)}`,
  ]

  it(`rejects ${hostile.length} hand-written traversal and origin attacks`, () => {
    const accepted = hostile.filter((url) => resolveAppPath(url, root) !== null)
    expect(accepted).toStrictEqual([])
  })

  it('never resolves outside the root: 0 escapes in 10,000 generated URLs', () => {
    const segment = fc.oneof(
      fc.constantFrom(
        '..',
        '.',
        '%2e%2e',
        '%2E%2e',
        '.%2e',
        '%2e.',
        '%2e',
        '..%2f',
        '%2f',
        '%2F',
        '%5c',
        '%5C',
        '\\',
        '..\\',
        '%00',
        '\u0000',
        '',
        'C:',
        'c:%5c',
        '%252e%252e',
        '%c0%ae',
        '~',
        'secret.txt',
        'assets',
        'index.html',
        'etc',
        'passwd',
        '%2e%2e%5c',
        '..;',
        '.../',
      ),
      fc.string({ maxLength: 6 }),
    )
    const prefix = fc.constantFrom(
      'app://vault/',
      'app://vault',
      'app://VAULT/',
      'app://evil/',
      'app://vault:1/',
      'app://u@vault/',
      'app:///',
      'app:/',
      'app:',
      'file:///',
      'https://vault/',
      '/',
      '',
    )
    const separator = fc.constantFrom('/', '\\', '%2f', '%5c', '//')
    fc.assert(
      fc.property(
        prefix,
        fc.array(segment, { maxLength: 8 }),
        separator,
        (head, parts, sepChar) => {
          const file = resolveAppPath(head + parts.join(sepChar), root)
          expect(file === null || inside(file)).toBe(true)
          // Not merely contained: a path that tries to traverse is refused outright (a query or
          // fragment is not part of the path).
          const end = parts.findIndex((part) => /[?#]/.test(part))
          const pathParts = end === -1 ? parts : parts.slice(0, end)
          if (pathParts.some((part) => TRAVERSAL.has(part))) expect(file).toBeNull()
        },
      ),
      { numRuns: 10_000 },
    )
  })

  it('resolves every benign path to exactly that file inside the root', () => {
    const name = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,11}(\.[a-z0-9]{1,4})?$/)
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 5 }), (parts) => {
        expect(resolveAppPath(`app://vault/${parts.join('/')}`, root)).toBe(join(root, ...parts))
      }),
      { numRuns: 1_000 },
    )
  })
})

describe('isAppUrl', () => {
  it('compares protocol and host, since URL.origin is "null" for app:', () => {
    expect(new URL('app://vault/x').origin).toBe('null')
    expect(isAppUrl('app://vault/index.html')).toBe(true)
    for (const url of [
      'app://evil/',
      'app://vault.evil/',
      'app://a@vault/',
      'https://vault/',
      'vault',
      '',
    ]) {
      expect(isAppUrl(url)).toBe(false)
    }
  })
})

describe('the app:// request handler', () => {
  const handle = createAppRequestHandler(root, silentLogger)
  const get = (url: string, method = 'GET') => handle(new Request(url, { method }))

  it('serves the entry page and assets with their MIME types and the strict CSP', async () => {
    const page = await get('app://vault/')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await page.text()).toContain('<title>app</title>')
    const script = await get('app://vault/assets/index-abc.js')
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    const style = await get('app://vault/assets/index-abc.css')
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8')
  })

  it('sends the CSP and nosniff on every response, errors included', async () => {
    const responses = await Promise.all([
      get('app://vault/index.html'),
      get('app://vault/missing.js'),
      get('app://vault/assets'),
      get('app://vault/%2e%2e/secret.txt'),
      get('app://evil/index.html'),
      get('app://vault/index.html', 'POST'),
    ])
    expect(responses.map((r) => r.status)).toStrictEqual([200, 404, 404, 404, 404, 405])
    for (const response of responses) {
      expect(response.headers.get('content-security-policy')).toBe(APP_CSP)
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    }
  })

  it('answers HEAD without a body', async () => {
    const response = await get('app://vault/index.html', 'HEAD')
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('')
  })

  it('never serves the file beside the root', async () => {
    for (const url of hostile(['..', '%2e%2e', '..%2f', '.%2e'])) {
      const response = await get(url)
      expect(await response.text()).not.toContain('canary')
    }
  })
})

describe('scheme registration', () => {
  it('registers app: as standard and secure, with no other privilege', () => {
    const protocol = new FakeProtocol()
    registerAppScheme(protocol)
    expect(protocol.privileged).toStrictEqual([APP_SCHEME_PRIVILEGES])
    expect(APP_SCHEME_PRIVILEGES).toStrictEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true },
    })
  })

  it('serves the app scheme through protocol.handle', async () => {
    const protocol = new FakeProtocol()
    serveAppProtocol(protocol, root, silentLogger)
    expect([...protocol.handlers.keys()]).toStrictEqual(['app'])
    const response = await protocol.handlers.get('app')!(new Request('app://vault/'))
    expect(response.status).toBe(200)
  })
})

function hostile(steps: string[]): string[] {
  return steps.flatMap((step) => [
    `app://vault/${step}/secret.txt`,
    `app://vault/assets/${step}/${step}/secret.txt`,
  ])
}
