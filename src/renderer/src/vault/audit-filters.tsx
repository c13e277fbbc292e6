import type { ReactNode } from 'react'
import { AUDIT_ACTION_NAMES, AUDIT_OUTCOME_NAMES } from '@shared/ipc/schemas/vault-views'
import { useT, useTranslateRuntimeKey } from '../i18n/use-t'
import {
  useVaultAuditStore,
  type AuditActionFilter,
  type AuditOutcomeFilter,
} from '../stores/vault-audit-store'
import '../styles/vault-search.css'

const isAction = (value: string): value is AuditActionFilter =>
  value === 'all' || (AUDIT_ACTION_NAMES as readonly string[]).includes(value)
const isOutcome = (value: string): value is AuditOutcomeFilter =>
  value === 'all' || (AUDIT_OUTCOME_NAMES as readonly string[]).includes(value)

/**
 * The activity log's filters — action, result, from and to (calendar days, both included) — each
 * with a visible label (WCAG 3.3.2). Main filters the whole log, not just the page on screen.
 */
export function AuditFilters(): ReactNode {
  const t = useT()
  const tr = useTranslateRuntimeKey()
  const action = useVaultAuditStore((state) => state.action)
  const outcome = useVaultAuditStore((state) => state.outcome)
  const fromDay = useVaultAuditStore((state) => state.fromDay)
  const toDay = useVaultAuditStore((state) => state.toDay)
  const filterChanged = useVaultAuditStore((state) => state.filterChanged)
  return (
    <div role="search" className="vault-search" aria-label={t('vault.audit.filtersLabel')}>
      <div className="field vault-search__status">
        <label className="field__label" htmlFor="audit-action">
          {t('vault.audit.filter')}
        </label>
        <select
          id="audit-action"
          className="field__input"
          value={action}
          onChange={(event) => {
            if (isAction(event.target.value)) void filterChanged({ action: event.target.value })
          }}
        >
          <option value="all">{t('vault.audit.allActions')}</option>
          {AUDIT_ACTION_NAMES.map((name) => (
            <option key={name} value={name}>
              {tr(`vaultMain.audit.action.${name}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field vault-search__status">
        <label className="field__label" htmlFor="audit-outcome">
          {t('vault.audit.outcomeFilter')}
        </label>
        <select
          id="audit-outcome"
          className="field__input"
          value={outcome}
          onChange={(event) => {
            if (isOutcome(event.target.value)) void filterChanged({ outcome: event.target.value })
          }}
        >
          <option value="all">{t('vault.audit.allOutcomes')}</option>
          {AUDIT_OUTCOME_NAMES.map((name) => (
            <option key={name} value={name}>
              {tr(`vaultMain.audit.outcome.${name}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field vault-search__status">
        <label className="field__label" htmlFor="audit-from">
          {t('vault.audit.from')}
        </label>
        <input
          id="audit-from"
          className="field__input"
          type="date"
          value={fromDay}
          onChange={(event) => void filterChanged({ fromDay: event.target.value })}
        />
      </div>
      <div className="field vault-search__status">
        <label className="field__label" htmlFor="audit-to">
          {t('vault.audit.to')}
        </label>
        <input
          id="audit-to"
          className="field__input"
          type="date"
          value={toDay}
          onChange={(event) => void filterChanged({ toDay: event.target.value })}
        />
      </div>
    </div>
  )
}
