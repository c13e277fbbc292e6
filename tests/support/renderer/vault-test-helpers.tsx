import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { VaultListItem } from '@shared/ipc/schemas/vault'
import { makeRecord } from './fake-api'

/**
 * jsdom has <dialog> but not showModal/close (jsdom 29). This adds the two the vault uses, with
 * the `open` attribute as the observable effect, so the dialogs' own code runs unchanged in tests.
 * Chromium's real modal behaviour is exercised in the browser screenshots.
 */
export function installDialogPolyfill(): void {
  const proto = HTMLDialogElement.prototype as HTMLDialogElement & { __vaultPolyfill?: true }
  if (proto.__vaultPolyfill) return
  proto.__vaultPolyfill = true
  proto.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '')
  }
  proto.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open')
    this.dispatchEvent(new Event('close'))
  }
}

const DAY_MS = 24 * 60 * 60 * 1000

/** A fixed "now" for every vault test: 2027-01-01 12:00 UTC. */
export const NOW = Date.parse('2027-01-01T12:00:00.000Z')

const inDays = (days: number): string => new Date(NOW + days * DAY_MS).toISOString()

/** Mixed statuses, as a real vault would hold them (metadata only). */
export function mixedRecords(): VaultListItem[] {
  return [
    makeRecord({ id: 'r-valid', systemUserName: 'Ad reports reader', expiresAt: inDays(40) }),
    makeRecord({
      id: 'r-soon',
      systemUserName: 'Page poster',
      appName: 'Bakery Social',
      scopes: ['pages_manage_posts'],
      expiresAt: inDays(3),
      assets: [
        { id: 'page-1', kind: 'page', name: 'Harbour Lane Bakery Page', tasks: ['CREATE_CONTENT'] },
      ],
    }),
    makeRecord({
      id: 'r-expired',
      businessName: 'North Quay Florists',
      businessId: '200300400',
      systemUserName: 'Catalog sync',
      expiresAt: inDays(-2),
      practice: false,
    }),
    makeRecord({
      id: 'r-revoked',
      systemUserName: 'Old reporter',
      expiresAt: inDays(30),
      lastCheck: { at: inDays(-1), outcome: 'revoked' },
    }),
    makeRecord({
      id: 'r-unknown',
      systemUserName: 'Lead fetcher',
      expiresAt: null,
      lastCheck: { at: '2026-12-20T09:00:00.000Z', outcome: 'unknown' },
    }),
    makeRecord({
      id: 'r-admin',
      kind: 'admin-system-user',
      systemUserName: 'Portfolio admin',
      systemUserRole: 'ADMIN',
      expiresAt: null,
      fingerprint: 'Ad7m',
    }),
  ]
}

/** Opens the Token vault home from the main navigation and waits for the list. */
export async function openVault(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  const nav = screen.getByRole('navigation', { name: 'Main' })
  await user.click(within(nav).getByRole('button', { name: 'Token vault' }))
  // The vault home is a lazy chunk; findBy waits as long as test-setup's asyncUtilTimeout allows.
  await screen.findByRole('heading', { level: 1, name: 'Token vault' })
}

/**
 * Clicks one of the vault's tools ("Print inventory", "Vault settings", …) once the toolbar shows
 * (it appears with the first page). The query is scoped to the toolbar: a role query over the
 * whole list computes the name of every row's buttons, which is what made these tests slow.
 */
export async function openVaultTool(
  user: ReturnType<typeof userEvent.setup>,
  name: string,
): Promise<void> {
  const toolbar = await screen.findByRole('group', { name: 'Vault tools' })
  await user.click(within(toolbar).getByRole('button', { name }))
}

/** Opens one record's details from the list by its row's "Details" button. */
export async function openRecord(
  user: ReturnType<typeof userEvent.setup>,
  name: RegExp,
): Promise<void> {
  await user.click(await screen.findByRole('button', { name }))
  await screen.findByRole('heading', { level: 2, name: /—/ })
}
