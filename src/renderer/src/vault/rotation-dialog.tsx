import type { ReactNode } from 'react'
import { ErrorNotice } from '../components/error-notice'
import { useT } from '../i18n/use-t'
import type { MessageKey } from '../i18n/message-key'
import { useVaultRecordStore } from '../stores/vault-record-store'
import { useVaultRevealStore } from '../stores/vault-reveal-store'
import { VaultDialog } from './vault-dialog'

const STEPS: readonly MessageKey[] = [
  'vault.rotate.step1',
  'vault.rotate.step2',
  'vault.rotate.step3',
]

/**
 * Guided rotation: 1. generate the new token (saved in the vault at once), 2. the admin puts it
 * into the software and says so, 3. the old token is revoked and the change logged. The old token
 * keeps working until step 3, so nothing breaks while the admin updates the software.
 */
export function RotationDialog(): ReactNode {
  const t = useT()
  const rotation = useVaultRecordStore((state) => state.rotation)
  const activity = useVaultRecordStore((state) => state.activity)
  const error = useVaultRecordStore((state) => state.error)
  const dialogClosed = useVaultRecordStore((state) => state.dialogClosed)
  const rotationStartRequested = useVaultRecordStore((state) => state.rotationStartRequested)
  const rotationConfirmed = useVaultRecordStore((state) => state.rotationConfirmed)
  const copied = useVaultRevealStore((state) => state.copied)
  const copyRequested = useVaultRevealStore((state) => state.copyRequested)
  const current = rotation.step === 'intro' ? 0 : rotation.step === 'generated' ? 1 : 2
  const busy = activity !== 'idle'
  return (
    <VaultDialog labelledBy="rotate-title" describedBy="rotate-body" onCancel={dialogClosed}>
      <h2 id="rotate-title">{t('vault.rotate.title')}</h2>
      <ol className="rotation-steps">
        {STEPS.map((key, index) => (
          <li
            key={key}
            className={
              index === current
                ? 'rotation-steps__item rotation-steps__item--current'
                : 'rotation-steps__item'
            }
            aria-current={index === current ? 'step' : undefined}
          >
            {t(key)}
            {index < current || rotation.step === 'done' ? (
              <span className="visually-hidden"> {t('vault.rotate.stepDone')}</span>
            ) : null}
          </li>
        ))}
      </ol>
      {rotation.step === 'intro' ? (
        <>
          <p id="rotate-body">{t('vault.rotate.introBody')}</p>
          {error ? <ErrorNotice error={error} /> : null}
          <div className="button-row">
            <button
              type="button"
              className="button button--secondary"
              autoFocus
              onClick={dialogClosed}
            >
              {t('vault.dialog.cancel')}
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() => void rotationStartRequested()}
            >
              {t(busy ? 'vault.rotate.generating' : 'vault.rotate.generate')}
            </button>
          </div>
        </>
      ) : null}
      {rotation.step === 'generated' ? (
        <>
          <p id="rotate-body">
            {t('vault.rotate.generatedBody', { fingerprint: rotation.newRecord.fingerprint })}
          </p>
          <p>{t('vault.rotate.generatedHint')}</p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void copyRequested(rotation.newRecord.id)}
          >
            {t('vault.rotate.copyNew')}
          </button>
          <p role="status">
            {copied?.recordId === rotation.newRecord.id
              ? t('vault.secret.copied', { seconds: copied.clearsInSeconds })
              : ''}
          </p>
          {error ? <ErrorNotice error={error} /> : null}
          <div className="button-row">
            <button type="button" className="button button--secondary" onClick={dialogClosed}>
              {t('vault.rotate.later')}
            </button>
            <button
              type="button"
              className="button button--primary"
              autoFocus
              disabled={busy}
              onClick={() => void rotationConfirmed()}
            >
              {t('vault.rotate.updated')}
            </button>
          </div>
        </>
      ) : null}
      {rotation.step === 'done' ? (
        <>
          <p id="rotate-body" role="status">
            {t(rotation.verified ? 'vault.rotate.doneVerified' : 'vault.rotate.doneUnverified')}
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button button--primary"
              autoFocus
              onClick={dialogClosed}
            >
              {t('vault.rotate.close')}
            </button>
          </div>
        </>
      ) : null}
    </VaultDialog>
  )
}
