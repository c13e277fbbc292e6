import { useEffect, useRef, type ReactNode } from 'react'
import { useNavigationStore } from '../stores/navigation-store'

/**
 * The one <h1> of a home. When the admin has just moved here, it takes focus (tabIndex -1 makes it
 * focusable by script only), so screen readers announce the new page and the next Tab starts at
 * its content (WCAG 2.4.3).
 */
export function HomeHeading(props: {
  readonly id: string
  readonly children: ReactNode
}): ReactNode {
  const ref = useRef<HTMLHeadingElement>(null)
  const pending = useNavigationStore((state) => state.headingFocusPending)
  const headingFocused = useNavigationStore((state) => state.headingFocused)
  useEffect(() => {
    if (!pending || !ref.current) return
    ref.current.focus()
    headingFocused()
  }, [pending, headingFocused])
  return (
    <h1 ref={ref} id={props.id} tabIndex={-1} className="home-heading">
      {props.children}
    </h1>
  )
}
