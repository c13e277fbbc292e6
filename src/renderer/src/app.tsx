import { lazy, Suspense, useEffect, type ReactNode } from 'react'
import { AppHeader } from './components/app-header'
import { ErrorNotice } from './components/error-notice'
import { LiveMessage } from './components/live-message'
import { MainNav } from './components/main-nav'
import { MAIN_CONTENT_ID, SkipLink } from './components/skip-link'
import { VersionNotice } from './components/version-notice'
import { useT } from './i18n/use-t'
import type { MessageKey } from './i18n/message-key'
import { useAppStatusStore } from './stores/app-status-store'
import { useNavigationStore, type Home } from './stores/navigation-store'

// Each home is its own chunk, so the first paint loads only the shell (React.lazy needs a
// default export; the modules keep named exports, so map them here).
const FlowHome = lazy(() => import('./flow/flow-home').then((m) => ({ default: m.FlowHome })))
const VaultHome = lazy(() => import('./vault/vault-home').then((m) => ({ default: m.VaultHome })))

const HOME_TITLES: Readonly<Record<Home, MessageKey>> = {
  flow: 'flowHome.title',
  vault: 'vault.title',
}

function CurrentHome(props: { readonly home: Home }): ReactNode {
  switch (props.home) {
    case 'flow':
      return <FlowHome />
    case 'vault':
      return <VaultHome />
  }
}

/** Shown when main could not report its status (the homes still work without it). */
function StatusProblem(): ReactNode {
  const t = useT()
  const status = useAppStatusStore((state) => state.status)
  const retryRequested = useAppStatusStore((state) => state.retryRequested)
  if (status.phase !== 'failed') return null
  return (
    <ErrorNotice
      error={status.error}
      title={t('shell.statusFailedTitle')}
      onRetry={() => void retryRequested()}
    />
  )
}

/** The app shell: skip link, header, main navigation and the current home. */
export function App(): ReactNode {
  const t = useT()
  const home = useNavigationStore((state) => state.home)
  const appStarted = useAppStatusStore((state) => state.appStarted)

  useEffect(() => appStarted(), [appStarted])

  useEffect(() => {
    document.title = t('app.documentTitle', { home: t(HOME_TITLES[home]) })
  }, [home, t])

  return (
    <div className="shell">
      <SkipLink />
      <AppHeader />
      <div className="shell__body">
        <div className="shell__sidebar">
          <MainNav />
        </div>
        <main id={MAIN_CONTENT_ID} className="shell__main" tabIndex={-1}>
          <div className="shell__content">
            <StatusProblem />
            <VersionNotice />
            <Suspense fallback={<LiveMessage message={t('shell.loadingHome')} />}>
              <CurrentHome home={home} />
            </Suspense>
          </div>
        </main>
      </div>
    </div>
  )
}
