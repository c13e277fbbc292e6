import type { ReactNode } from 'react'
import { GOAL_LIST, GOALS, SCOPE_INFO, taskInfo, type Goal } from '@shared/catalog'
import { useT, useTranslateRuntimeKey } from '../i18n/use-t'
import type { MessageKey } from '../i18n/message-key'
import { useFlowStore } from '../stores/flow-store'
import { CustomChoice } from './custom-choice'
import { draftPlan } from './flow-draft'
import { FieldProblem, PlanWarnings, ScreenActions, ScreenHeading } from './flow-parts'
import { kindName } from './flow-words'

/** True when a goal needs a broad task or scope (the card says so before the admin picks it). */
const isBroad = (goal: Goal): boolean =>
  goal.assets.some((asset) =>
    asset.tasks.some((task) => taskInfo(asset.kind, task)?.breadth === 'broad'),
  ) || goal.scopes.some((scope) => SCOPE_INFO[scope].breadth === 'broad')

/** Step 3, "Add new system user": what the system user is FOR, as goal cards plus Custom. */
export function GoalScreen(): ReactNode {
  const t = useT()
  const draft = useFlowStore((state) => state.draft)
  const problems = useFlowStore((state) => state.problems)
  const goalConfirmed = useFlowStore((state) => state.goalConfirmed)
  const plan = draftPlan(draft)
  const suggested = draft.goalId ? t(GOALS[draft.goalId].suggestedNameKey as MessageKey) : ''
  return (
    <section className="flow-screen" aria-labelledby="flow-screen-goal">
      <ScreenHeading id="flow-screen-goal">{t('flow.goal.heading')}</ScreenHeading>
      <p className="lead">{t('flow.goal.lead')}</p>
      <fieldset
        className="flow-goals"
        aria-describedby={problems.goal ? 'flow-goal-problem' : undefined}
      >
        <legend className="visually-hidden">{t('flow.goal.heading')}</legend>
        <FieldProblem id="flow-goal-problem" messageKey={problems.goal} />
        {GOAL_LIST.map((goal) => (
          <GoalCard key={goal.id} goal={goal} checked={draft.goalId === goal.id} />
        ))}
      </fieldset>
      {draft.goalId === 'custom' ? <CustomChoice /> : null}
      {plan && plan.warnings.length > 0 ? <PlanWarnings warnings={plan.warnings} /> : null}
      <ScreenActions
        primary={
          <button
            type="button"
            className="button button--primary"
            onClick={() => goalConfirmed(suggested)}
          >
            {t('flow.continue')}
          </button>
        }
      />
    </section>
  )
}

/** One goal as a radio card: title, one plain sentence, and what it will get. */
function GoalCard(props: { readonly goal: Goal; readonly checked: boolean }): ReactNode {
  const t = useT()
  const tr = useTranslateRuntimeKey()
  const goalSelected = useFlowStore((state) => state.goalSelected)
  const { goal } = props
  const id = `flow-goal-${goal.id}`
  return (
    <div className={props.checked ? 'flow-goal flow-goal--checked' : 'flow-goal'}>
      <input
        id={id}
        type="radio"
        name="flow-goal"
        className="flow-goal__radio"
        checked={props.checked}
        aria-describedby={`${id}-details`}
        onChange={() => goalSelected(goal.id)}
      />
      <label htmlFor={id} className="flow-goal__label">
        <span className="flow-goal__title">{tr(goal.titleKey)}</span>
      </label>
      <div id={`${id}-details`} className="flow-goal__details">
        <p>{tr(goal.descriptionKey)}</p>
        {goal.id === 'custom' ? (
          <p className="flow-muted">{t('flow.goal.customGets')}</p>
        ) : (
          <>
            <p className="flow-muted">
              {t('flow.goal.assets', {
                kinds: goal.assets.map((asset) => kindName(tr, asset.kind)).join(', '),
              })}
            </p>
            <p className="flow-muted">
              {t('flow.goal.scopes', {
                scopes: goal.scopes.map((scope) => tr(SCOPE_INFO[scope].labelKey)).join(', '),
              })}
            </p>
          </>
        )}
        {isBroad(goal) ? <p className="flow-broad-tag">{t('flow.goal.broad')}</p> : null}
      </div>
    </div>
  )
}
