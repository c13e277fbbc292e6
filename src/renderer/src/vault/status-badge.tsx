import type { ReactNode } from 'react'
import { CheckIcon, InfoIcon, WarningIcon } from '../components/icons'
import { useT } from '../i18n/use-t'
import { statusWords } from './vault-format'
import type { VaultStatus } from './vault-status'

/** A crossed circle: revoked or not accepted, a different shape from the warning triangle. */
const BlockedIcon = (): ReactNode => (
  <svg
    className="icon"
    viewBox="0 0 24 24"
    width="20"
    height="20"
    fill="none"
    stroke="currentColor"
    strokeWidth="1.8"
    strokeLinecap="round"
    aria-hidden="true"
    focusable="false"
  >
    <circle cx="12" cy="12" r="9" />
    <path d="m5.8 5.8 12.4 12.4" />
  </svg>
)

/** A clock: expiring soon. */
const ClockIcon = (): ReactNode => (
  <svg
    className="icon"
    viewBox="0 0 24 24"
    width="20"
    height="20"
    fill="none"
    stroke="currentColor"
    strokeWidth="1.8"
    strokeLinecap="round"
    aria-hidden="true"
    focusable="false"
  >
    <circle cx="12" cy="12" r="9" />
    <path d="M12 7v5l3 2" />
  </svg>
)

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
