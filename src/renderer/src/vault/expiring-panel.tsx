import type { ReactNode } from 'react'
import { useT, useTranslateRuntimeKey } from '../i18n/use-t'
import { useVaultViewStore } from '../stores/vault-view-store'
import type { Reminders } from '../stores/vault-list-store'
import { StatusBadge } from './status-badge'
import { recordName } from './vault-format'
import { vaultStatus } from './vault-status'

/**
 * "Expiring soon", shown each time the vault opens (KeePassXC lists expired entries on unlock;
 * docs/user-research.md §4): every token that stops working within 14 days or already has,
 * most urgent first, each one step away from its details. Main's due reminders (14, 7, 1 days)
 * are read out once in the same place. Main picks the records (reminders' `attention`), so the
 * panel works whatever page of the list is on screen.
 */
export function ExpiringPanel(props: {
  readonly reminders: Reminders | null
  readonly now: number
}): ReactNode {
  const t = useT()
  const tr = useTranslateRuntimeKey()
  const recordOpened = useVaultViewStore((state) => state.recordOpened)
  const soon = props.reminders?.attention ?? []
  const due = props.reminders?.due ?? []
  return (
    <section className="card expiring-panel" aria-labelledby="vault-soon-heading">
      <h2 id="vault-soon-heading">{t('vault.soon.heading')}</h2>
      {due.length > 0 ? (
        <ul className="expiring-panel__reminders">
          {due.map((reminder) => (
            <li key={`${reminder.recordId}-${reminder.daysLeft}`}>
              {tr(reminder.messageKey, reminder.params)}
            </li>
          ))}
        </ul>
      ) : null}
      {soon.length === 0 ? (
        <p className="expiring-panel__calm">{t('vault.soon.none')}</p>
      ) : (
        <>
          <p className="section-intro">{t('vault.soon.intro')}</p>
          <ul className="expiring-panel__list">
            {soon.map((record) => (
              <li key={record.id} className="expiring-panel__item">
                <StatusBadge status={vaultStatus(record, props.now)} />
                <button
                  type="button"
                  className="button button--link"
                  onClick={() => recordOpened(record.id)}
                >
                  {recordName(record, t)} — {record.businessName}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
