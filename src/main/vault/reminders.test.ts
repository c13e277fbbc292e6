import { afterEach, describe, expect, it } from 'vitest'
import { addRecord, createKit, noSession, type VaultKit } from '../../../tests/support/node/vault-kit'

/** Expiry reminders at 14, 7 and 1 days: in-app, as OS notifications, each once across restarts. */
let kit: VaultKit | undefined
afterEach(async () => {
  await kit?.close()
  kit = undefined
})

const DAY = 24 * 60 * 60 * 1000

describe('expiry reminders', () => {
  it('notifies at 14, 7 and 1 days, once each, and lists what expires soon', async () => {
    kit = createKit({ session: noSession })
    // Ten minutes off the hourly poll's grid, so the call below (not the poll) finds the reminder.
    const expiresAt = new Date(kit.timers.now() + 20 * DAY + 10 * 60 * 1000).toISOString()
    await addRecord(kit, { id: 'r1', expiresAt })
    await addRecord(kit, { id: 'never', expiresAt: null })

    const early = await kit.call('vault:reminders', {})
    expect(early.ok && early.value.due).toEqual([])
    expect(early.ok && early.value.timeline.never).toEqual(['never'])

    kit.timers.advance(6 * DAY + 10 * 60 * 1000 - 1) // 1 ms before 14 days left
    expect(kit.notifications.shown).toHaveLength(0)
    const first = await kit.call('vault:reminders', {})
    expect(first.ok && first.value.due).toEqual([])
    kit.timers.advance(1) // exactly 14 days left
    const due = await kit.call('vault:reminders', {})
    expect(due.ok && due.value.due.map((r) => r.daysLeft)).toEqual([14])
    expect(due.ok && due.value.expiringSoon).toEqual(['r1'])
    // The "expiring soon" panel gets the record itself, with its status, and only that one.
    expect(due.ok && due.value.attention.map((r) => [r.id, r.status])).toEqual([
      ['r1', { state: 'expiring', daysLeft: 14 }],
    ])
    const again = await kit.call('vault:reminders', {})
    expect(again.ok && again.value.due).toEqual([])
    expect(kit.notifications.shown).toHaveLength(1)

    kit.timers.advance(7 * DAY + 60 * 60 * 1000) // past 7 days left: the hourly poll shows it
    expect(kit.notifications.shown.map((n) => n.params?.days)).toEqual([14, 7])
    kit.timers.advance(6 * DAY)
    expect(kit.notifications.shown.map((n) => n.bodyKey).at(-1)).toBe(
      'vaultMain.expiry.reminderTomorrow',
    )
    expect(kit.notifications.shown).toHaveLength(3)
  })
})
