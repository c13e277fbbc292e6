import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createLogger, memorySink } from '../log/logger'
import { handlerSpies } from '../../../tests/support/node/handler-spies'
import { createDispatcher } from './dispatcher'
import { createSenderCheck, type TrustedWindow } from './register-handlers'

vi.mock('electron', async () =>
  (await import('../../../tests/support/node/electron-fake')).electronModule(),
)

// A compromised renderer (or a frame that is not ours) can send refused calls without end; the
// log must not grow with them (docs/security-requirements.md, refusal logging rate-limited).

let sink: ReturnType<typeof memorySink>
beforeEach(() => {
  vi.useFakeTimers()
  sink = memorySink()
})
afterEach(() => vi.useRealTimers())

const linesWith = (event: string) => sink.lines.filter((line) => line.includes(`"${event}"`))

describe('refused IPC calls in a burst', () => {
  it('1,000 refused requests write 10 lines and one summary a minute, all refused', async () => {
    const dispatch = createDispatcher(handlerSpies().table, createLogger([sink]))
    const answers = []
    for (let i = 0; i < 1000; i += 1) {
      const bad =
        i % 3 === 0
          ? ['no:such-channel', {}]
          : i % 3 === 1
            ? ['app:status-get', { x: 1 }]
            : ['vault:list', 'text']
      answers.push(await dispatch(bad[0] as string, bad[1]))
    }
    expect(answers.every((answer) => !answer.ok && answer.error.code === 'invalid-input')).toBe(
      true,
    )
    expect(sink.lines).toHaveLength(10)
    vi.advanceTimersByTime(60_000)
    const summary = linesWith('ipc.refusals-unlogged')
    expect(summary).toHaveLength(1)
    expect(summary[0]).toContain('"count":990')
  })

  it('forbidden senders: the same limit, and every one still refused', () => {
    const check = createSenderCheck((): TrustedWindow | null => null, createLogger([sink]))
    const trusted = Array.from({ length: 500 }, () => check({ senderFrame: null }))
    expect(trusted.some(Boolean)).toBe(false)
    expect(linesWith('ipc.forbidden-sender')).toHaveLength(10)
    vi.advanceTimersByTime(60_000)
    expect(linesWith('ipc.forbidden-senders-unlogged')[0]).toContain('"count":490')
  })
})
