import { describe, expect, it } from 'vitest'
import { MUTATIONS, runMutations } from './self-test'

/**
 * The "done when": a deliberately insecure change, applied to a copy of the real tree,
 * turns its gate red. The mutations that need npx or the registry run in
 * `npm run verify:security -- --self-test`; the rest run here, on every `npm test`.
 */
describe('the gates turn red on insecure changes to a copy of this repository', () => {
  const offline = MUTATIONS.filter((mutation) => !mutation.needsNetwork)

  it('has offline mutations for the AST, secret, log-redaction, keychain and preview gates', () => {
    expect(new Set(offline.map((mutation) => mutation.gate.id))).toStrictEqual(
      new Set([
        'factory-adapters',
        'preload-surface',
        'secret-hygiene',
        'log-redaction',
        'keychain-failure',
        'preview-lock',
      ]),
    )
  })

  it('catches every one, each for the expected reason', { timeout: 600_000 }, async () => {
    const outcomes = await runMutations(process.cwd(), offline)
    expect(
      outcomes.map((outcome) => [
        outcome.id,
        outcome.caught,
        outcome.codes.includes(outcome.expected),
      ]),
    ).toStrictEqual(offline.map((mutation) => [mutation.id, true, true]))
  })
})
