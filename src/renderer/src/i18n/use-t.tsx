import { createContext, useCallback, useContext, type ReactNode } from 'react'
import { en } from '@shared/i18n/en'
import { translate, type Messages } from '@shared/i18n/translate'
import type { MessageParams } from '@shared/result'
import type { MessageKey } from './message-key'

/** Translates a key known at compile time. */
export type Translate = (key: MessageKey, params?: MessageParams) => string

/** Translates a key that came from main at run time (never shown raw: a missing key shows the key). */
export type TranslateRuntimeKey = (key: string, params?: MessageParams) => string

const MessagesContext = createContext<Messages>(en)

/** Provides the message catalogue; English by default, so tests and the app need no wrapper. */
export function MessagesProvider(props: {
  readonly messages: Messages
  readonly children: ReactNode
}): ReactNode {
  return <MessagesContext value={props.messages}>{props.children}</MessagesContext>
}

/** The translate function for the current catalogue. Every visible string goes through it. */
export function useT(): Translate {
  const messages = useContext(MessagesContext)
  return useCallback<Translate>((key, params) => translate(messages, key, params), [messages])
}

/** Same as `useT`, for keys chosen by main (error messages, keychain problems). */
export function useTranslateRuntimeKey(): TranslateRuntimeKey {
  const messages = useContext(MessagesContext)
  return useCallback<TranslateRuntimeKey>(
    (key, params) => translate(messages, key, params),
    [messages],
  )
}
