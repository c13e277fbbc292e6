import type { ReactNode } from 'react'
import { roleKeys } from '@shared/catalog'
import type { FlowOverview, SystemUserOverview } from '@shared/ipc/schemas/flow'
import { ErrorNotice } from '../components/error-notice'
import { InfoIcon } from '../components/icons'
import { LiveMessage } from '../components/live-message'
import { SearchField } from '../components/search-field'
import { useT, useTranslateRuntimeKey } from '../i18n/use-t'
import { useFlowStore } from '../stores/flow-store'
import { ScreenHeading } from './flow-parts'
import { filterSystemUsers, kindName } from './flow-words'
import { RenameForm } from './rename-form'

/** Step 2, "Users › System users": who exists, what each reaches, and how many can still be added. */
export function OverviewScreen(): ReactNode {
  const t = useT()
  const overview = useFlowStore((state) => state.overview)
  const overviewRequested = useFlowStore((state) => state.overviewRequested)
  const addRequested = useFlowStore((state) => state.addRequested)
  const business = overview.phase === 'loaded' ? overview.value.businessName : ''
  return (
    <section className="flow-screen" aria-labelledby="flow-screen-overview">
      <ScreenHeading id="flow-screen-overview">{t('flow.overview.heading')}</ScreenHeading>
      {overview.phase === 'loaded' ? (
        <p className="lead">{t('flow.overview.lead', { business })}</p>
      ) : null}
      <LiveMessage message={overview.phase === 'loading' ? t('flow.overview.loading') : ''} />
      {overview.phase === 'failed' ? (
        <ErrorNotice
          error={overview.error}
          title={t('flow.overview.failedTitle')}
          onRetry={() => void overviewRequested()}
        />
      ) : null}
      {overview.phase === 'loaded' ? <OverviewBody overview={overview.value} /> : null}
      <div className="flow-actions">
        <button type="button" className="button button--primary" onClick={addRequested}>
          {t('flow.overview.add')}
        </button>
      </div>
    </section>
  )
}

function OverviewBody(props: { readonly overview: FlowOverview }): ReactNode {
  const t = useT()
  const query = useFlowStore((state) => state.overviewQuery)
  const overviewSearched = useFlowStore((state) => state.overviewSearched)
  const linkRequested = useFlowStore((state) => state.linkRequested)
  const { overview } = props
  const { regular, admin } = overview.quota
  const shown = filterSystemUsers(overview.systemUsers, query)
  return (
    <>
      <section className="card flow-quota" aria-labelledby="flow-quota-heading">
        <h2 id="flow-quota-heading">{t('flow.overview.quota.heading')}</h2>
        <p>
          {regular.limit === null || regular.left === null
            ? t('flow.overview.quota.regularUnknown', { used: regular.used })
            : t('flow.overview.quota.regular', {
                used: regular.used,
                left: regular.left,
                limit: regular.limit,
              })}
        </p>
        <p>{t('flow.overview.quota.admin', { used: admin.used, limit: admin.limit ?? 1 })}</p>
        {regular.left === 0 ? (
          <p className="flow-inline-warning">{t('flow.overview.quota.full')}</p>
        ) : null}
      </section>

      {overview.systemUsers.length === 0 ? (
        <p className="flow-muted">{t('flow.overview.empty')}</p>
      ) : (
        <section aria-label={t('flow.overview.heading')} className="flow-users">
          <SearchField
            id="flow-user-search"
            label={t('flow.overview.search.label')}
            hint={t('flow.overview.search.hint')}
            value={query}
            onChange={overviewSearched}
            status={
              shown.length === 0
                ? t('flow.overview.noMatch', { query: query.trim() })
                : t('flow.overview.count', {
                    shown: shown.length,
                    total: overview.systemUsers.length,
                  })
            }
          />
          <ul className="flow-user-list">
            {shown.map((user) => (
              <SystemUserCard key={user.id} user={user} />
            ))}
          </ul>
        </section>
      )}

      <section className="notice notice--info" aria-labelledby="flow-delete-title">
        <InfoIcon className="icon notice__icon" />
        <div className="notice__body">
          <h2 id="flow-delete-title" className="notice__title">
            {t('flow.overview.delete.title')}
          </h2>
          <p>{t('flow.overview.delete.body')}</p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void linkRequested(overview.deleteHelpUrl)}
          >
            {t('flow.overview.delete.link')}
          </button>
        </div>
      </section>
    </>
  )
}

function SystemUserCard(props: { readonly user: SystemUserOverview }): ReactNode {
  const t = useT()
  const tr = useTranslateRuntimeKey()
  const rename = useFlowStore((state) => state.rename)
  const renameStarted = useFlowStore((state) => state.renameStarted)
  const { user } = props
  const roleLabel =
    user.role === 'ADMIN' || user.role === 'EMPLOYEE' ? tr(roleKeys(user.role).labelKey) : user.role
  const assigned = user.assets.filter((group) => group.assets.length > 0 || !group.readable)
  const headingId = `flow-user-${user.id}`
  return (
    <li className="card flow-user" aria-labelledby={headingId}>
      <div className="flow-user__head">
        <h2 id={headingId} className="flow-user__name">
          {user.name}
        </h2>
        <span className="tag">{t('flow.overview.role', { role: roleLabel })}</span>
      </div>
      {rename?.systemUserId === user.id ? (
        <RenameForm />
      ) : (
        <button
          type="button"
          className="button button--quiet"
          onClick={() => renameStarted(user.id, user.name)}
        >
          {t('flow.overview.rename', { name: user.name })}
        </button>
      )}
      <h3>{t('flow.overview.assets.heading')}</h3>
      {assigned.length === 0 ? (
        <p className="flow-muted">{t('flow.overview.assets.none')}</p>
      ) : (
        <ul className="flow-list">
          {assigned.map((group) => (
            <li key={group.kind}>
              {group.readable
                ? t('flow.overview.assets.kind', {
                    kind: kindName(tr, group.kind),
                    names: group.assets.map((a) => a.name ?? a.id).join(', '),
                  })
                : t('flow.overview.assets.unreadable', { kind: kindName(tr, group.kind) })}
            </li>
          ))}
        </ul>
      )}
      <p>
        {user.apps.length === 0
          ? t('flow.overview.apps.none')
          : t('flow.overview.apps', { apps: user.apps.map((a) => a.name ?? a.id).join(', ') })}
      </p>
      <p>
        {user.vaultRecordIds.length === 0
          ? t('flow.overview.vault.none')
          : t('flow.overview.vault', { count: user.vaultRecordIds.length })}
      </p>
    </li>
  )
}
