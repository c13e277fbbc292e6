import type { ReactNode } from 'react'
import { useConnectFocus } from './use-connect-focus'

/**
 * The heading of one Connect screen. When the flow moves on, it takes focus (tabIndex -1: by
 * script only), so a screen reader announces the new screen and Tab continues from its top.
 */
export function StepHeading(props: {
  readonly id: string
  readonly children: ReactNode
}): ReactNode {
  const ref = useConnectFocus<HTMLHeadingElement>('screen-heading')
  return (
    <h2 ref={ref} id={props.id} tabIndex={-1} className="step-heading">
      {props.children}
    </h2>
  )
}
