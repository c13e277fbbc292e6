/**
 * The slice of the browser's globals that e2e page functions touch. The tests compile with the Node
 * project (no lib.dom, so main code can never lean on DOM types by accident); a page function
 * starts with `const scope = globalThis as unknown as PageGlobals` to type what it uses. The cast
 * is erased, so the function still runs as written inside the page.
 */
export interface PageElement {
  readonly tagName: string
  textContent: string | null
  getAttribute(name: string): string | null
  blur(): void
}

export interface PageScript extends PageElement {
  src: string
  onload: (() => void) | null
  onerror: (() => void) | null
}

export interface PageViolationEvent {
  readonly effectiveDirective: string
  readonly blockedURI: string
  readonly originalPolicy: string
}

export interface PageDocument {
  readonly activeElement: PageElement | null
  /** The cookies the page's scripts can read (an HttpOnly cookie is never among them). */
  readonly cookie: string
  readonly body: PageElement & { append(node: PageElement): void }
  createElement(tag: 'script'): PageScript
  addEventListener(
    type: 'securitypolicyviolation',
    listener: (event: PageViolationEvent) => void,
  ): void
}

export interface PageGlobals {
  readonly [name: string]: unknown
  readonly document: PageDocument
  readonly location: { readonly href: string; readonly hash: string }
}
