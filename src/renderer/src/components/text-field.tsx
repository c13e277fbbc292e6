import type { ReactNode, Ref } from 'react'
import { WarningIcon } from './icons'

interface TextFieldProps {
  readonly id: string
  readonly label: string
  readonly value: string
  readonly onChange: (value: string) => void
  /** A short line under the label that stays visible (WCAG 3.3.2). */
  readonly hint?: string
  /** The translated problem, shown under the field and tied to it with aria-describedby. */
  readonly error?: string
  readonly type?: 'text' | 'password'
  readonly multiline?: boolean
  readonly inputMode?: 'text' | 'numeric'
  readonly disabled?: boolean
  readonly inputRef?: Ref<HTMLInputElement & HTMLTextAreaElement>
  /** Something beside the input, such as a show/hide button. */
  readonly adornment?: ReactNode
  /** Extra content under the field, such as a "Where do I find this?" disclosure. */
  readonly children?: ReactNode
}

/**
 * A labelled text input (or textarea). Credentials and tokens never want the browser's help: no
 * autocomplete, spell check or autocorrect — a spell checker may send what is typed to a service
 * (SEC: secrets stay on this computer), and autofill would offer stored values in the wrong place.
 */
export function TextField(props: TextFieldProps): ReactNode {
  const hintId = `${props.id}-hint`
  const errorId = `${props.id}-error`
  const describedBy =
    [props.error ? errorId : null, props.hint ? hintId : null].filter(Boolean).join(' ') ||
    undefined
  const common = {
    id: props.id,
    ref: props.inputRef,
    value: props.value,
    disabled: props.disabled,
    className: props.error ? 'field__input field__input--invalid' : 'field__input',
    autoComplete: 'off',
    autoCorrect: 'off',
    autoCapitalize: 'off',
    spellCheck: false,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': describedBy,
  } as const
  return (
    <div className="field">
      <label className="field__label" htmlFor={props.id}>
        {props.label}
      </label>
      {props.hint ? (
        <p id={hintId} className="field__hint">
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p id={errorId} className="field__error">
          <WarningIcon />
          <span>{props.error}</span>
        </p>
      ) : null}
      <div className="field__row">
        {props.multiline ? (
          <textarea {...common} rows={4} onChange={(event) => props.onChange(event.target.value)} />
        ) : (
          <input
            {...common}
            type={props.type ?? 'text'}
            inputMode={props.inputMode}
            onChange={(event) => props.onChange(event.target.value)}
          />
        )}
        {props.adornment}
      </div>
      {props.children}
    </div>
  )
}
