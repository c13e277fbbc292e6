import type { ReactNode } from 'react'
import {
  ASSIGNABLE_KINDS,
  breadthLabelKey,
  PAGE_VOCABULARIES,
  pageVocabularyKeys,
  taskInfo,
  tasksOfKind,
} from '@shared/catalog'
import { useT, useTranslateRuntimeKey } from '../i18n/use-t'
import { useFlowStore } from '../stores/flow-store'
import { kindName } from './flow-words'

/**
 * Custom (step 3): tasks per kind with the catalog's plain explanation each, and broad ones
 * marked in words. The permissions follow from the tasks (the catalog's least set) and can be
 * edited in step 7; the plan's warnings show under the choice.
 */
export function CustomChoice(): ReactNode {
  const t = useT()
  const tr = useTranslateRuntimeKey()
  const draft = useFlowStore((state) => state.draft)
  const customTaskToggled = useFlowStore((state) => state.customTaskToggled)
  const pageVocabularyChosen = useFlowStore((state) => state.pageVocabularyChosen)
  return (
    <section className="card flow-custom" aria-labelledby="flow-custom-heading">
      <h2 id="flow-custom-heading">{t('flow.custom.heading')}</h2>
      <p className="section-intro">{t('flow.custom.lead')}</p>
      {ASSIGNABLE_KINDS.map((kind) => (
        <fieldset key={kind} className="flow-checks">
          <legend className="flow-checks__legend">{kindName(tr, kind)}</legend>
          {kind === 'page' ? (
            <div
              className="flow-vocabulary"
              role="radiogroup"
              aria-label={t('flow.custom.vocabulary')}
            >
              {PAGE_VOCABULARIES.map((vocabulary) => (
                <label key={vocabulary} className="flow-check">
                  <input
                    type="radio"
                    name="flow-page-vocabulary"
                    checked={draft.pageVocabulary === vocabulary}
                    onChange={() => pageVocabularyChosen(vocabulary)}
                  />
                  <span>
                    {tr(pageVocabularyKeys(vocabulary).labelKey)}
                    <span className="flow-check__explanation">
                      {tr(pageVocabularyKeys(vocabulary).explanationKey)}
                    </span>
                  </span>
                </label>
              ))}
            </div>
          ) : null}
          {tasksOfKind(kind, draft.pageVocabulary).map((task) => {
            const info = taskInfo(kind, task)
            if (!info) return null
            const id = `flow-custom-${kind}-${task}`
            const checked = draft.customTasks[kind]?.includes(task) ?? false
            return (
              <div key={task} className="flow-check">
                <input
                  id={id}
                  type="checkbox"
                  checked={checked}
                  aria-describedby={`${id}-explanation`}
                  onChange={() => customTaskToggled(kind, task)}
                />
                <label htmlFor={id}>
                  {tr(info.labelKey)}
                  {info.breadth === 'broad' ? (
                    <span className="flow-broad-tag">{tr(breadthLabelKey('broad'))}</span>
                  ) : null}
                </label>
                <p id={`${id}-explanation`} className="flow-check__explanation">
                  {tr(info.explanationKey)}
                  {checked && info.warningKey ? (
                    <strong className="flow-check__warning"> {tr(info.warningKey)}</strong>
                  ) : null}
                </p>
              </div>
            )
          })}
        </fieldset>
      ))}
    </section>
  )
}
