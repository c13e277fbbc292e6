import { describe, expect, it } from 'vitest'
import { APP_CSP, buildCsp } from './csp'

describe('APP_CSP', () => {
  it('is exactly the strict policy of SEC-03', () => {
    expect(APP_CSP).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    )
  })

  it('derives a variant by replacing a directive in place, leaving the rest', () => {
    const preview = buildCsp({ 'connect-src': "'self'" })
    expect(preview).toBe(APP_CSP.replace("connect-src 'none'", "connect-src 'self'"))
  })
})
