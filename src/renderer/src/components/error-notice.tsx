import type { ReactNode, Ref } from 'react'
import type { AppError } from '@shared/result'
import { useT, useTranslateRuntimeKey, type Translate } from '../i18n/use-t'
import { WarningIcon } from './icons'

/**
 * How long to wait, in the unit a person thinks in: Meta's throttles often last an hour, and
 * "3600 seconds" reads like a machine talking. From two minutes on (never "1 minutes") in minutes.
 */
function waitText(t: Translate, retryAfterMs: number): string {
  const seconds = Math.ceil(retryAfterMs / 1000)
  // Never "1 seconds": the catalogue has no plural forms, so a second or less is "a moment".
  if (seconds <= 1) return t('shell.error.retryAfterMoment')
  if (seconds < 120) return t('shell.error.retryAfter', { seconds })
  return t('shell.error.retryAfterMinutes', { minutes: Math.ceil(seconds / 60) })
}

/**
 * Meta's own words for end users (error_user_title, error_user_msg), when its answer had them:
 * main redacted them, and they help the admin find the same thing in Meta's screens.
 */
function MetaWords(props: { readonly params: AppError['params'] }): ReactNode {
  const t = useT()
  const title = props.params?.metaTitle
  const detail = props.params?.detail
  if (typeof title !== 'string' && typeof detail !== 'string') return null
  const words = [title, detail].filter((part) => typeof part === 'string').join(': ')
  return <p className="notice__meta">{t('shell.error.metaSays', { words })}</p>
}

/**
 * Shows an AppError the way the admin should read it: the translated explanation, the next step
 * when main gave one, Meta's own words for end users (redacted in main), Meta's trace id for
 * support, and a retry. Never Meta's raw `message` — it may echo input — only i18n keys and those
 * words reach the screen.
 */
export function ErrorNotice({
  ref,
  ...props
}: {
  readonly error: AppError
  readonly title?: string
  readonly onRetry?: () => void
  /** Given when a screen moves focus to the notice after a failure. */
  readonly ref?: Ref<HTMLDivElement>
}): ReactNode {
  const t = useT()
  const tr = useTranslateRuntimeKey()
  const { error } = props
  return (
    <div
      className="notice notice--error"
      role="alert"
      ref={ref}
      // Focusable by script only (never in the Tab order), so a screen can move focus here.
      tabIndex={-1}
    >
      <WarningIcon className="icon notice__icon" />
      <div className="notice__body">
        {props.title ? <p className="notice__title">{props.title}</p> : null}
        <p>{tr(error.messageKey, error.params)}</p>
        {error.hintKey ? <p>{tr(error.hintKey, error.params)}</p> : null}
        <MetaWords params={error.params} />
        {error.retryAfterMs !== undefined ? <p>{waitText(t, error.retryAfterMs)}</p> : null}
        {error.fbtraceId ? (
          <p className="notice__reference">
            {t('shell.error.reference', { fbtraceId: error.fbtraceId })}
          </p>
        ) : null}
        {props.onRetry ? (
          <button type="button" className="button button--secondary" onClick={props.onRetry}>
            {t('shell.error.retry')}
          </button>
        ) : null}
      </div>
    </div>
  )
}
