import type { ReactNode } from 'react'
import { LiveMessage } from './live-message'

interface SearchFieldProps {
  readonly id: string
  /** The visible label, which is also the input's accessible name (WCAG 3.3.2). */
  readonly label: string
  readonly value: string
  readonly onChange: (value: string) => void
  /** A short line under the label that stays visible, tied to the input with aria-describedby. */
  readonly hint?: string
  /** Extra classes on the field, for a layout that places it beside other fields. */
  readonly className?: string
  /**
   * What the search found, in words ("3 of 12 shown"), announced politely after the field. Left
   * out where the screen announces its matches elsewhere.
   */
  readonly status?: string
}

/**
 * The one search box of the app (system users, assets, vault records). What is typed is a name or
 * an id, never a secret, but the browser still gets no say: no autocomplete (it would offer old
 * searches from other screens) and no spell check (it underlines ids and may send text away).
 */
export function SearchField(props: SearchFieldProps): ReactNode {
  const hintId = `${props.id}-hint`
  return (
    <>
      <div className={props.className ? `field ${props.className}` : 'field'}>
        <label className="field__label" htmlFor={props.id}>
          {props.label}
        </label>
        {props.hint ? (
          <p id={hintId} className="field__hint">
            {props.hint}
          </p>
        ) : null}
        <input
          id={props.id}
          type="search"
          className="field__input"
          value={props.value}
          aria-describedby={props.hint ? hintId : undefined}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => props.onChange(event.target.value)}
        />
      </div>
      {props.status === undefined ? null : <LiveMessage message={props.status} />}
    </>
  )
}
