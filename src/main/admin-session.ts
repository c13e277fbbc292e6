import type { AppMode } from '@shared/ipc/schemas/mode'
import type { Result } from '@shared/result'
import type { GraphClient, GraphCredentials } from './graph/client'

/**
 * What the guided flow and the vault need from Connect: a Graph client aimed at the right place
 * (the practice simulator or Meta), the connected admin's credentials, and the chosen business.
 * Connect implements it; setup and vault depend only on this port, so each can be tested with a
 * simulator-backed session and no Connect screens.
 */
export interface AdminSession {
  readonly mode: AppMode
  readonly client: GraphClient
  /** The admin's token (person or admin system user) signed with the app secret. Main only. */
  readonly credentials: GraphCredentials & { readonly appSecret: string }
  readonly appId: string
  readonly appName?: string
  readonly businessId: string
  readonly businessName: string
}

export interface AdminSessionPort {
  /** The current session, or `not-connected` (no admin yet) / an error explaining what is missing. */
  current(): Promise<Result<AdminSession>>
}
