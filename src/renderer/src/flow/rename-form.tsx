import type { ReactNode } from 'react'
import { ErrorNotice } from '../components/error-notice'
import { useT } from '../i18n/use-t'
import { useFlowStore } from '../stores/flow-store'
import { FieldProblem } from './flow-parts'

/**
 * Renaming a system user (Meta allows it: POST /{system-user} with `name`). The same name rules as
 * step 4 are checked here first, so Meta is asked only for a name that can work.
 */
export function RenameForm(): ReactNode {
  const t = useT()
  const rename = useFlowStore((state) => state.rename)
  const renameChanged = useFlowStore((state) => state.renameChanged)
  const renameCancelled = useFlowStore((state) => state.renameCancelled)
  const renameConfirmed = useFlowStore((state) => state.renameConfirmed)
  if (!rename) return null
  const inputId = `flow-rename-${rename.systemUserId}`
  return (
    <form
      className="flow-rename"
      onSubmit={(event) => {
        event.preventDefault()
        void renameConfirmed()
      }}
    >
      <div className="field">
        <label className="field__label" htmlFor={inputId}>
          {t('flow.overview.rename.label')}
        </label>
        <FieldProblem id={`${inputId}-problem`} messageKey={rename.problem ?? undefined} />
        <input
          id={inputId}
          className={rename.problem ? 'field__input field__input--invalid' : 'field__input'}
          value={rename.name}
          autoComplete="off"
          spellCheck={false}
          // The field takes focus when the rename opens, where the admin's attention already is.
          autoFocus
          aria-invalid={rename.problem ? true : undefined}
          aria-describedby={rename.problem ? `${inputId}-problem` : undefined}
          onChange={(event) => renameChanged(event.target.value)}
        />
      </div>
      {rename.error ? (
        <ErrorNotice error={rename.error} title={t('flow.overview.rename.failedTitle')} />
      ) : null}
      <div className="flow-actions">
        <button type="submit" className="button button--primary" disabled={rename.saving}>
          {t('flow.overview.rename.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={renameCancelled}>
          {t('flow.overview.rename.cancel')}
        </button>
      </div>
    </form>
  )
}
