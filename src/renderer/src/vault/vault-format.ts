import type { VaultListItem } from '@shared/ipc/schemas/vault'
import type { Translate } from '../i18n/use-t'
import type { VaultStatus } from './vault-status'

// Dates only in the list: when a token stops working, a day is the useful precision.
const DATE_FORMAT = new Intl.DateTimeFormat('en', { dateStyle: 'medium' })
const DATE_TIME_FORMAT = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' })

/** "Jan 15, 2027"; an unreadable date shows as it came (never throws on bad data). */
export const formatDate = (iso: string): string => {
  const time = Date.parse(iso)
  return Number.isNaN(time) ? iso : DATE_FORMAT.format(time)
}

export const formatDateTime = (iso: string): string => {
  const time = Date.parse(iso)
  return Number.isNaN(time) ? iso : DATE_TIME_FORMAT.format(time)
}

/**
 * The system user a record's token belongs to, by name, or by id when the vault never learned the
 * name. For actions on the whole system user (revoke all), which must name exactly what they touch:
 * never the record's own label, which names the token, not its owner.
 */
export const systemUserNameOf = (record: VaultListItem, t: Translate): string =>
  record.systemUserName ??
  (record.systemUserId
    ? t('vault.systemUser.byId', { id: record.systemUserId })
    : t('vault.kind.unnamedSystemUser'))

/** The name a record goes by in lists and headings. */
export const recordName = (record: VaultListItem, t: Translate): string => {
  if (record.label) return record.label
  if (record.systemUserName) return record.systemUserName
  switch (record.kind) {
    case 'admin-user':
      return t('vault.kind.adminUser')
    case 'imported':
      return t('vault.kind.imported')
    case 'system-user':
    case 'admin-system-user':
      return record.systemUserId ?? t('vault.kind.unnamedSystemUser')
  }
}

/** The status in words (WCAG 1.4.1: the icon and colour only repeat what these say). */
export const statusWords = (status: VaultStatus, t: Translate): string => {
  switch (status.kind) {
    case 'valid':
      return t('vault.status.valid')
    case 'expiring':
      return status.daysLeft === 1
        ? t('vault.status.expiring.one')
        : t('vault.status.expiring.other', { days: status.daysLeft })
    case 'expired':
      return t('vault.status.expired')
    case 'revoked':
      return t('vault.status.revoked')
    case 'invalid':
      return t('vault.status.invalid')
    case 'unknown':
      return status.since
        ? t('vault.status.unknown', { date: formatDate(status.since) })
        : t('vault.status.unknownNever')
  }
}

/** Admin tokens reach the whole business; they are shown and copied only after a confirmation. */
export const isAdminToken = (record: VaultListItem): boolean =>
  record.kind === 'admin-user' ||
  record.kind === 'admin-system-user' ||
  record.systemUserRole === 'ADMIN'
