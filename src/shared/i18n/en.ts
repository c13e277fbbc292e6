import type { Messages } from './translate'
import { appMessages } from './messages/app'
import { catalogMessages } from './messages/catalog'
import { catalogScopeMessages } from './messages/catalog-scopes'
import { catalogTaskMessages } from './messages/catalog-tasks'
import { errorMessages } from './messages/errors'
import { graphMessages } from './messages/graph'
import { setupMessages } from './messages/setup'
import { vaultMessages } from './messages/vault'
import { vaultMainMessages } from './messages/vault-main'

/**
 * English, the only language so far. Each area keeps its strings in its own file under messages/;
 * en.test.ts fails when two groups define the same key (the later one would silently win).
 */
export const messageGroups = [
  appMessages,
  catalogMessages,
  catalogTaskMessages,
  catalogScopeMessages,
  errorMessages,
  graphMessages,
  setupMessages,
  vaultMessages,
  vaultMainMessages,
] as const

export const en: Messages = messageGroups.reduce<Record<string, string>>(
  (all, group) => Object.assign(all, group),
  {},
)
