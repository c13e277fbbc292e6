import { describe, expect, it } from 'vitest'
import { makeCanaryToken } from '../../../tests/fixtures/canaries'
import { addRecord, kitEachTest, noSession } from '../../../tests/support/node/vault-kit'
import { createUnprotectedScreen, createWindowScreenCapture } from './screen-capture'

const kits = kitEachTest()

describe('keeping a shown token out of screen captures', () => {
  it('protects the window from before the value leaves main until it is hidden, for every end', async () => {
    const screen = createUnprotectedScreen()
    const k = kits.start({ session: noSession, deps: { screenCapture: screen } })
    await addRecord(k, { id: 'r1' }, makeCanaryToken(460))
    await addRecord(k, { id: 'r2' }, makeCanaryToken(461))

    const first = await k.call('vault:secret-reveal', { id: 'r1' })
    expect(first.ok && first.value.outcome === 'revealed' && first.value.captureBlocked).toBe(false)
    expect(screen.calls).toEqual([true])
    // Another token replaces the first: the protection stays on throughout.
    await k.call('vault:secret-reveal', { id: 'r2' })
    expect(screen.calls).toEqual([true, true])
    await k.call('vault:reveal-end', { id: 'r2', reason: 'blur' })
    expect(screen.calls).toEqual([true, true, false])

    await k.call('vault:secret-reveal', { id: 'r1' })
    k.timers.advance(30_000)
    expect(screen.calls.slice(3)).toEqual([true, false])

    await k.call('vault:secret-reveal', { id: 'r1' })
    await k.call('vault:lock', {})
    expect(screen.calls.slice(5)).toEqual([true, false])
  })

  it('turns on Electron content protection on Windows and macOS only, and says which', () => {
    for (const platform of ['win32', 'darwin', 'linux', 'freebsd'] as const) {
      const calls: boolean[] = []
      const capture = createWindowScreenCapture({
        platform,
        window: () => ({ setContentProtection: (enable: boolean) => void calls.push(enable) }),
      })
      capture.protect(true)
      capture.protect(false)
      const blocks = platform === 'win32' || platform === 'darwin'
      expect(capture.blocksCapture).toBe(blocks)
      expect(calls).toEqual(blocks ? [true, false] : [])
    }
  })

  it('does nothing when the window is gone', () => {
    const capture = createWindowScreenCapture({ platform: 'darwin', window: () => null })
    expect(() => capture.protect(true)).not.toThrow()
  })
})
