import type { ReactNode } from 'react'

/**
 * A polite live region (role="status"). It stays in the document and only its text changes, so
 * screen readers announce "loading" and "loaded" without interrupting the admin.
 */
export function LiveMessage(props: {
  readonly message: string
  readonly visible?: boolean
}): ReactNode {
  return (
    <p className={props.visible === false ? 'visually-hidden' : 'live-message'} role="status">
      {props.message}
    </p>
  )
}
