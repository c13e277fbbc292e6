import { useEffect, useRef, type RefObject } from 'react'
import { useVaultViewStore } from '../stores/vault-view-store'

/**
 * Moves focus to a vault view's heading when the admin has just opened it (WCAG 2.4.3), so a
 * screen reader announces the new view and the next Tab starts inside it.
 */
export function useViewFocus<E extends HTMLElement>(ready = true): RefObject<E | null> {
  const ref = useRef<E>(null)
  const pending = useVaultViewStore((state) => state.focusPending)
  const focusHandled = useVaultViewStore((state) => state.focusHandled)
  useEffect(() => {
    if (!pending || !ready || !ref.current) return
    ref.current.focus()
    focusHandled()
  }, [pending, ready, focusHandled])
  return ref
}
