import type { ReactNode } from 'react'
import type { GrantDifference } from '@shared/ipc/schemas/flow'
import { ErrorNotice } from '../components/error-notice'
import { CheckIcon, InfoIcon, WarningIcon } from '../components/icons'
import { LiveMessage } from '../components/live-message'
import { useT, useTranslateRuntimeKey } from '../i18n/use-t'
import { useFlowStore } from '../stores/flow-store'
import { useNavigationStore } from '../stores/navigation-store'
import { ScreenHeading } from './flow-parts'
import { kindName, readableDate, taskLabels } from './flow-words'

/**
 * Step 8, "Copy and save your token": the token is already in the keychain (main saved and read
 * it back before marking the run done). The renderer never receives it: Copy asks main to put it
 * on the clipboard (vault:secret-copy), which clears itself; the admin token needs the vault's
 * own confirmation, so that case points to the vault. Shows what Meta actually granted, differences in words.
 */
export function DoneScreen(): ReactNode {
  const t = useT()
  const run = useFlowStore((state) => state.run)
  const copy = useFlowStore((state) => state.copy)
  const copyRequested = useFlowStore((state) => state.copyRequested)
  const addRequested = useFlowStore((state) => state.addRequested)
  const leaveRequested = useFlowStore((state) => state.leaveRequested)
  const homeChosen = useNavigationStore((state) => state.homeChosen)
  if (!run) return null
  return (
    <section className="flow-screen" aria-labelledby="flow-screen-done">
      <ScreenHeading id="flow-screen-done">{t('flow.done.heading')}</ScreenHeading>
      <p className="flow-success">
        <CheckIcon />
        <span>{t('flow.done.lead', { name: run.name })}</span>
      </p>
      <dl className="card flow-facts">
        {run.fingerprint ? (
          <div>
            <dt className="visually-hidden">{t('flow.done.fingerprintTerm')}</dt>
            <dd>{t('flow.done.fingerprint', { fingerprint: run.fingerprint })}</dd>
          </div>
        ) : null}
        <div>
          <dt className="visually-hidden">{t('flow.token.expiry.legend')}</dt>
          <dd>
            {run.tokenExpiresAt
              ? t('flow.done.expires', { date: readableDate(run.tokenExpiresAt) })
              : t('flow.done.never')}
          </dd>
        </div>
      </dl>
      {run.adopted ? (
        <p className="flow-info">
          <InfoIcon />
          <span>{t('flow.done.adopted')}</span>
        </p>
      ) : null}
      <Granted differences={run.differences} />
      <LiveMessage
        message={
          copy?.outcome === 'copied'
            ? t('flow.done.copied', { seconds: copy.clearsInSeconds })
            : copy?.outcome === 'use-vault'
              ? t('flow.done.useVault')
              : ''
        }
      />
      {copy?.outcome === 'failed' ? (
        <ErrorNotice error={copy.error} title={t('flow.done.copyFailedTitle')} />
      ) : null}
      <div className="flow-actions">
        {run.vaultRecordId ? (
          <button
            type="button"
            className="button button--primary"
            onClick={() => void copyRequested()}
          >
            {t('flow.done.copy')}
          </button>
        ) : null}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => homeChosen('vault')}
        >
          {t('flow.done.vault')}
        </button>
        {/* A summary for the admin's records: the page holds no token, so it can be printed or
            saved as PDF as it is (the print styles hide the app around it). */}
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          {t('flow.done.print')}
        </button>
        <button type="button" className="button button--secondary" onClick={addRequested}>
          {t('flow.done.another')}
        </button>
        <button type="button" className="button button--quiet" onClick={leaveRequested}>
          {t('flow.done.overview')}
        </button>
      </div>
    </section>
  )
}

/** The read-back: what Meta granted compared with what was asked (extra tasks are allowed). */
function Granted(props: { readonly differences: readonly GrantDifference[] }): ReactNode {
  const t = useT()
  const tr = useTranslateRuntimeKey()
  // Names come from what the admin picked; a run resumed after a restart may only know the id.
  const chosen = useFlowStore((state) => state.draft.assets)
  return (
    <section className="card" aria-labelledby="flow-granted-heading">
      <h2 id="flow-granted-heading">{t('flow.done.granted.heading')}</h2>
      {props.differences.length === 0 ? (
        <p className="flow-success">
          <CheckIcon />
          <span>{t('flow.done.granted.same')}</span>
        </p>
      ) : (
        <ul className="flow-list">
          {props.differences.map((difference) => {
            const picked = chosen[difference.kind]?.[difference.assetId]
            const base = {
              kind: kindName(tr, difference.kind),
              asset: picked?.name ?? difference.assetId,
            }
            return (
              <li key={`${difference.kind}-${difference.assetId}`}>
                {difference.missing.length > 0 ? (
                  <p className="flow-inline-warning">
                    <WarningIcon />
                    <span>
                      {t('flow.done.granted.missing', {
                        ...base,
                        tasks: taskLabels(tr, difference.kind, difference.missing),
                      })}
                    </span>
                  </p>
                ) : null}
                {difference.extra.length > 0 ? (
                  <p>
                    {t('flow.done.granted.extra', {
                      ...base,
                      tasks: taskLabels(tr, difference.kind, difference.extra),
                    })}
                  </p>
                ) : null}
                {difference.extraBroad.length > 0 ? (
                  <p className="flow-inline-warning">
                    <WarningIcon />
                    <span>
                      {t('flow.done.granted.extraBroad', {
                        tasks: taskLabels(tr, difference.kind, difference.extraBroad),
                      })}
                    </span>
                  </p>
                ) : null}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
