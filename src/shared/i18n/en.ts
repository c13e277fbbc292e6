import type { Messages } from './translate'
import { appMessages } from './messages/app'
import { errorMessages } from './messages/errors'

/**
 * English, the only language so far. Each area keeps its strings in its own file under messages/;
 * a key defined twice is a compile error in the test that checks the catalogue.
 */
export const messageGroups = [appMessages, errorMessages] as const

export const en: Messages = Object.assign({}, ...messageGroups)
