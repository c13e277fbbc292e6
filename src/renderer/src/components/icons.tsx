import type { ReactNode } from 'react'

/**
 * Inline SVG icons. The CSP allows no external images and no inline styles, so icons are JSX
 * drawn with `currentColor`; they are decorative (aria-hidden): the text beside them carries the
 * meaning.
 */
interface IconProps {
  readonly className?: string
}

const Svg = (props: IconProps & { readonly children: ReactNode }): ReactNode => (
  <svg
    className={props.className ?? 'icon'}
    viewBox="0 0 24 24"
    width="20"
    height="20"
    fill="none"
    stroke="currentColor"
    strokeWidth="1.8"
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
    focusable="false"
  >
    {props.children}
  </svg>
)

/** The product mark: a key inside a shield. */
export const LogoIcon = (props: IconProps): ReactNode => (
  <Svg {...props}>
    <path d="M12 2.5 4.5 5.5v6c0 4.6 3.2 8.4 7.5 10 4.3-1.6 7.5-5.4 7.5-10v-6Z" />
    <circle cx="12" cy="10" r="2.5" />
    <path d="M12 12.5V17M12 15h1.8" />
  </Svg>
)

export const FlowIcon = (props: IconProps): ReactNode => (
  <Svg {...props}>
    <circle cx="9" cy="8" r="3.5" />
    <path d="M2.5 20c.6-3.6 3.3-6 6.5-6 1.5 0 2.9.5 4 1.4M18 14v6M15 17h6" />
  </Svg>
)

export const VaultIcon = (props: IconProps): ReactNode => (
  <Svg {...props}>
    <rect x="3.5" y="4" width="17" height="16" rx="2.5" />
    <circle cx="12" cy="12" r="3.2" />
    <path d="M12 8.8V7M12 17v-1.8M15.2 12H17M7 12h1.8" />
  </Svg>
)

export const WarningIcon = (props: IconProps): ReactNode => (
  <Svg {...props}>
    <path d="M12 3.5 2.5 20h19Z" />
    <path d="M12 10v4.5M12 17.2v.1" />
  </Svg>
)

/** A crossed circle: revoked or not accepted, a different shape from the warning triangle. */
export const BlockedIcon = (props: IconProps): ReactNode => (
  <Svg {...props}>
    <circle cx="12" cy="12" r="9" />
    <path d="m5.8 5.8 12.4 12.4" />
  </Svg>
)

/** A clock: expiring soon. */
export const ClockIcon = (props: IconProps): ReactNode => (
  <Svg {...props}>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 7v5l3 2" />
  </Svg>
)

export const CheckIcon = (props: IconProps): ReactNode => (
  <Svg {...props}>
    <circle cx="12" cy="12" r="9" />
    <path d="m8 12.3 2.7 2.7L16 9.5" />
  </Svg>
)

export const InfoIcon = (props: IconProps): ReactNode => (
  <Svg {...props}>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 11v5.5M12 7.8v.1" />
  </Svg>
)

export const ArrowIcon = (props: IconProps): ReactNode => (
  <Svg {...props}>
    <path d="M5 12h14M13 6l6 6-6 6" />
  </Svg>
)
