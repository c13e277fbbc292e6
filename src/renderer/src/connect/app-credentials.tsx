import { useState, type ReactNode } from 'react'
import { TextField } from '../components/text-field'
import { useT } from '../i18n/use-t'
import type { MessageKey } from '../i18n/message-key'
import { useConnectStore } from '../stores/connect-store'
import { META_LINKS } from './meta-links'
import { useConnectFocus } from './use-connect-focus'

/**
 * "Where do I find this?": a native disclosure (keyboard and screen-reader support for free) with
 * the place on Meta's App Dashboard and a button that opens it in the system browser.
 */
const WHERE_TO_FIND: Readonly<Record<'appId' | 'appSecret', MessageKey>> = {
  appId: 'connect.app.idWhere',
  appSecret: 'connect.app.secretWhere',
}

function WhereToFind(props: { readonly field: keyof typeof WHERE_TO_FIND }): ReactNode {
  const t = useT()
  const linkRequested = useConnectStore((state) => state.linkRequested)
  return (
    <details className="disclosure">
      <summary className="disclosure__summary">{t('connect.app.where')}</summary>
      <div className="disclosure__body">
        <p>{t(WHERE_TO_FIND[props.field])}</p>
        <button
          type="button"
          className="button button--link"
          onClick={() => void linkRequested(META_LINKS.appDashboard)}
        >
          {t('connect.app.openDashboard')}
        </button>
      </div>
    </details>
  )
}

/**
 * The real business's app: its ID and secret (Meta: "You must own a Facebook app that's
 * associated with your business portfolio to add system users"). Practice needs neither — main
 * uses the simulator's app.
 */
export function AppCredentials(props: { readonly disabled: boolean }): ReactNode {
  const t = useT()
  const appId = useConnectStore((state) => state.appId)
  const appSecret = useConnectStore((state) => state.appSecret)
  const errors = useConnectStore((state) => state.fieldErrors)
  const appIdChanged = useConnectStore((state) => state.appIdChanged)
  const appSecretChanged = useConnectStore((state) => state.appSecretChanged)
  // Whether the secret is shown is a view choice, not data: it stays in the component.
  const [secretVisible, setSecretVisible] = useState(false)
  const appIdRef = useConnectFocus<HTMLInputElement & HTMLTextAreaElement>('appId')
  const appSecretRef = useConnectFocus<HTMLInputElement & HTMLTextAreaElement>('appSecret')

  return (
    <fieldset className="form-group" disabled={props.disabled}>
      <legend className="form-group__legend">{t('connect.app.heading')}</legend>
      <p className="form-group__lead">{t('connect.app.lead')}</p>
      <TextField
        id="connect-app-id"
        label={t('connect.app.idLabel')}
        value={appId}
        onChange={appIdChanged}
        inputMode="numeric"
        error={errors.appId ? t(errors.appId) : undefined}
        inputRef={appIdRef}
      >
        <WhereToFind field="appId" />
      </TextField>
      <TextField
        id="connect-app-secret"
        label={t('connect.app.secretLabel')}
        value={appSecret}
        onChange={appSecretChanged}
        type={secretVisible ? 'text' : 'password'}
        hint={t('connect.app.secretKept')}
        error={errors.appSecret ? t(errors.appSecret) : undefined}
        inputRef={appSecretRef}
        adornment={
          <button
            type="button"
            className="button button--secondary field__toggle"
            aria-controls="connect-app-secret"
            onClick={() => setSecretVisible((visible) => !visible)}
          >
            {t(secretVisible ? 'connect.app.hide' : 'connect.app.show')}{' '}
            <span className="visually-hidden">{t('connect.app.secretName')}</span>
          </button>
        }
      >
        <WhereToFind field="appSecret" />
      </TextField>
    </fieldset>
  )
}
