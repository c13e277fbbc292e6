import type { MouseEvent, ReactNode } from 'react'
import { useT } from '../i18n/use-t'

/** The id of the <main> element the skip link jumps to. */
export const MAIN_CONTENT_ID = 'main-content'

/** First focusable element: lets keyboard users jump past the header and navigation (WCAG 2.4.1). */
export function SkipLink(): ReactNode {
  const t = useT()
  const skip = (event: MouseEvent<HTMLAnchorElement>): void => {
    // Move focus explicitly: following a fragment link does not move focus in every engine,
    // and keeping the URL free of a hash keeps the app's origin checks simple.
    event.preventDefault()
    document.getElementById(MAIN_CONTENT_ID)?.focus()
  }
  return (
    <a className="skip-link" href={`#${MAIN_CONTENT_ID}`} onClick={skip}>
      {t('shell.skipToContent')}
    </a>
  )
}
