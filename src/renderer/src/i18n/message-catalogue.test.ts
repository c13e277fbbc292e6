import { describe, expect, it } from 'vitest'
import { en } from '@shared/i18n/en'
import indexHtml from '../../index.html?raw'

// Every renderer source file (tests and test helpers excluded), read as text at build time.
const sources = Object.entries(
  import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}'], {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
)

// A message key is a dotted lower-camel path under one of the known areas, quoted in code ('…')
// or given as a JSX attribute ("…").
const KEY_PATTERN = /['"]((?:app|shell|flowHome|flow|vault|errors|connect)\.[A-Za-z0-9.]+)['"]/g

const keysUsedIn = (text: string): string[] => [...text.matchAll(KEY_PATTERN)].map((m) => m[1]!)

describe('the message catalogue', () => {
  it('finds the renderer sources to check', () => {
    const names = sources.map(([name]) => name)
    expect(names).toContain('../app.tsx')
    expect(names).toContain('../vault/vault-table.tsx')
    expect(names.some((name) => name.includes('.test.'))).toBe(false)
  })

  it('has every key the renderer uses', () => {
    const missing = sources.flatMap(([file, text]) =>
      keysUsedIn(text)
        .filter((key) => !Object.hasOwn(en, key))
        .map((key) => `${file}: ${key}`),
    )
    expect(missing).toEqual([])
    // The scan is not vacuous: it sees the keys of both homes and the shell.
    const used = new Set(sources.flatMap(([, text]) => keysUsedIn(text)))
    expect(used).toContain('shell.nav.label')
    expect(used).toContain('vault.empty.heading')
    expect(used).toContain('flowHome.step8.body')
  })

  it('uses every shell, setup, vault and connect message somewhere', () => {
    const text = sources.map(([, source]) => source).join('\n')
    // A message no screen shows is dead text that translators would still have to write.
    const unused = Object.keys(en)
      .filter((key) => /^(shell|setup|vault|connect)\./.test(key))
      .filter((key) => !text.includes(`'${key}'`) && !text.includes(`"${key}"`))
    expect(unused).toEqual([])
  })
})

describe('index.html', () => {
  it('carries the strict CSP on one line, exactly as main sends it (minus frame-ancestors)', () => {
    const policy =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'"
    const line = indexHtml.split('\n').find((l) => l.includes('Content-Security-Policy'))
    expect(line?.trim()).toBe(`<meta http-equiv="Content-Security-Policy" content="${policy}" />`)
  })

  it('declares English and takes its title from the product name', () => {
    expect(indexHtml).toMatch(/<html lang="en">/)
    expect(indexHtml).toContain(`<title>${en['app.name']}</title>`)
  })

  it('loads nothing from outside the app', () => {
    expect(indexHtml).not.toMatch(/(src|href)="(https?:)?\/\//)
  })
})

describe('renderer sources', () => {
  it('use no inline styles (the CSP has no unsafe-inline for styles)', () => {
    const offenders = sources
      .filter(([, text]) => /\bstyle=\{|\.style\.|<style|dangerouslySetInnerHTML/.test(text))
      .map(([file]) => file)
    expect(offenders).toEqual([])
  })
})
