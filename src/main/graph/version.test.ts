import { describe, expect, it } from 'vitest'
import { DEFAULT_GRAPH_VERSION } from '../practice/simulator'
import { daysUntilVersionRetires, GRAPH_API, VERSION_WARNING_DAYS } from './version'

const at = (iso: string) => Date.parse(iso)

describe('the pinned Graph API version', () => {
  it('is the one the simulator speaks by default', () => {
    expect(DEFAULT_GRAPH_VERSION).toBe(GRAPH_API.version)
  })

  it('is quiet until 90 days before it may retire, then counts down to 0', () => {
    expect(daysUntilVersionRetires(at('2026-12-08T12:00:00Z'))).toBeNull()
    expect(daysUntilVersionRetires(at('2028-08-05T00:00:00Z'))).toBeNull()
    expect(daysUntilVersionRetires(at('2028-08-06T00:00:00Z'))).toBe(VERSION_WARNING_DAYS)
    expect(daysUntilVersionRetires(at('2028-11-03T00:00:01Z'))).toBe(1)
    expect(daysUntilVersionRetires(at('2028-11-04T00:00:00Z'))).toBe(0)
    expect(daysUntilVersionRetires(at('2029-03-01T00:00:00Z'))).toBe(0)
  })

  it('retires no earlier than two years after its release', () => {
    const released = new Date(`${GRAPH_API.released}T00:00:00Z`)
    released.setUTCFullYear(released.getUTCFullYear() + 2)
    expect(GRAPH_API.retiresNotBefore).toBe(released.toISOString().slice(0, 10))
  })
})
