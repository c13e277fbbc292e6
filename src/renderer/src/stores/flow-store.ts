import { create } from 'zustand'
import type { AssignableKind, GoalId, PageVocabulary, Role, Scope } from '@shared/catalog'
import type { RunProgress, RunSummary, FlowOverview, TokenExpiry } from '@shared/ipc/schemas/flow'
import type { AppError } from '@shared/result'
import {
  assetProblems,
  draftPlan,
  goalProblems,
  INITIAL_DRAFT,
  nameRoleProblems,
  runStartRequest,
  tokenProblems,
  type FlowDraft,
  type ScreenProblems,
} from '../flow/flow-draft'
import {
  INITIAL_FLOW_STATE,
  nextFlowState,
  type FlowEvent,
  type FlowState,
} from '../flow/flow-machine'
import {
  currentRegularLimit,
  mergeProgress,
  outcomeEvent,
  toggled,
} from '../flow/flow-store-helpers'
import type { MessageKey } from '../i18n/message-key'
import { callApi, IDLE, LOADING, settle, type LoadState } from './load-state'
import { handMainEventsTo } from './main-events'

/** The request in flight, if any: the screens disable what would start a second one. */
export type FlowActivity = 'idle' | 'starting' | 'continuing' | 'cancelling' | 'discarding'

/** An ongoing rename in the overview (step 2). */
export interface RenameDraft {
  readonly systemUserId: string
  readonly name: string
  readonly problem: MessageKey | null
  readonly saving: boolean
  readonly error: AppError | null
}

export interface FlowStoreState {
  readonly machine: FlowState
  readonly draft: FlowDraft
  /** Problems found when the admin tried to continue; shown inline beside their fields. */
  readonly problems: ScreenProblems
  readonly overview: LoadState<FlowOverview>
  readonly overviewQuery: string
  readonly rename: RenameDraft | null
  /** Runs main did not finish, offered on open (metadata only). */
  readonly unfinished: readonly RunSummary[]
  /** The run on screen: its actions' states, never a token (the token is in the keychain). */
  readonly run: RunSummary | null
  /** The last progress event, for the polite live region. */
  readonly progress: RunProgress | null
  readonly activity: FlowActivity
  /** A failure outside a run (starting one, discarding one). */
  readonly error: AppError | null
  /** What the last Copy did: main copied (and clears in n s), or the vault must be used instead. */
  readonly copy: FlowCopyOutcome | null
}

/** The answer to "Copy" on the done screen; the token itself never comes to the renderer. */
export type FlowCopyOutcome =
  | { readonly outcome: 'copied'; readonly clearsInSeconds: number }
  | { readonly outcome: 'use-vault' }
  | { readonly outcome: 'failed'; readonly error: AppError }

export interface FlowStoreActions {
  /**
   * The flow came on screen: load the overview and offer unfinished runs. Progress arrives through
   * stores/main-events.ts, handed over below.
   */
  readonly flowOpened: () => void
  readonly overviewRequested: () => Promise<void>
  readonly overviewSearched: (query: string) => void
  readonly renameStarted: (systemUserId: string, currentName: string) => void
  readonly renameChanged: (name: string) => void
  readonly renameCancelled: () => void
  readonly renameConfirmed: () => Promise<void>
  readonly addRequested: () => void
  readonly goalSelected: (goalId: GoalId) => void
  readonly customTaskToggled: (kind: AssignableKind, task: string) => void
  readonly pageVocabularyChosen: (vocabulary: PageVocabulary) => void
  /** "Continue" on the goal screen; the suggested name arrives translated from the screen. */
  readonly goalConfirmed: (suggestedName: string) => void
  readonly nameChanged: (name: string) => void
  readonly roleChosen: (role: Role) => void
  readonly adminConfirmationChanged: (confirmed: boolean) => void
  readonly assetToggled: (kind: AssignableKind, asset: { id: string; name: string }) => void
  readonly assetTaskToggled: (kind: AssignableKind, assetId: string, task: string) => void
  readonly scopeToggled: (scope: Scope) => void
  readonly expiryChosen: (expiry: TokenExpiry) => void
  /** "Continue" on a form screen: checks it, then moves on. */
  readonly continueRequested: () => void
  readonly backRequested: () => void
  readonly leaveRequested: () => void
  /** "Create it now" on the review: main journals the plan, then works through it. */
  readonly runRequested: () => Promise<void>
  readonly cancelRequested: () => Promise<void>
  readonly resumeRequested: (runId: string) => Promise<void>
  readonly resumeDeclined: () => void
  readonly discardRequested: () => Promise<void>
  /** "Copy the token": main copies it (vault:secret-copy); the value never comes here. */
  readonly copyRequested: () => Promise<void>
  readonly progressReceived: (progress: RunProgress) => void
  /** Opens one of Meta's pages in the system browser (main checks it against its allowlist). */
  readonly linkRequested: (url: string) => Promise<void>
  readonly reset: () => void
}

export const INITIAL_FLOW_STORE_STATE: FlowStoreState = {
  machine: INITIAL_FLOW_STATE,
  draft: INITIAL_DRAFT,
  problems: {},
  overview: IDLE,
  overviewQuery: '',
  rename: null,
  unfinished: [],
  run: null,
  progress: null,
  activity: 'idle',
  error: null,
  copy: null,
}

/** The guided flow: where the admin is, what they chose, and every call to main it makes. */
export const useFlowStore = create<FlowStoreState & FlowStoreActions>()((set, get) => {
  // Bumped by reset: answers to older requests are dropped.
  let generation = 0
  const dispatch = (event: FlowEvent): void => set({ machine: nextFlowState(get().machine, event) })
  const editDraft = (change: Partial<FlowDraft>): void =>
    set({ draft: { ...get().draft, ...change }, problems: {} })

  const existingNames = (): string[] => {
    const { overview } = get()
    return overview.phase === 'loaded' ? overview.value.systemUsers.map((user) => user.name) : []
  }
  const adminSlotLeft = (): boolean => {
    const { overview } = get()
    return overview.phase !== 'loaded' || overview.value.quota.admin.left !== 0
  }

  /** Works through a run in main and moves the machine by its outcome. */
  const continueRun = async (runId: string): Promise<void> => {
    const request = generation
    set({ activity: 'continuing', error: null })
    const result = await callApi(() => window.api.continueFlowRun({ runId }))
    if (request !== generation) return
    if (result.ok) set({ run: result.value })
    const cancelling = get().machine.screen === 'running' && get().activity === 'cancelling'
    set({ activity: 'idle' })
    dispatch(outcomeEvent(result, cancelling))
  }

  return {
    ...INITIAL_FLOW_STORE_STATE,
    flowOpened: () => {
      void get().overviewRequested()
      const request = generation
      void callApi(() => window.api.listUnfinishedFlowRuns()).then((result) => {
        if (request !== generation || !result.ok) return
        const runs = result.value.runs.filter((run) => run.resumable)
        set({ unfinished: runs })
        dispatch({ type: 'opened', unfinishedRunIds: runs.map((run) => run.runId) })
      })
    },
    overviewRequested: async () => {
      const request = generation
      set({ overview: LOADING })
      const limit = currentRegularLimit()
      const result = await callApi(() =>
        window.api.getFlowOverview(limit === undefined ? {} : { regularLimit: limit }),
      )
      if (request === generation) set({ overview: settle(result) })
    },
    overviewSearched: (overviewQuery) => set({ overviewQuery }),
    renameStarted: (systemUserId, name) =>
      set({ rename: { systemUserId, name, problem: null, saving: false, error: null } }),
    renameChanged: (name) => {
      const { rename } = get()
      if (rename) set({ rename: { ...rename, name, problem: null } })
    },
    renameCancelled: () => set({ rename: null }),
    renameConfirmed: async () => {
      const { rename, overview } = get()
      if (!rename || rename.saving) return
      const others =
        overview.phase === 'loaded'
          ? overview.value.systemUsers
              .filter((u) => u.id !== rename.systemUserId)
              .map((u) => u.name)
          : []
      const problems = nameRoleProblems({ ...INITIAL_DRAFT, name: rename.name }, others, true)
      if (problems.name) {
        set({ rename: { ...rename, problem: problems.name } })
        return
      }
      set({ rename: { ...rename, saving: true, error: null } })
      const result = await callApi(() =>
        window.api.renameSystemUser({
          systemUserId: rename.systemUserId,
          name: rename.name.trim(),
        }),
      )
      if (!result.ok) {
        set({ rename: { ...rename, saving: false, error: result.error } })
        return
      }
      set({ rename: null })
      await get().overviewRequested()
    },
    addRequested: () => {
      set({
        draft: INITIAL_DRAFT,
        problems: {},
        run: null,
        progress: null,
        error: null,
        copy: null,
      })
      dispatch({ type: 'add-requested' })
    },
    goalSelected: (goalId) =>
      // A new goal starts a new plan: assets and scopes chosen for another goal do not carry over.
      editDraft({ goalId, assets: {}, scopes: null, customTasks: get().draft.customTasks }),
    customTaskToggled: (kind, task) => {
      const { customTasks } = get().draft
      editDraft({ customTasks: { ...customTasks, [kind]: toggled(customTasks[kind] ?? [], task) } })
    },
    pageVocabularyChosen: (pageVocabulary) =>
      editDraft({ pageVocabulary, customTasks: { ...get().draft.customTasks, page: [] } }),
    goalConfirmed: (suggestedName) => {
      const problems = goalProblems(get().draft)
      if (Object.keys(problems).length > 0) return set({ problems })
      const { draft } = get()
      if (draft.name.trim() === '') editDraft({ name: suggestedName })
      dispatch({ type: 'goal-chosen', goalId: draft.goalId! })
    },
    nameChanged: (name) => editDraft({ name }),
    roleChosen: (role) => editDraft({ role, adminConfirmed: false }),
    adminConfirmationChanged: (adminConfirmed) => editDraft({ adminConfirmed }),
    assetToggled: (kind, asset) => {
      const { draft } = get()
      const byId = { ...(draft.assets[kind] ?? {}) }
      if (byId[asset.id]) delete byId[asset.id]
      else {
        // The goal's tasks pre-selected: least privilege by default, narrowing is one click away.
        const tasks = draftPlan(draft)?.assets.find((a) => a.kind === kind)?.tasks ?? []
        byId[asset.id] = { id: asset.id, name: asset.name, tasks }
      }
      editDraft({ assets: { ...draft.assets, [kind]: byId } })
    },
    assetTaskToggled: (kind, assetId, task) => {
      const { draft } = get()
      const asset = draft.assets[kind]?.[assetId]
      if (!asset) return
      const next = { ...asset, tasks: toggled(asset.tasks, task) }
      editDraft({ assets: { ...draft.assets, [kind]: { ...draft.assets[kind], [assetId]: next } } })
    },
    scopeToggled: (scope) => {
      const { draft } = get()
      const current = draft.scopes ?? draftPlan(draft)?.scopes ?? []
      editDraft({ scopes: toggled<Scope>(current, scope) })
    },
    expiryChosen: (expiry) => editDraft({ expiry }),
    continueRequested: () => {
      const { machine, draft } = get()
      let problems: ScreenProblems = {}
      if (machine.screen === 'name-role')
        problems = nameRoleProblems(draft, existingNames(), adminSlotLeft())
      if (machine.screen === 'assets') problems = assetProblems(draft)
      if (machine.screen === 'token-options') problems = tokenProblems(draft, draftPlan(draft))
      if (Object.keys(problems).length > 0) return set({ problems })
      set({ problems: {} })
      dispatch({ type: 'continued' })
    },
    backRequested: () => {
      set({ problems: {}, error: null })
      dispatch({ type: 'back' })
    },
    leaveRequested: () => {
      set({ problems: {}, error: null, rename: null })
      dispatch({ type: 'left' })
      if (get().machine.screen === 'overview') void get().overviewRequested()
    },
    runRequested: async () => {
      const { draft, machine, activity } = get()
      const plan = draftPlan(draft)
      if (machine.screen !== 'review' || activity !== 'idle' || !plan) return
      const request = generation
      set({ activity: 'starting', error: null })
      const result = await callApi(() => window.api.startFlowRun(runStartRequest(draft, plan)))
      if (request !== generation) return
      if (!result.ok) return set({ activity: 'idle', error: result.error })
      set({ run: result.value, progress: null })
      dispatch({ type: 'run-started', runId: result.value.runId })
      await continueRun(result.value.runId)
    },
    cancelRequested: async () => {
      const { machine } = get()
      if (machine.screen !== 'running' || machine.cancelling) return
      dispatch({ type: 'cancel-requested' })
      set({ activity: 'cancelling' })
      const result = await callApi(() => window.api.cancelFlowRun({ runId: machine.runId }))
      // The run's own answer ends the wait; a failed cancel is reported and the run goes on.
      if (!result.ok) set({ error: result.error })
    },
    resumeRequested: async (runId) => {
      const known = get().unfinished.find((run) => run.runId === runId)
      if (known) set({ run: known })
      set({ progress: null, error: null })
      dispatch({ type: 'resume-chosen', runId })
      if (get().machine.screen === 'running') await continueRun(runId)
    },
    resumeDeclined: () => {
      dispatch({ type: 'resume-declined' })
    },
    discardRequested: async () => {
      const { machine } = get()
      if (machine.screen !== 'interrupted') return
      set({ activity: 'discarding', error: null })
      const result = await callApi(() => window.api.discardFlowRun({ runId: machine.runId }))
      set({ activity: 'idle' })
      if (!result.ok) return set({ error: result.error })
      set({ run: null, unfinished: get().unfinished.filter((run) => run.runId !== machine.runId) })
      dispatch({ type: 'run-discarded' })
      void get().overviewRequested()
    },
    copyRequested: async () => {
      const recordId = get().run?.vaultRecordId
      if (!recordId) return
      const result = await callApi(() => window.api.copySecret({ id: recordId }))
      if (!result.ok) return set({ copy: { outcome: 'failed', error: result.error } })
      // An admin token or a locked vault needs the vault's own confirmation: send the admin there.
      set({
        copy:
          result.value.outcome === 'copied'
            ? { outcome: 'copied', clearsInSeconds: result.value.clearsInSeconds }
            : { outcome: 'use-vault' },
      })
    },
    progressReceived: (progress) => {
      const { run } = get()
      if (!run || run.runId !== progress.runId) return
      const merged = mergeProgress(run, progress)
      set({ run: merged.run, progress: merged.progress })
    },
    linkRequested: async (url) => {
      const result = await callApi(() => window.api.openExternalLink({ url }))
      if (!result.ok) set({ error: result.error })
    },
    reset: () => {
      generation += 1
      set(INITIAL_FLOW_STORE_STATE)
    },
  }
})

handMainEventsTo('flow', {
  onFlowRunProgress: (progress) => useFlowStore.getState().progressReceived(progress),
})
