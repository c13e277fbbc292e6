import { describe, expect, it } from 'vitest'
import { migrateConnection } from './migrations'

describe('migrateConnection', () => {
  const rest = { appId: '123456789012345', userId: '42', userName: 'Ada' }

  it('reads an older summary’s `target` as `mode`, keeping every other field', () => {
    expect(migrateConnection({ target: 'real', ...rest })).toStrictEqual({ mode: 'real', ...rest })
    expect(migrateConnection({ target: 'practice', ...rest })).toStrictEqual({
      mode: 'practice',
      ...rest,
    })
  })

  it('leaves a summary in today’s shape, and anything that is not a summary, as it is', () => {
    const current = { mode: 'real', ...rest }
    expect(migrateConnection(current)).toBe(current)
    // Both names is no shape any version wrote: left for the schema to refuse.
    const both = { mode: 'real', target: 'practice', ...rest }
    expect(migrateConnection(both)).toBe(both)
    for (const other of [null, undefined, 'real', 7, ['target']]) {
      expect(migrateConnection(other)).toBe(other)
    }
  })
})
