import type { ReactNode } from 'react'
import { BlockedIcon, CheckIcon, ClockIcon, InfoIcon, WarningIcon } from '../components/icons'
import { useT } from '../i18n/use-t'
import { statusWords } from './vault-format'
import type { VaultStatus } from './vault-status'

const ICONS: Readonly<Record<VaultStatus['kind'], () => ReactNode>> = {
  valid: () => <CheckIcon />,
  expiring: () => <ClockIcon />,
  expired: () => <WarningIcon />,
  revoked: () => <BlockedIcon />,
  invalid: () => <BlockedIcon />,
  unknown: () => <InfoIcon />,
}

/**
 * A token's status as an icon and a word, never colour alone (WCAG 1.4.1): each status has its
 * own shape, and the words say it all on their own.
 */
export function StatusBadge(props: { readonly status: VaultStatus }): ReactNode {
  const t = useT()
  const Icon = ICONS[props.status.kind]
  return (
    <span className={`status status--${props.status.kind}`}>
      <Icon />
      <span>{statusWords(props.status, t)}</span>
    </span>
  )
}
