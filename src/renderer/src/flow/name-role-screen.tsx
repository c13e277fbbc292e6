import type { ReactNode } from 'react'
import { roleKeys, ROLES } from '@shared/catalog'
import { WarningIcon } from '../components/icons'
import { useT, useTranslateRuntimeKey } from '../i18n/use-t'
import { useFlowStore } from '../stores/flow-store'
import { FieldProblem, ScreenActions, ScreenHeading } from './flow-parts'

/**
 * Step 4, "Name it, Create system user". Employee is recommended (Meta: regular system users for
 * most calls, docs/user-research.md §1.2); Admin shows its warning and counts only once the admin
 * ticks the confirmation — and not at all when the business's one admin slot is taken.
 */
export function NameRoleScreen(): ReactNode {
  const t = useT()
  const tr = useTranslateRuntimeKey()
  const draft = useFlowStore((state) => state.draft)
  const problems = useFlowStore((state) => state.problems)
  const overview = useFlowStore((state) => state.overview)
  const nameChanged = useFlowStore((state) => state.nameChanged)
  const roleChosen = useFlowStore((state) => state.roleChosen)
  const adminConfirmationChanged = useFlowStore((state) => state.adminConfirmationChanged)
  const adminTaken = overview.phase === 'loaded' && overview.value.quota.admin.left === 0
  const nameDescribedBy = [problems.name ? 'flow-name-problem' : null, 'flow-name-hint']
    .filter(Boolean)
    .join(' ')
  return (
    <section className="flow-screen" aria-labelledby="flow-screen-name-role">
      <ScreenHeading id="flow-screen-name-role">{t('flow.name.heading')}</ScreenHeading>
      <p className="lead">{t('flow.name.lead')}</p>
      <div className="card flow-form">
        <div className="field">
          <label className="field__label" htmlFor="flow-name">
            {t('flow.name.label')}
          </label>
          <p id="flow-name-hint" className="field__hint">
            {t('flow.name.hint')}
          </p>
          <FieldProblem id="flow-name-problem" messageKey={problems.name} />
          <input
            id="flow-name"
            className={problems.name ? 'field__input field__input--invalid' : 'field__input'}
            value={draft.name}
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={problems.name ? true : undefined}
            aria-describedby={nameDescribedBy}
            onChange={(event) => nameChanged(event.target.value)}
          />
        </div>

        <fieldset
          className="flow-checks"
          aria-describedby={problems.role ? 'flow-role-problem' : undefined}
        >
          <legend className="flow-checks__legend">{t('flow.role.legend')}</legend>
          <FieldProblem id="flow-role-problem" messageKey={problems.role} />
          {ROLES.map((role) => {
            const id = `flow-role-${role}`
            const disabled = role === 'ADMIN' && adminTaken
            return (
              <div key={role} className="flow-check">
                <input
                  id={id}
                  type="radio"
                  name="flow-role"
                  checked={draft.role === role}
                  disabled={disabled}
                  aria-describedby={`${id}-explanation`}
                  onChange={() => roleChosen(role)}
                />
                <label htmlFor={id}>
                  {tr(roleKeys(role).labelKey)}
                  {role === 'EMPLOYEE' ? (
                    <span className="flow-recommended-tag">{t('flow.role.recommended')}</span>
                  ) : null}
                </label>
                <p id={`${id}-explanation`} className="flow-check__explanation">
                  {tr(roleKeys(role).explanationKey)}
                  {disabled ? ` ${t('flow.role.adminTaken')}` : ''}
                </p>
              </div>
            )
          })}
        </fieldset>

        {draft.role === 'ADMIN' ? (
          <div className="notice notice--warning" role="alert">
            <WarningIcon className="icon notice__icon" />
            <div className="notice__body">
              <p>{tr(roleKeys('ADMIN').warningKey)}</p>
              <div className="flow-check">
                <input
                  id="flow-admin-confirm"
                  type="checkbox"
                  checked={draft.adminConfirmed}
                  onChange={(event) => adminConfirmationChanged(event.target.checked)}
                />
                <label htmlFor="flow-admin-confirm">{t('flow.role.adminConfirm')}</label>
              </div>
            </div>
          </div>
        ) : null}
      </div>
      <ScreenActions />
    </section>
  )
}
