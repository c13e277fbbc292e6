import { en } from '../../../src/shared/i18n/en'
import { translate, type Messages } from '../../../src/shared/i18n/translate'

/**
 * "Each gives a clear message": the answer to a keychain failure is an error Result whose code
 * says it was the keychain, whose messageKey (and hintKey) exist in the English catalogue, and
 * whose text, as the admin reads it, is plain language with a next step — no stack, no "Error:",
 * no error class or errno, no unfilled placeholder, no secret.
 */

export const KEYCHAIN_CODES: readonly string[] = ['keychain-unavailable', 'keychain-failed']

/** Text only a program would write: a stack frame, an error class or prefix, a raw value. */
const TECHNICAL: readonly RegExp[] = [
  /\bError:/,
  /\b[A-Z][A-Za-z]*(Error|Exception)\b/,
  /\n\s*at\s/,
  /\bat\s+\S+\s+\(?\S+:\d+:\d+\)?/,
  /\b(E[A-Z]{3,}|undefined|null|NaN)\b/,
  /\[object \w+\]/,
  /\{\w+\}/,
  /\b[a-z]+(-[a-z]+)+:\s/,
  /\b(dbus|D-Bus|errno|stderr)\b/i,
]

/** Words of an action the admin can take now. */
const NEXT_STEP =
  /\b(try again|then|unlock|install|check|continue|restart|repair|sign in|connect)\b/i

export interface AnswerVerdict {
  /** Every check below passed. */
  readonly clear: boolean
  readonly nextStep: boolean
  /** What is wrong, as finding codes with a short reason (never the answer's values). */
  readonly problems: readonly { readonly code: string; readonly reason: string }[]
  readonly messageKey?: string
}

const technicalIn = (text: string): string | undefined =>
  TECHNICAL.find((pattern) => pattern.test(text))?.source

export function judgeAnswer(
  answer: unknown,
  options: { readonly canaryHits: number; readonly catalogue?: Messages } = { canaryHits: 0 },
): AnswerVerdict {
  const catalogue = options.catalogue ?? en
  const error = (answer as { ok?: unknown; error?: Record<string, unknown> } | null)?.error
  if ((answer as { ok?: unknown } | null)?.ok !== false || typeof error !== 'object' || !error) {
    return {
      clear: false,
      nextStep: false,
      problems: [{ code: 'not-an-error', reason: 'the action answered as if it had worked' }],
    }
  }
  const problems: { code: string; reason: string }[] = []
  const code = String(error.code)
  const messageKey = String(error.messageKey)
  const hintKey = typeof error.hintKey === 'string' ? error.hintKey : undefined
  const params = (error.params ?? undefined) as Record<string, string | number> | undefined
  if (!KEYCHAIN_CODES.includes(code)) {
    problems.push({ code: 'wrong-code', reason: `code ${code} does not say it was the keychain` })
  }
  const texts: string[] = []
  for (const [label, key] of [
    ['messageKey', messageKey],
    ['hintKey', hintKey],
  ] as const) {
    if (key === undefined) continue
    if (!Object.hasOwn(catalogue, key)) {
      problems.push({
        code: 'unknown-message-key',
        reason: `${label} ${key} is not in the catalogue`,
      })
      continue
    }
    const text = translate(catalogue, key, params)
    texts.push(text)
    const technical = technicalIn(text)
    if (technical) problems.push({ code: 'not-plain', reason: `${key} reads as /${technical}/` })
  }
  if (options.canaryHits > 0) {
    problems.push({
      code: 'canary-in-answer',
      reason: `${options.canaryHits} secret(s) in the answer`,
    })
  }
  const nextStep =
    (hintKey !== undefined && Object.hasOwn(catalogue, hintKey)) ||
    texts.some((text) => NEXT_STEP.test(text))
  if (!nextStep) problems.push({ code: 'no-next-step', reason: `${messageKey} gives no next step` })
  return { clear: problems.length === 0, nextStep, problems, messageKey }
}
