import { describe, expect, it } from 'vitest'
import { diffGranted } from './plan'

describe('diffGranted', () => {
  it('passes an exact grant with nothing extra', () => {
    expect(diffGranted({ kind: 'ad-account', tasks: ['ANALYZE'] }, ['ANALYZE'])).toEqual({
      granted: true,
      missing: [],
      extra: [],
      extraBroad: [],
    })
  })

  it('passes when Meta grants more than asked, and lists the extras', () => {
    const diff = diffGranted({ kind: 'ad-account', tasks: ['ADVERTISE', 'ANALYZE'] }, [
      'ANALYZE',
      'DRAFT',
      'ADVERTISE',
    ])
    expect(diff).toEqual({ granted: true, missing: [], extra: ['DRAFT'], extraBroad: [] })
  })

  it('points out a broad task Meta added on its own', () => {
    const diff = diffGranted({ kind: 'product-catalog', tasks: ['ADVERTISE'] }, [
      'ADVERTISE',
      'MANAGE',
    ])
    expect(diff.granted).toBe(true)
    expect(diff.extraBroad).toEqual(['MANAGE'])
  })

  it('fails when a requested task is missing, naming it', () => {
    const diff = diffGranted({ kind: 'page', tasks: ['MESSAGING', 'ANALYZE'] }, ['ANALYZE'])
    expect(diff).toEqual({ granted: false, missing: ['MESSAGING'], extra: [], extraBroad: [] })
    expect(diffGranted({ kind: 'pixel', tasks: ['UPLOAD'] }, []).missing).toEqual(['UPLOAD'])
  })

  it('matches Page tasks across the two vocabularies', () => {
    expect(diffGranted({ kind: 'page', tasks: ['CREATE_CONTENT'] }, ['CONTENT'])).toEqual({
      granted: true,
      missing: [],
      extra: [],
      extraBroad: [],
    })
    const diff = diffGranted({ kind: 'page', tasks: ['MESSAGES'] }, ['MESSAGING', 'MANAGE'])
    expect(diff).toEqual({ granted: true, missing: [], extra: ['MANAGE'], extraBroad: ['MANAGE'] })
  })

  it('does not confuse same-named tasks of different kinds', () => {
    // MANAGE is broad on a catalog but the granted list is for a WhatsApp account here.
    const diff = diffGranted({ kind: 'whatsapp-business-account', tasks: ['MESSAGING'] }, [
      'MESSAGING',
      'VIEW_TEMPLATES',
    ])
    expect(diff).toEqual({ granted: true, missing: [], extra: ['VIEW_TEMPLATES'], extraBroad: [] })
  })

  it('accepts the five-for-one expansion seen on Instagram assets (docs/graph-api.md §3)', () => {
    const diff = diffGranted({ kind: 'instagram-account', tasks: ['MESSAGES'] }, [
      'ADVERTISE',
      'ANALYZE',
      'COMMUNITY_ACTIVITY',
      'CONTENT',
      'MESSAGES',
      'MESSAGES',
    ])
    expect(diff.granted).toBe(true)
    expect(diff.extra).toEqual(['ADVERTISE', 'ANALYZE', 'COMMUNITY_ACTIVITY', 'CONTENT'])
  })
})
