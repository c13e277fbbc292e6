/**
 * The one IPC contract: every channel's request and response schema, and every event's payload.
 * Main parses requests with these before any handler runs; the preview binds the same table to
 * loopback HTTP. `satisfies` below makes a channel without schemas a compile error.
 */
import type { z } from 'zod'
import type { Result } from '../result'
import type { Channel, EventName } from './channels'
import { AppStatus, EmptyRequest, OpenLinkRequest, OpenLinkResponse } from './schemas/app'
import {
  BusinessListResponse,
  CancelResponse,
  ChooseBusinessRequest,
  ConnectionSummary,
  DisconnectResponse,
  PreflightReport,
  SignInRequest,
  TokenPasteRequest,
} from './schemas/connect'
import {
  AssetsPageRequest,
  AssetsPageResponse,
  OverviewRequest,
  RenameRequest,
  RenameResponse,
  RunCancelResponse,
  RunDiscardResponse,
  RunProgress,
  RunRequest,
  RunStartRequest,
  RunSummary,
  FlowOverview,
  UnfinishedRunsResponse,
} from './schemas/flow'
import { VaultPreferences, VaultPreferencesResponse } from './schemas/vault-preferences'
import {
  AuditExportResponse,
  AuditFilter,
  AuditListRequest,
  AuditListResponse,
  BackupCreateRequest,
  BackupCreateResponse,
  BackupRestoreRequest,
  BackupRestoreResponse,
  CopyRequest,
  CopyResponse,
  HealthCancelRequest,
  HealthCancelResponse,
  HealthCheckRequest,
  HealthCheckResponse,
  HealthProgressEvent,
  ImportTokenRequest,
  InventoryExportResponse,
  ListVaultRequest,
  ListVaultResponse,
  LockResponse,
  NoteSetRequest,
  RecordIdRequest,
  RecordResponse,
  RefreshResponse,
  RemindersResponse,
  RemoveResponse,
  RevealEndRequest,
  RevealEndResponse,
  RevealEndedEvent,
  RevealRequest,
  RevealResponse,
  RevokeAllRequest,
  RevokeAllResponse,
  RevokeResponse,
  RotationConfirmResponse,
  RotationStartResponse,
  UnlockResponse,
  VaultChangedEvent,
  VaultLockedEvent,
  VaultStateResponse,
} from './schemas/vault'

export interface ChannelSchemas {
  readonly request: z.ZodType
  readonly response: z.ZodType
}

export const CONTRACT = {
  'app:status-get': { request: EmptyRequest, response: AppStatus },
  'app:link-open': { request: OpenLinkRequest, response: OpenLinkResponse },
  'vault:records-list': { request: ListVaultRequest, response: ListVaultResponse },
  'vault:record-get': { request: RecordIdRequest, response: RecordResponse },
  'vault:state-get': { request: EmptyRequest, response: VaultStateResponse },
  'vault:secret-reveal': { request: RevealRequest, response: RevealResponse },
  'vault:reveal-end': { request: RevealEndRequest, response: RevealEndResponse },
  'vault:secret-copy': { request: CopyRequest, response: CopyResponse },
  'vault:lock': { request: EmptyRequest, response: LockResponse },
  'vault:unlock': { request: EmptyRequest, response: UnlockResponse },
  'vault:health-check': { request: HealthCheckRequest, response: HealthCheckResponse },
  'vault:health-cancel': { request: HealthCancelRequest, response: HealthCancelResponse },
  'vault:refresh': { request: RecordIdRequest, response: RefreshResponse },
  'vault:rotation-start': { request: RecordIdRequest, response: RotationStartResponse },
  'vault:rotation-confirm': { request: RecordIdRequest, response: RotationConfirmResponse },
  'vault:revoke': { request: RecordIdRequest, response: RevokeResponse },
  'vault:revoke-all': { request: RevokeAllRequest, response: RevokeAllResponse },
  'vault:record-remove': { request: RecordIdRequest, response: RemoveResponse },
  'vault:record-note-set': { request: NoteSetRequest, response: RecordResponse },
  'vault:import': { request: ImportTokenRequest, response: RecordResponse },
  'vault:backup-create': { request: BackupCreateRequest, response: BackupCreateResponse },
  'vault:backup-restore': { request: BackupRestoreRequest, response: BackupRestoreResponse },
  'vault:inventory-export': { request: EmptyRequest, response: InventoryExportResponse },
  'vault:audit-list': { request: AuditListRequest, response: AuditListResponse },
  'vault:audit-export': { request: AuditFilter, response: AuditExportResponse },
  'vault:reminders': { request: EmptyRequest, response: RemindersResponse },
  'vault:preferences-get': { request: EmptyRequest, response: VaultPreferencesResponse },
  'vault:preferences-set': { request: VaultPreferences, response: VaultPreferencesResponse },
  'connect:sign-in': { request: SignInRequest, response: ConnectionSummary },
  'connect:sign-in-cancel': { request: EmptyRequest, response: CancelResponse },
  'connect:token-paste': { request: TokenPasteRequest, response: ConnectionSummary },
  'connect:businesses-list': { request: EmptyRequest, response: BusinessListResponse },
  'connect:business-choose': { request: ChooseBusinessRequest, response: ConnectionSummary },
  'connect:preflight-run': { request: EmptyRequest, response: PreflightReport },
  'connect:disconnect': { request: EmptyRequest, response: DisconnectResponse },
  'flow:overview-get': { request: OverviewRequest, response: FlowOverview },
  'flow:system-user-rename': { request: RenameRequest, response: RenameResponse },
  'flow:assets-page': { request: AssetsPageRequest, response: AssetsPageResponse },
  'flow:run-start': { request: RunStartRequest, response: RunSummary },
  'flow:run-continue': { request: RunRequest, response: RunSummary },
  'flow:run-cancel': { request: RunRequest, response: RunCancelResponse },
  'flow:runs-unfinished': { request: EmptyRequest, response: UnfinishedRunsResponse },
  'flow:run-discard': { request: RunRequest, response: RunDiscardResponse },
} as const satisfies Record<Channel, ChannelSchemas>

export const EVENT_PAYLOADS = {
  'app:status-changed': AppStatus,
  'vault:changed': VaultChangedEvent,
  'vault:locked': VaultLockedEvent,
  'vault:reveal-ended': RevealEndedEvent,
  'vault:health-progress': HealthProgressEvent,
  'flow:run-progress': RunProgress,
} as const satisfies Record<EventName, z.ZodType>

export type RequestOf<C extends Channel> = z.output<(typeof CONTRACT)[C]['request']>
export type ResponseOf<C extends Channel> = z.output<(typeof CONTRACT)[C]['response']>
export type EventPayloadOf<E extends EventName> = z.output<(typeof EVENT_PAYLOADS)[E]>

/** A main-side handler: receives a parsed request, answers with a Result. */
export type Handler<C extends Channel> = (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>

/** Main must provide exactly one handler per channel (checked where the table is built). */
export type HandlerTable = { readonly [C in Channel]: Handler<C> }
