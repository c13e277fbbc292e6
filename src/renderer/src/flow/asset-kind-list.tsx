import { useEffect, type ReactNode } from 'react'
import { taskInfo, type AssignableKind } from '@shared/catalog'
import type { AssetItem } from '@shared/ipc/schemas/flow'
import { ErrorNotice } from '../components/error-notice'
import { SearchField } from '../components/search-field'
import { useT, useTranslateRuntimeKey } from '../i18n/use-t'
import { ASSET_PAGE_SIZE, useFlowAssetsStore } from '../stores/flow-assets-store'
import { useFlowStore } from '../stores/flow-store'
import { kindName } from './flow-words'

/** One kind's assets: search box, one page of rows, previous/next, and the count in words. */
export function AssetKindList(props: {
  readonly kind: AssignableKind
  readonly planTasks: readonly string[]
}): ReactNode {
  const t = useT()
  const tr = useTranslateRuntimeKey()
  const { kind } = props
  const list = useFlowAssetsStore((state) => state.lists[kind])
  const listOpened = useFlowAssetsStore((state) => state.listOpened)
  const searchChanged = useFlowAssetsStore((state) => state.searchChanged)
  const pageRequested = useFlowAssetsStore((state) => state.pageRequested)
  useEffect(() => void listOpened(kind), [listOpened, kind])
  const name = kindName(tr, kind)
  const page = list?.page
  const query = list?.query ?? ''
  const offset = list?.offset ?? 0
  return (
    <section className="card flow-asset-kind" aria-labelledby={`flow-assets-${kind}`}>
      <h2 id={`flow-assets-${kind}`}>{name}</h2>
      <SearchField
        id={`flow-assets-search-${kind}`}
        label={t('flow.assets.search.label', { kind: name })}
        value={query}
        onChange={(text) => searchChanged(kind, text)}
        status={statusText()}
      />
      {page?.phase === 'failed' ? (
        <ErrorNotice
          error={page.error}
          title={t('flow.assets.failedTitle')}
          onRetry={() => void pageRequested(kind, offset)}
        />
      ) : null}
      {page?.phase === 'loaded' && page.value.items.length > 0 ? (
        <ul className="flow-asset-rows">
          {page.value.items.map((item) => (
            <AssetRow key={item.id} kind={kind} item={item} planTasks={props.planTasks} />
          ))}
        </ul>
      ) : null}
      {page?.phase === 'loaded' && page.value.matched > ASSET_PAGE_SIZE ? (
        <div className="flow-actions">
          <button
            type="button"
            className="button button--secondary"
            disabled={offset === 0}
            onClick={() => void pageRequested(kind, offset - ASSET_PAGE_SIZE)}
          >
            {t('flow.assets.previous')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={offset + ASSET_PAGE_SIZE >= page.value.matched}
            onClick={() => void pageRequested(kind, offset + ASSET_PAGE_SIZE)}
          >
            {t('flow.assets.next')}
          </button>
        </div>
      ) : null}
    </section>
  )

  function statusText(): string {
    if (!page || page.phase === 'idle' || page.phase === 'loading') return t('flow.assets.loading')
    if (page.phase === 'failed') return ''
    const { total, matched, items } = page.value
    if (total === 0) return t('flow.assets.none')
    if (matched === 0) return t('flow.assets.noMatch', { query: query.trim() })
    const range = { from: offset + 1, to: offset + items.length, matched, total }
    return t(query.trim() ? 'flow.assets.rangeFiltered' : 'flow.assets.range', range)
  }
}

/** One asset: a checkbox to choose it, and once chosen, its tasks to narrow. */
function AssetRow(props: {
  readonly kind: AssignableKind
  readonly item: AssetItem
  readonly planTasks: readonly string[]
}): ReactNode {
  const t = useT()
  const tr = useTranslateRuntimeKey()
  const { kind, item } = props
  const chosen = useFlowStore((state) => state.draft.assets[kind]?.[item.id])
  const assetToggled = useFlowStore((state) => state.assetToggled)
  const assetTaskToggled = useFlowStore((state) => state.assetTaskToggled)
  const id = `flow-asset-${kind}-${item.id}`
  return (
    <li className="flow-asset-row">
      <div className="flow-check">
        <input
          id={id}
          type="checkbox"
          checked={Boolean(chosen)}
          onChange={() => assetToggled(kind, { id: item.id, name: item.name })}
        />
        <label htmlFor={id}>
          {item.name}
          {item.relation === 'client' ? (
            <span className="flow-check__explanation">{t('flow.assets.shared')}</span>
          ) : null}
        </label>
      </div>
      {chosen ? (
        <fieldset className="flow-checks flow-asset-tasks">
          <legend className="flow-check__explanation">
            {t('flow.assets.tasks', { name: item.name })}
          </legend>
          {props.planTasks.map((task) => {
            const info = taskInfo(kind, task)
            const taskId = `${id}-${task}`
            return (
              <div key={task} className="flow-check">
                <input
                  id={taskId}
                  type="checkbox"
                  checked={chosen.tasks.includes(task)}
                  aria-describedby={`${taskId}-explanation`}
                  onChange={() => assetTaskToggled(kind, item.id, task)}
                />
                <label htmlFor={taskId}>{info ? tr(info.labelKey) : task}</label>
                {info ? (
                  <p id={`${taskId}-explanation`} className="flow-check__explanation">
                    {tr(info.explanationKey)}
                  </p>
                ) : null}
              </div>
            )
          })}
        </fieldset>
      ) : null}
    </li>
  )
}
