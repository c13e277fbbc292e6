import { afterEach, describe, expect, it } from 'vitest'
import { createPracticeRuntime, type PracticeRuntime } from './practice-runtime'

let runtime: PracticeRuntime | undefined
afterEach(async () => {
  await runtime?.close()
  runtime = undefined
})

const reachable = async (baseUrl: string) => {
  try {
    await fetch(`${baseUrl}/v27.0/me`)
    return true
  } catch {
    return false
  }
}

describe('the practice runtime', () => {
  it('knows the sample business’s name without starting the simulator', () => {
    runtime = createPracticeRuntime()
    expect(runtime.businessName).toBe('Harbour Lane Bakery')
    expect(runtime.started).toBe(false)
  })

  it('starts once, on first need, and hands the same session to every caller', async () => {
    runtime = createPracticeRuntime()
    const [first, second] = await Promise.all([runtime.session(), runtime.session()])
    expect(first).toBe(second)
    expect(runtime.started).toBe(true)
    expect(first.graphBaseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(first.version).toBe('v27.0')
    expect(first.app).toStrictEqual({
      appId: first.simulator.fixtures.appId,
      appName: 'Harbour Lane Orders',
      appSecret: first.simulator.fixtures.appSecret,
    })
    expect(first.app.appSecret).toMatch(/^[0-9a-f]{32}$/)
    expect(await reachable(first.graphBaseUrl)).toBe(true)
  })

  it('rehearses on an app with "Require App Secret" on', async () => {
    runtime = createPracticeRuntime()
    const { simulator } = await runtime.session()
    expect(simulator.model.app(simulator.fixtures.appId)?.requireAppSecret).toBe(true)
  })

  it('close stops the simulator; the next need starts a fresh one', async () => {
    runtime = createPracticeRuntime()
    const first = await runtime.session()
    await runtime.close()
    expect(runtime.started).toBe(false)
    expect(await reachable(first.graphBaseUrl)).toBe(false)
    const second = await runtime.session()
    expect(second).not.toBe(first)
    expect(await reachable(second.graphBaseUrl)).toBe(true)
  })
})
