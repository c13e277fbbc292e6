import type { ReactNode } from 'react'
import { TextField } from '../components/text-field'
import { useT } from '../i18n/use-t'
import { useConnectStore } from '../stores/connect-store'
import { META_LINKS } from './meta-links'
import { useConnectFocus } from './use-connect-focus'

/**
 * The fallback when the login window is no option: a person's token from Graph API Explorer, or
 * the business's admin system user token (issue "Connect"). The box is emptied as soon as the
 * token is sent; main checks it with Meta before storing it in the keychain only.
 */
export function TokenPaste(props: { readonly disabled: boolean }): ReactNode {
  const t = useT()
  const token = useConnectStore((state) => state.token)
  const problem = useConnectStore((state) => state.fieldErrors.token)
  const activity = useConnectStore((state) => state.activity)
  const tokenChanged = useConnectStore((state) => state.tokenChanged)
  const tokenPasteRequested = useConnectStore((state) => state.tokenPasteRequested)
  const linkRequested = useConnectStore((state) => state.linkRequested)
  const tokenRef = useConnectFocus<HTMLInputElement & HTMLTextAreaElement>('token')

  return (
    // Left to the browser: the button that can report a problem is inside, so it is open then.
    <details className="disclosure disclosure--boxed">
      <summary className="disclosure__summary">{t('connect.paste.summary')}</summary>
      <div className="disclosure__body">
        <p>{t('connect.paste.lead')}</p>
        <ul className="plain-list">
          <li>{t('connect.paste.sourceExplorer')}</li>
          <li>{t('connect.paste.sourceSystemUser')}</li>
        </ul>
        <button
          type="button"
          className="button button--link"
          onClick={() => void linkRequested(META_LINKS.graphExplorer)}
        >
          {t('connect.paste.openExplorer')}
        </button>
        <TextField
          id="connect-token"
          label={t('connect.paste.label')}
          value={token}
          onChange={tokenChanged}
          multiline
          hint={t('connect.paste.hint')}
          error={problem ? t(problem) : undefined}
          disabled={props.disabled}
          inputRef={tokenRef}
        />
        <button
          type="button"
          className="button button--secondary"
          disabled={props.disabled}
          onClick={() => void tokenPasteRequested()}
        >
          {activity === 'pasting' ? t('connect.paste.checking') : t('connect.paste.button')}
        </button>
      </div>
    </details>
  )
}
