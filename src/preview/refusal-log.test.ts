import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createLogger, memorySink } from '../main/log/logger'
import { createRefusalLog } from './refusal-log'

let sink: ReturnType<typeof memorySink>
beforeEach(() => {
  vi.useFakeTimers()
  sink = memorySink()
})
afterEach(() => {
  vi.useRealTimers()
})

const linesWith = (event: string) => sink.lines.filter((line) => line.includes(event))

describe('the refusal log', () => {
  it('logs the first refusals of a minute one by one, then one summary for the rest', () => {
    const refusals = createRefusalLog(createLogger([sink]), { limit: 3, windowMs: 60_000 })
    for (let i = 0; i < 500; i += 1) refusals.record('no-session', 'invoke')
    expect(linesWith('preview.request-refused')).toHaveLength(3)
    expect(linesWith('preview.requests-refused-unlogged')).toHaveLength(0)

    vi.advanceTimersByTime(60_000)
    const summaries = linesWith('preview.requests-refused-unlogged')
    expect(summaries).toHaveLength(1)
    expect(summaries[0]).toContain('497')
    expect(sink.lines).toHaveLength(4)
  })

  it('starts a new window after a minute, and a quiet window writes nothing', () => {
    const refusals = createRefusalLog(createLogger([sink]), { limit: 2, windowMs: 60_000 })
    refusals.record('wrong-host', 'static')
    vi.advanceTimersByTime(120_000)
    refusals.record('no-session', 'events')
    refusals.record('no-session', 'events')
    refusals.record('no-session', 'events')
    vi.advanceTimersByTime(60_000)
    expect(linesWith('preview.request-refused')).toHaveLength(3)
    expect(linesWith('preview.requests-refused-unlogged')).toHaveLength(1)
    vi.advanceTimersByTime(600_000)
    expect(sink.lines).toHaveLength(4)
  })

  it('writes the pending summary when the server closes', () => {
    const refusals = createRefusalLog(createLogger([sink]), { limit: 1 })
    refusals.record('wrong-launch-secret', 'session')
    refusals.record('wrong-launch-secret', 'session')
    refusals.close()
    expect(linesWith('preview.requests-refused-unlogged')).toHaveLength(1)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('says why and where, in fixed words only', () => {
    const refusals = createRefusalLog(createLogger([sink]))
    refusals.record('missing-preview-header', 'invoke')
    expect(sink.lines[0]).toContain('missing-preview-header')
    expect(sink.lines[0]).toContain('invoke')
  })
})
