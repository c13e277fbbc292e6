import type { ReactNode } from 'react'
import { breadthLabelKey, SCOPE_INFO, SYSTEM_USER_SCOPES, type Scope } from '@shared/catalog'
import { TOKEN_EXPIRY_CHOICES } from './token-expiry'
import { useT, useTranslateRuntimeKey } from '../i18n/use-t'
import { useFlowStore } from '../stores/flow-store'
import { draftPlan } from './flow-draft'
import {
  FieldProblem,
  PlanWarnings,
  ScreenActions,
  ScreenHeading,
  useConnectedAppName,
} from './flow-parts'

/**
 * Steps 6–7, "Generate new token › Select app and permissions": the connected app, the plan's
 * permissions pre-ticked (each with its explanation; broad ones marked and warned about once
 * ticked), and the expiry — 60 days by default, "never" offered with its trade-off explained.
 */
export function TokenOptionsScreen(): ReactNode {
  const t = useT()
  const draft = useFlowStore((state) => state.draft)
  const problems = useFlowStore((state) => state.problems)
  const expiryChosen = useFlowStore((state) => state.expiryChosen)
  const app = useConnectedAppName()
  const plan = draftPlan(draft)
  const chosen: readonly Scope[] = draft.scopes ?? plan?.scopes ?? []
  // The plan's own scopes stay in the upper list even when unticked, so a change is easy to undo.
  const original = draftPlan({ ...draft, scopes: null })?.scopes ?? []
  const proposed = SYSTEM_USER_SCOPES.filter((s) => original.includes(s) || chosen.includes(s))
  const others = SYSTEM_USER_SCOPES.filter((scope) => !proposed.includes(scope))
  return (
    <section className="flow-screen" aria-labelledby="flow-screen-token-options">
      <ScreenHeading id="flow-screen-token-options">{t('flow.token.heading')}</ScreenHeading>
      {app ? <p className="lead">{t('flow.token.app', { app })}</p> : null}
      <div className="card flow-form">
        <fieldset
          className="flow-checks"
          aria-describedby={problems.scopes ? 'flow-scopes-problem' : 'flow-scopes-lead'}
        >
          <legend className="flow-checks__legend">{t('flow.token.scopes.legend')}</legend>
          <p id="flow-scopes-lead" className="flow-check__explanation">
            {t('flow.token.scopes.lead')}
          </p>
          <FieldProblem id="flow-scopes-problem" messageKey={problems.scopes} />
          {proposed.map((scope) => (
            <ScopeCheck key={scope} scope={scope} checked={chosen.includes(scope)} />
          ))}
          <details className="flow-more">
            <summary>{t('flow.token.scopes.more')}</summary>
            {others.map((scope) => (
              <ScopeCheck key={scope} scope={scope} checked={chosen.includes(scope)} />
            ))}
          </details>
        </fieldset>
        {plan ? (
          <PlanWarnings warnings={plan.warnings.filter((w) => w.code !== 'no-assets')} />
        ) : null}

        <fieldset className="flow-checks">
          <legend className="flow-checks__legend">{t('flow.token.expiry.legend')}</legend>
          {TOKEN_EXPIRY_CHOICES.map((choice) => {
            const id = `flow-expiry-${choice.expiry}`
            return (
              <div key={choice.expiry} className="flow-check">
                <input
                  id={id}
                  type="radio"
                  name="flow-expiry"
                  checked={draft.expiry === choice.expiry}
                  aria-describedby={`${id}-explanation`}
                  onChange={() => expiryChosen(choice.expiry)}
                />
                <label htmlFor={id}>{t(choice.labelKey)}</label>
                <p id={`${id}-explanation`} className="flow-check__explanation">
                  {t(choice.explanationKey)}
                </p>
              </div>
            )
          })}
        </fieldset>
      </div>
      <ScreenActions />
    </section>
  )
}

function ScopeCheck(props: { readonly scope: Scope; readonly checked: boolean }): ReactNode {
  const tr = useTranslateRuntimeKey()
  const scopeToggled = useFlowStore((state) => state.scopeToggled)
  const info = SCOPE_INFO[props.scope]
  const id = `flow-scope-${props.scope}`
  return (
    <div className="flow-check">
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        aria-describedby={`${id}-explanation`}
        onChange={() => scopeToggled(props.scope)}
      />
      <label htmlFor={id}>
        {tr(info.labelKey)} <code className="flow-code">{props.scope}</code>
        {info.breadth === 'broad' ? (
          <span className="flow-broad-tag">{tr(breadthLabelKey('broad'))}</span>
        ) : null}
      </label>
      <p id={`${id}-explanation`} className="flow-check__explanation">
        {tr(info.explanationKey)}
      </p>
    </div>
  )
}
