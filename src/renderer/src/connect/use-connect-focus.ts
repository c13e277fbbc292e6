import { useEffect, useRef, type RefObject } from 'react'
import { useConnectStore, type ConnectFocusTarget } from '../stores/connect-store'

/**
 * A ref for the element that takes focus when the Connect store asks for `target` (a new screen's
 * heading, the alert after a failure, the first field with a problem). The element focuses itself
 * once it is on screen and tells the store, so focus always lands where the admin's attention must
 * go next (WCAG 2.4.3) and never jumps twice.
 */
export function useConnectFocus<T extends HTMLElement>(
  target: ConnectFocusTarget,
): RefObject<T | null> {
  const ref = useRef<T>(null)
  const pending = useConnectStore((state) => state.focusTarget === target)
  const focusHandled = useConnectStore((state) => state.focusHandled)
  // No dependency list: the element may appear a render after the request (e.g. once main's new
  // status arrives), so check after every render while the request is pending.
  useEffect(() => {
    if (!pending || !ref.current) return
    ref.current.focus()
    focusHandled()
  })
  return ref
}
