import type { AssignableKind } from '@shared/catalog/asset-kinds'
import { IdSequence, newPracticeToken } from './ids'
import type {
  AppRecord,
  AssetRecord,
  AssignmentRecord,
  BusinessRecord,
  PageTaskVocabulary,
  PersonRecord,
  SystemUserRecord,
  TokenRecord,
  TokenType,
} from './types'

/** Which kind of Graph node an id names. */
export type NodeKind = 'business' | 'person' | 'app' | 'system_user' | AssignableKind

export const DAY_MS = 86_400_000
/** Expiring system-user tokens and long-lived user tokens last 60 days (docs/graph-api.md §4.1). */
export const SIXTY_DAYS_S = 60 * 86_400

export interface MintTokenInput {
  type: TokenType
  appId: string
  userId?: string
  pageId?: string
  scopes?: readonly string[]
  /** unix seconds; 0 = never. Defaults to never for SYSTEM_USER/APP, 60 days otherwise. */
  expiresAt?: number
  issuedAt?: number
  revoked?: boolean
}

export interface AuthCodeRecord {
  appId: string
  redirectUri: string
  userId: string
  scopes: string[]
  expiresAtMs: number
  used: boolean
  /** The dialog's PKCE S256 challenge, when it had one: the exchange must bring its verifier. */
  codeChallenge?: string
}

/**
 * The simulator's in-memory state. Tests read it directly for assertions (`sim.model`); routes
 * change it only through the mutators below, which keep the indexes consistent.
 */
export class SimulatorModel {
  pageTaskVocabulary: PageTaskVocabulary = 'sdk'
  readonly authCodes = new Map<string, AuthCodeRecord>()

  private readonly kinds = new Map<string, NodeKind>()
  private readonly businessMap = new Map<string, BusinessRecord>()
  private readonly personMap = new Map<string, PersonRecord>()
  private readonly appMap = new Map<string, AppRecord>()
  private readonly systemUserMap = new Map<string, SystemUserRecord>()
  private readonly assetMap = new Map<string, AssetRecord>()
  private readonly assetLists = new Map<string, AssetRecord[]>()
  /** assetId → userId → tasks, in assignment order */
  private readonly byAsset = new Map<string, Map<string, string[]>>()
  /** userId → assetIds, in assignment order */
  private readonly byUser = new Map<string, Set<string>>()
  private readonly tokenMap = new Map<string, TokenRecord>()
  private readonly nodeIds: IdSequence
  private readonly scopedIds: IdSequence

  constructor(
    readonly now: () => number,
    idBase: bigint,
  ) {
    this.nodeIds = new IdSequence(idBase)
    // System-user ids are app-scoped and look different from the canonical ones
    // (docs/graph-api.md §2.2).
    this.scopedIds = new IdSequence(idBase + 61_000_000_000_000n)
  }

  nodeKind(id: string): NodeKind | undefined {
    return this.kinds.get(id)
  }
  business(id: string): Readonly<BusinessRecord> | undefined {
    return this.businessMap.get(id)
  }
  businesses(): readonly Readonly<BusinessRecord>[] {
    return [...this.businessMap.values()]
  }
  person(id: string): Readonly<PersonRecord> | undefined {
    return this.personMap.get(id)
  }
  app(id: string): Readonly<AppRecord> | undefined {
    return this.appMap.get(id)
  }
  apps(businessId?: string): readonly Readonly<AppRecord>[] {
    const all = [...this.appMap.values()]
    return businessId === undefined ? all : all.filter((a) => a.businessId === businessId)
  }
  systemUser(id: string): Readonly<SystemUserRecord> | undefined {
    return this.systemUserMap.get(id)
  }
  systemUsers(businessId?: string): readonly Readonly<SystemUserRecord>[] {
    const all = [...this.systemUserMap.values()]
    return businessId === undefined ? all : all.filter((s) => s.businessId === businessId)
  }
  asset(id: string): Readonly<AssetRecord> | undefined {
    return this.assetMap.get(id)
  }
  /** Assets of one kind of a business, in creation order (the order Graph pages them in). */
  assets(businessId: string, kind: AssignableKind): readonly Readonly<AssetRecord>[] {
    return this.assetLists.get(`${businessId}:${kind}`) ?? []
  }
  installedApps(systemUserId: string): readonly string[] {
    return this.systemUserMap.get(systemUserId)?.installedAppIds ?? []
  }
  tasksOf(assetId: string, userId: string): readonly string[] | undefined {
    return this.byAsset.get(assetId)?.get(userId)
  }
  assignmentsOfAsset(assetId: string): readonly AssignmentRecord[] {
    const users = this.byAsset.get(assetId)
    if (!users) return []
    return [...users].map(([userId, tasks]) => ({ assetId, userId, tasks: [...tasks] }))
  }
  assignmentsOfUser(userId: string, kind?: AssignableKind): readonly AssignmentRecord[] {
    const out: AssignmentRecord[] = []
    for (const assetId of this.byUser.get(userId) ?? []) {
      if (kind && this.assetMap.get(assetId)?.kind !== kind) continue
      const tasks = this.byAsset.get(assetId)?.get(userId)
      if (tasks) out.push({ assetId, userId, tasks: [...tasks] })
    }
    return out
  }
  token(value: string): Readonly<TokenRecord> | undefined {
    return this.tokenMap.get(value)
  }
  tokens(filter?: { userId?: string; type?: TokenType }): readonly Readonly<TokenRecord>[] {
    return [...this.tokenMap.values()].filter(
      (t) =>
        (filter?.userId === undefined || t.userId === filter.userId) &&
        (filter?.type === undefined || t.type === filter.type),
    )
  }

  // ── mutators ────────────────────────────────────────────────────────────────────────────

  addBusiness(input: Omit<BusinessRecord, 'id' | 'createdTime'> & { createdTime?: number }) {
    const record: BusinessRecord = { id: this.nodeIds.take(), createdTime: this.now(), ...input }
    return this.register('business', this.businessMap, record)
  }
  addPerson(input: Omit<PersonRecord, 'id'>): Readonly<PersonRecord> {
    return this.register('person', this.personMap, { id: this.nodeIds.take(), ...input })
  }
  addApp(input: Omit<AppRecord, 'id'>): Readonly<AppRecord> {
    return this.register('app', this.appMap, { id: this.nodeIds.take(), ...input })
  }
  addAsset(input: Omit<AssetRecord, 'id'>): Readonly<AssetRecord> {
    const raw = this.nodeIds.take()
    // Ad account ids carry the act_ prefix in every path and response (docs/graph-api.md §2.4).
    const id = input.kind === 'ad-account' ? `act_${raw}` : raw
    const record: AssetRecord = { id, ...input }
    if (input.kind === 'ad-account') record.fields = { account_id: raw, ...input.fields }
    this.register(input.kind, this.assetMap, record)
    const key = `${input.businessId}:${input.kind}`
    const list = this.assetLists.get(key) ?? []
    list.push(record)
    this.assetLists.set(key, list)
    return record
  }
  addSystemUser(
    input: Omit<SystemUserRecord, 'id' | 'createdTime' | 'installedAppIds'>,
  ): Readonly<SystemUserRecord> {
    const record: SystemUserRecord = {
      id: this.scopedIds.take(),
      createdTime: this.now(),
      installedAppIds: [],
      ...input,
    }
    return this.register('system_user', this.systemUserMap, record)
  }
  renameSystemUser(id: string, name: string): void {
    const su = this.systemUserMap.get(id)
    if (su) su.name = name
  }
  installApp(systemUserId: string, appId: string): void {
    const su = this.systemUserMap.get(systemUserId)
    if (su && !su.installedAppIds.includes(appId)) su.installedAppIds.push(appId)
  }
  /**
   * Sets (replaces) the user's tasks on the asset — POST semantics are UNCONFIRMED
   * (docs/graph-api.md §2.5).
   */
  assign(assetId: string, userId: string, tasks: readonly string[]): void {
    const users = this.byAsset.get(assetId) ?? new Map<string, string[]>()
    users.set(userId, [...tasks])
    this.byAsset.set(assetId, users)
    const assets = this.byUser.get(userId) ?? new Set<string>()
    assets.add(assetId)
    this.byUser.set(userId, assets)
  }
  unassign(assetId: string, userId: string): void {
    this.byAsset.get(assetId)?.delete(userId)
    this.byUser.get(userId)?.delete(assetId)
  }
  updateBusiness(id: string, patch: Partial<Omit<BusinessRecord, 'id'>>): void {
    const business = this.businessMap.get(id)
    if (business) Object.assign(business, patch)
  }
  updateApp(id: string, patch: Partial<Omit<AppRecord, 'id'>>): void {
    const app = this.appMap.get(id)
    if (app) Object.assign(app, patch)
  }
  mintToken(input: MintTokenInput): Readonly<TokenRecord> {
    const issuedAt = input.issuedAt ?? Math.floor(this.now() / 1000)
    const neverByDefault = input.type === 'SYSTEM_USER' || input.type === 'APP'
    const expiresAt = input.expiresAt ?? (neverByDefault ? 0 : issuedAt + SIXTY_DAYS_S)
    const record: TokenRecord = {
      value: newPracticeToken(),
      type: input.type,
      appId: input.appId,
      ...(input.userId !== undefined ? { userId: input.userId } : {}),
      ...(input.pageId !== undefined ? { pageId: input.pageId } : {}),
      scopes: [...(input.scopes ?? [])],
      issuedAt,
      expiresAt,
      // Data access of user tokens lapses after 90 days; system users' never does
      // (docs/graph-api.md §5 sample).
      dataAccessExpiresAt: input.type === 'USER' ? issuedAt + 90 * 86_400 : 0,
      revoked: input.revoked ?? false,
    }
    this.tokenMap.set(record.value, record)
    return record
  }
  revokeToken(value: string): void {
    const token = this.tokenMap.get(value)
    if (token) token.revoked = true
  }
  /** `DELETE /{su}/access_tokens`: every token acting for that user, Page tokens included. */
  revokeTokensOf(userId: string): number {
    let count = 0
    for (const token of this.tokenMap.values()) {
      if (token.userId === userId && !token.revoked) {
        token.revoked = true
        count += 1
      }
    }
    return count
  }

  private register<T extends { id: string }>(kind: NodeKind, map: Map<string, T>, record: T): T {
    map.set(record.id, record)
    this.kinds.set(record.id, kind)
    return record
  }
}
