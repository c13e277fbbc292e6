import type { Messages } from './translate'
import { appMessages } from './messages/app'
import { catalogMessages } from './messages/catalog'
import { catalogScopeMessages } from './messages/catalog-scopes'
import { catalogTaskMessages } from './messages/catalog-tasks'
import { connectMainMessages } from './messages/connect-main'
import { connectMessages } from './messages/connect'
import { errorMessages } from './messages/errors'
import { flowMessages } from './messages/flow'
import { graphMessages } from './messages/graph'
import { previewMessages } from './messages/preview-terminal'
import { flowHomeMessages } from './messages/flow-home'
import { flowMainMessages } from './messages/flow-main'
import { vaultMessages } from './messages/vault'
import { vaultDetailMessages } from './messages/vault-detail'
import { vaultPrintMessages } from './messages/vault-print'
import { vaultToolsMessages } from './messages/vault-tools'
import { vaultMainMessages } from './messages/vault-main'
import { vaultSettingsMessages } from './messages/vault-settings'

/**
 * English, the only language so far. Each area keeps its strings in its own file under messages/;
 * en.test.ts fails when two groups define the same key (the later one would silently win).
 */
export const messageGroups = [
  appMessages,
  catalogMessages,
  catalogTaskMessages,
  catalogScopeMessages,
  connectMainMessages,
  connectMessages,
  errorMessages,
  flowMessages,
  graphMessages,
  previewMessages,
  flowHomeMessages,
  flowMainMessages,
  vaultMessages,
  vaultDetailMessages,
  vaultToolsMessages,
  vaultMainMessages,
  vaultSettingsMessages,
  vaultPrintMessages,
] as const

export const en: Messages = messageGroups.reduce<Record<string, string>>(
  (all, group) => Object.assign(all, group),
  {},
)
