import { useEffect, useRef, type ReactNode } from 'react'
import { WarningIcon } from '../components/icons'
import { useT, useTranslateRuntimeKey } from '../i18n/use-t'
import type { MessageKey } from '../i18n/message-key'
import type { PlanWarning } from '@shared/catalog'
import { useAppStatusStore } from '../stores/app-status-store'
import { useFlowStore } from '../stores/flow-store'

/**
 * A screen's <h1>. Each screen mounts afresh, and its heading takes focus when it does, so a
 * screen reader announces the new screen and the next Tab starts at its content (WCAG 2.4.3).
 */
export function ScreenHeading(props: {
  readonly id: string
  readonly children: ReactNode
}): ReactNode {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    ref.current?.focus()
  }, [])
  return (
    <h1 ref={ref} id={props.id} tabIndex={-1} className="home-heading">
      {props.children}
    </h1>
  )
}

/** A problem tied to a field: shown in words with an icon (not colour alone), next to the field. */
export function FieldProblem(props: {
  readonly id: string
  readonly messageKey?: MessageKey
}): ReactNode {
  const t = useT()
  if (!props.messageKey) return null
  return (
    <p id={props.id} className="field__error">
      <WarningIcon />
      <span>{t(props.messageKey)}</span>
    </p>
  )
}

/** The catalog's warnings about a plan (broad tasks, broad permissions, admin role), in words. */
export function PlanWarnings(props: { readonly warnings: readonly PlanWarning[] }): ReactNode {
  const t = useT()
  const tr = useTranslateRuntimeKey()
  const shown = props.warnings
  if (shown.length === 0) return null
  return (
    <div className="notice notice--warning" role="note" aria-labelledby="flow-warnings-title">
      <WarningIcon className="icon notice__icon" />
      <div className="notice__body">
        <p id="flow-warnings-title" className="notice__title">
          {t('flow.warnings.heading')}
        </p>
        <ul className="flow-list">
          {shown.map((warning, index) => (
            <li key={`${warning.code}-${index}`}>{tr(warning.messageKey, warning.params)}</li>
          ))}
        </ul>
      </div>
    </div>
  )
}

/** Back, Continue (or another primary action) and Leave, in the same place on every form screen. */
export function ScreenActions(props: {
  readonly primary?: ReactNode
  readonly hideBack?: boolean
}): ReactNode {
  const t = useT()
  const continueRequested = useFlowStore((state) => state.continueRequested)
  const backRequested = useFlowStore((state) => state.backRequested)
  const leaveRequested = useFlowStore((state) => state.leaveRequested)
  return (
    <div className="flow-actions">
      {props.hideBack ? null : (
        <button type="button" className="button button--secondary" onClick={backRequested}>
          {t('flow.back')}
        </button>
      )}
      {props.primary ?? (
        <button type="button" className="button button--primary" onClick={continueRequested}>
          {t('flow.continue')}
        </button>
      )}
      <button type="button" className="button button--quiet" onClick={leaveRequested}>
        {t('flow.leave')}
      </button>
    </div>
  )
}

/** The connected app's name (or id), which the token will be for. */
export function useConnectedAppName(): string {
  const status = useAppStatusStore((state) => state.status)
  const connection = status.phase === 'loaded' ? status.value.connection : null
  return connection ? (connection.appName ?? connection.appId) : ''
}

/** True in practice mode, where nothing changes at Meta (docs/architecture.md › Practice mode). */
export function usePractice(): boolean {
  const status = useAppStatusStore((state) => state.status)
  return status.phase === 'loaded' && status.value.mode === 'practice'
}
