import { describe, expect, it } from 'vitest'
import { en, messageGroups } from './en'
import { translate } from './translate'

describe('the English catalogue', () => {
  it('defines every key exactly once across the message groups', () => {
    const seen = new Map<string, number>()
    messageGroups.forEach((group) => {
      for (const key of Object.keys(group)) seen.set(key, (seen.get(key) ?? 0) + 1)
    })
    const duplicates = [...seen].filter(([, count]) => count > 1).map(([key]) => key)
    expect(duplicates).toEqual([])
    expect(Object.keys(en)).toHaveLength(seen.size)
  })

  it('has no empty message', () => {
    expect(Object.entries(en).filter(([, text]) => text.trim() === '')).toEqual([])
  })
})

describe('translate', () => {
  const messages = { greet: 'Hello {name}, you have {count} tokens', plain: 'Plain' }

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate(messages, 'greet', { name: 'Ada', count: 2 })).toBe(
      'Hello Ada, you have 2 tokens',
    )
    expect(translate(messages, 'greet', { name: 'Ada' })).toBe('Hello Ada, you have {count} tokens')
  })

  it('shows the key itself when a message is missing, so gaps are visible', () => {
    expect(translate(messages, 'missing.key')).toBe('missing.key')
  })

  it('does not read inherited properties as messages', () => {
    expect(translate(messages, 'toString')).toBe('toString')
    expect(
      translate(
        messages,
        'greet',
        JSON.parse('{"__proto__":{"name":"x"}}') as Record<string, string>,
      ),
    ).toBe('Hello {name}, you have {count} tokens')
  })
})
