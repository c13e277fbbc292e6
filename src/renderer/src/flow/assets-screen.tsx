import type { ReactNode } from 'react'
import { useT, useTranslateRuntimeKey } from '../i18n/use-t'
import { useFlowStore } from '../stores/flow-store'
import { AssetKindList } from './asset-kind-list'
import { chosenCounts, draftPlan } from './flow-draft'
import { FieldProblem, ScreenActions, ScreenHeading } from './flow-parts'
import { kindName, taskLabels } from './flow-words'

/**
 * Step 5, "Assign assets": per kind of the plan, a searchable, paged list (main pages and
 * searches, so thousands of Pages never reach the screen at once), each chosen asset with the
 * goal's tasks pre-selected and narrowable, and a summary of what will be granted.
 */
export function AssetsScreen(): ReactNode {
  const t = useT()
  const draft = useFlowStore((state) => state.draft)
  const problems = useFlowStore((state) => state.problems)
  const plan = draftPlan(draft)
  const kinds = plan?.assets ?? []
  return (
    <section className="flow-screen" aria-labelledby="flow-screen-assets">
      <ScreenHeading id="flow-screen-assets">{t('flow.assets.heading')}</ScreenHeading>
      <p className="lead">{t('flow.assets.lead')}</p>
      <FieldProblem id="flow-assets-problem" messageKey={problems.assets} />
      {kinds.map((entry) => (
        <AssetKindList key={entry.kind} kind={entry.kind} planTasks={entry.tasks} />
      ))}
      <GrantSummary />
      <ScreenActions />
    </section>
  )
}

/** What will be granted, in words, before anything is sent. */
function GrantSummary(): ReactNode {
  const t = useT()
  const tr = useTranslateRuntimeKey()
  const assets = useFlowStore((state) => state.draft.assets)
  const counts = chosenCounts(assets)
  return (
    <section className="card" aria-labelledby="flow-grant-summary">
      <h2 id="flow-grant-summary">{t('flow.assets.summary.heading')}</h2>
      {counts.length === 0 ? (
        <p className="flow-muted">{t('flow.assets.summary.empty')}</p>
      ) : (
        <ul className="flow-list">
          {counts.map(({ kind, count }) => (
            <li key={kind}>
              {t('flow.assets.summary.line', { kind: kindName(tr, kind), count })}
              <ul className="flow-list">
                {Object.values(assets[kind] ?? {}).map((asset) => (
                  <li key={asset.id}>
                    {t('flow.assets.summary.tasks', {
                      name: asset.name,
                      tasks: taskLabels(tr, kind, asset.tasks),
                    })}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
