import type { MessageParams } from '../result'

export type Messages = Readonly<Record<string, string>>

/**
 * Looks up a message and fills `{name}` placeholders. A missing key shows the key itself (so a gap
 * is visible in review) rather than an empty string; a missing parameter keeps its placeholder.
 */
export function translate(messages: Messages, key: string, params?: MessageParams): string {
  const template = Object.hasOwn(messages, key) ? messages[key]! : key
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  )
}
