import type { messageGroups } from '@shared/i18n/en'

type KeysOf<Group> = Group extends unknown ? keyof Group & string : never

/**
 * Every key of every message file, as a union. Components translate only these, so a typo in a
 * key is a compile error rather than a key showing on screen. Keys that arrive at run time from
 * main (an AppError's messageKey, the keychain's problemKey) go through `translateRuntimeKey`.
 */
export type MessageKey = KeysOf<(typeof messageGroups)[number]>
