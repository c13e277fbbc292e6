import { describe, expect, it } from 'vitest'
import { systemClock } from './clock'
import { createFakeClock } from '../../../tests/support/node/fake-clock'

describe('clocks', () => {
  it('the system clock sleeps and can be woken by an abort', async () => {
    await expect(systemClock.sleep(1)).resolves.toBeUndefined()
    const controller = new AbortController()
    const sleeping = systemClock.sleep(60_000, controller.signal)
    controller.abort()
    await expect(sleeping).rejects.toMatchObject({ name: 'AbortError' })
    await expect(systemClock.sleep(5, AbortSignal.abort(new Error('stop')))).rejects.toThrow('stop')
  })

  it('the fake clock moves time forward by each sleep and records it', async () => {
    const clock = createFakeClock(1000)
    await clock.sleep(250)
    clock.advance(50)
    expect(clock.now()).toBe(1300)
    expect(clock.sleeps).toEqual([250])
    await expect(clock.sleep(1, AbortSignal.abort())).rejects.toBeInstanceOf(Error)
  })
})
