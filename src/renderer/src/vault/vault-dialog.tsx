import { useEffect, useRef, useState, type ReactNode } from 'react'
import '../styles/vault-dialog.css'

/**
 * A modal confirmation on the native <dialog> with showModal(): the browser makes the page behind
 * inert, traps Tab inside and closes on Escape (the `cancel` event), so keyboard users cannot
 * wander off a half-made decision. Focus goes to the element marked autoFocus (the safe choice),
 * and back to whatever opened the dialog when it closes (WCAG 2.4.3).
 */
export function VaultDialog(props: {
  readonly labelledBy: string
  readonly describedBy?: string
  readonly onCancel: () => void
  readonly children: ReactNode
}): ReactNode {
  const ref = useRef<HTMLDialogElement>(null)
  const { onCancel } = props
  // Read during the first render, before autoFocus moves focus into the dialog.
  const [opener] = useState(() =>
    document.activeElement instanceof HTMLElement ? document.activeElement : null,
  )
  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => {
      if (dialog?.open) dialog.close()
      opener?.focus()
    }
  }, [opener])
  return (
    <dialog
      ref={ref}
      className="vault-dialog"
      aria-labelledby={props.labelledBy}
      aria-describedby={props.describedBy}
      onCancel={(event) => {
        // Escape: let the store close it, so the state and the screen agree.
        event.preventDefault()
        onCancel()
      }}
    >
      {props.children}
    </dialog>
  )
}
