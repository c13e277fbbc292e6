/**
 * The one IPC contract: every channel's request and response schema, and every event's payload.
 * Main parses requests with these before any handler runs; the preview binds the same table to
 * loopback HTTP. `satisfies` below makes a channel without schemas a compile error.
 */
import type { z } from 'zod'
import type { Result } from '../result'
import type { Channel, EventName } from './channels'
import { AppStatus, EmptyRequest, OpenLinkRequest, OpenLinkResponse } from './schemas/app'
import { ListVaultRequest, ListVaultResponse } from './schemas/vault'

export interface ChannelSchemas {
  readonly request: z.ZodType
  readonly response: z.ZodType
}

export const CONTRACT = {
  'app:status-get': { request: EmptyRequest, response: AppStatus },
  'app:link-open': { request: OpenLinkRequest, response: OpenLinkResponse },
  'vault:records-list': { request: ListVaultRequest, response: ListVaultResponse },
} as const satisfies Record<Channel, ChannelSchemas>

export const EVENT_PAYLOADS = {
  'app:status-changed': AppStatus,
} as const satisfies Record<EventName, z.ZodType>

export type RequestOf<C extends Channel> = z.output<(typeof CONTRACT)[C]['request']>
export type ResponseOf<C extends Channel> = z.output<(typeof CONTRACT)[C]['response']>
export type EventPayloadOf<E extends EventName> = z.output<(typeof EVENT_PAYLOADS)[E]>

/** A main-side handler: receives a parsed request, answers with a Result. */
export type Handler<C extends Channel> = (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>

/** Main must provide exactly one handler per channel (checked where the table is built). */
export type HandlerTable = { readonly [C in Channel]: Handler<C> }
