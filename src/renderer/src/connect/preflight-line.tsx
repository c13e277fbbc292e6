import type { ReactNode } from 'react'
import type { PreflightLine } from '@shared/ipc/schemas/connect'
import { CheckIcon, InfoIcon, WarningIcon } from '../components/icons'
import { useT, useTranslateRuntimeKey } from '../i18n/use-t'
import { useConnectStore } from '../stores/connect-store'
import { PREFLIGHT_STATUS_KEYS } from './connect-words'

const STATUS_ICONS = { pass: CheckIcon, fail: WarningIcon, warn: InfoIcon } as const

/**
 * One check of the readiness report: an icon AND a word for its status (never colour alone —
 * WCAG 1.4.1), what was checked, what Meta said, and for a red or amber line what to do with a
 * button to the Meta page where it is done. Main sends i18n keys and allowlisted Meta URLs only.
 */
export function PreflightLineItem(props: { readonly line: PreflightLine }): ReactNode {
  const t = useT()
  const tr = useTranslateRuntimeKey()
  const linkRequested = useConnectStore((state) => state.linkRequested)
  const { line } = props
  const { fixUrl } = line
  const Icon = STATUS_ICONS[line.status]
  const titleId = `preflight-${line.check}-title`
  const showFix = line.status !== 'pass' && (line.fixKey !== undefined || line.fixUrl !== undefined)
  return (
    <li className={`check check--${line.status}`}>
      <p className="check__status">
        <Icon className="icon check__icon" />
        <span>{t(PREFLIGHT_STATUS_KEYS[line.status])}</span>
      </p>
      <div className="check__body">
        <h3 id={titleId} className="check__title">
          {tr(line.titleKey, line.params)}
        </h3>
        <p className="check__detail">{tr(line.detailKey, line.params)}</p>
        {showFix ? (
          <div className="check__fix">
            {line.fixKey ? (
              <p>
                <strong>{t('connect.preflight.fixLabel')}</strong> {tr(line.fixKey, line.params)}
              </p>
            ) : null}
            {fixUrl ? (
              <button
                type="button"
                className="button button--secondary"
                aria-describedby={titleId}
                onClick={() => void linkRequested(fixUrl)}
              >
                {t('connect.preflight.openFix')}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
    </li>
  )
}
