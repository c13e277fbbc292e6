import { create } from 'zustand'
import type { AuditFilter, AuditListResponse } from '@shared/ipc/schemas/vault-views'
import type { AppError } from '@shared/result'
import type { z } from 'zod'
import { callApi, IDLE, LOADING, settle, type LoadState } from './load-state'

export type AuditPage = z.infer<typeof AuditListResponse>
export type AuditActionFilter = NonNullable<AuditFilter['action']> | 'all'
export type AuditOutcomeFilter = NonNullable<AuditFilter['outcome']> | 'all'

/** Entries per page of the activity log. */
export const AUDIT_PAGE_SIZE = 100

/** What the admin filters the activity log by: calendar days as `<input type="date">` gives them. */
export interface AuditFilterFields {
  readonly action: AuditActionFilter
  readonly outcome: AuditOutcomeFilter
  /** YYYY-MM-DD in the admin's time zone, or '' for no bound. Both days are included. */
  readonly fromDay: string
  readonly toDay: string
}

export interface VaultAuditState extends AuditFilterFields {
  readonly log: LoadState<AuditPage>
  /** Older entries are being added below the ones shown. */
  readonly loadingOlder: boolean
  readonly exporting: boolean
  readonly exportNotice: { readonly count: number; readonly location: string } | 'cancelled' | null
  readonly error: AppError | null
}

export interface VaultAuditActions {
  readonly auditOpened: () => Promise<void>
  readonly filterChanged: (change: Partial<AuditFilterFields>) => Promise<void>
  readonly olderRequested: () => Promise<void>
  /** Saves the entries matching the filter as CSV (main writes the file; no secret is in it). */
  readonly exportRequested: () => Promise<void>
  readonly reset: () => void
}

export const INITIAL_VAULT_AUDIT_STATE: VaultAuditState = {
  action: 'all',
  outcome: 'all',
  fromDay: '',
  toDay: '',
  log: IDLE,
  loadingOlder: false,
  exporting: false,
  exportNotice: null,
  error: null,
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** The local midnight starting `day` (YYYY-MM-DD), as an instant; `plusDays` moves it on. */
function localMidnight(day: string, plusDays = 0): string | undefined {
  if (!DAY.test(day)) return undefined
  const [year, month, date] = day.split('-').map(Number) as [number, number, number]
  const at = new Date(year, month - 1, date + plusDays)
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString()
}

/** The filter main understands: the admin's local days turned into [from, to) instants. */
export function toAuditFilter(fields: AuditFilterFields): AuditFilter {
  const from = localMidnight(fields.fromDay)
  const to = localMidnight(fields.toDay, 1)
  return {
    ...(fields.action !== 'all' ? { action: fields.action } : {}),
    ...(fields.outcome !== 'all' ? { outcome: fields.outcome } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  }
}

/** The activity log screen: filtered pages from main, "show older", and the CSV export. */
export const useVaultAuditStore = create<VaultAuditState & VaultAuditActions>()((set, get) => {
  // Only the latest filter's answer is shown; a reset drops answers still on their way.
  let generation = 0

  const load = async (): Promise<void> => {
    generation += 1
    const request = generation
    set({ log: LOADING, error: null })
    const result = await callApi(() =>
      window.api.listAuditEntries({ ...toAuditFilter(get()), limit: AUDIT_PAGE_SIZE }),
    )
    if (request === generation) set({ log: settle(result) })
  }

  return {
    ...INITIAL_VAULT_AUDIT_STATE,
    auditOpened: load,
    filterChanged: (change) => {
      set({ ...change, exportNotice: null })
      return load()
    },
    olderRequested: async () => {
      const log = get().log
      if (log.phase !== 'loaded' || log.value.nextBefore === null || get().loadingOlder) return
      const request = generation
      set({ loadingOlder: true })
      const result = await callApi(() =>
        window.api.listAuditEntries({
          ...toAuditFilter(get()),
          limit: AUDIT_PAGE_SIZE,
          before: log.value.nextBefore ?? 0,
        }),
      )
      if (request !== generation) return
      if (!result.ok) set({ loadingOlder: false, error: result.error })
      else {
        const entries = [...log.value.entries, ...result.value.entries]
        set({ loadingOlder: false, log: { phase: 'loaded', value: { ...result.value, entries } } })
      }
    },
    exportRequested: async () => {
      if (get().exporting) return
      const request = generation
      set({ exporting: true, exportNotice: null, error: null })
      const result = await callApi(() => window.api.exportAuditLog(toAuditFilter(get())))
      if (request !== generation) return
      if (!result.ok) set({ exporting: false, error: result.error })
      else if (result.value.outcome === 'cancelled')
        set({ exporting: false, exportNotice: 'cancelled' })
      else {
        const { count, location } = result.value
        set({ exporting: false, exportNotice: { count, location } })
      }
    },
    reset: () => {
      generation += 1
      set(INITIAL_VAULT_AUDIT_STATE)
    },
  }
})
