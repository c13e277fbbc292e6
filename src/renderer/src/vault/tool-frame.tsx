import { useEffect, type ReactNode } from 'react'
import { useT } from '../i18n/use-t'
import { useVaultToolsStore } from '../stores/vault-tools-store'
import { useVaultViewStore } from '../stores/vault-view-store'
import { useViewFocus } from './use-view-focus'

/** The frame of a vault tool: a way back to the list (forgetting what was typed) and a heading. */
export function ToolFrame(props: {
  readonly id: string
  readonly title: string
  readonly children: ReactNode
}): ReactNode {
  const t = useT()
  const listRequested = useVaultViewStore((state) => state.listRequested)
  const toolLeft = useVaultToolsStore((state) => state.toolLeft)
  const ref = useViewFocus<HTMLHeadingElement>()
  // However the admin leaves (another tool, another home, a lock), typed secrets go with them.
  useEffect(() => () => useVaultToolsStore.getState().toolLeft(), [])
  return (
    <section className="vault-tool" aria-labelledby={props.id}>
      <button
        type="button"
        className="button button--link vault-detail__back"
        onClick={() => {
          toolLeft()
          listRequested()
        }}
      >
        {t('vault.detail.back')}
      </button>
      <h2 id={props.id} ref={ref} tabIndex={-1}>
        {props.title}
      </h2>
      {props.children}
    </section>
  )
}
