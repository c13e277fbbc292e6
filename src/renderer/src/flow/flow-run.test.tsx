import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { err, ok, type Result } from '@shared/result'
import type { RunSummary } from '@shared/ipc/schemas/flow'
import { useFlowStore } from '../stores/flow-store'
import { deferred, makeRecord } from '@test-support/renderer/fake-api'
import { finishedRun, makeRunSummary } from '@test-support/renderer/fake-flow-api'
import { press, renderFlow, walkToReview } from '@test-support/renderer/flow-test-helpers'

// Built at run time so the repository holds no token-shaped literal (security gate SEC-12).
const CANARY = ['EAAG', 'canaryTOKEN', '0'.repeat(32), 'ZZZZ'].join('')

describe('flow: assets (step 5)', () => {
  it('pages through main 25 rows at a time and never renders thousands', async () => {
    const { user, fake } = renderFlow()
    await press(user, 'Add a system user')
    await user.click(screen.getByRole('radio', { name: 'Publish posts to Pages' }))
    await press(user, 'Continue')
    await press(user, 'Continue')
    const pages = await screen.findByRole('region', { name: 'Facebook Pages' })
    await within(pages).findByText('Showing 1–25 of 3000.')
    expect(within(pages).getAllByRole('checkbox')).toHaveLength(25)
    expect(fake.flow.calls.assetsPages).toEqual([{ kind: 'page', offset: 0, limit: 25 }])
    await user.click(within(pages).getByRole('button', { name: 'Next page' }))
    await within(pages).findByText('Showing 26–50 of 3000.')
    expect(fake.flow.calls.assetsPages.at(-1)).toEqual({ kind: 'page', offset: 25, limit: 25 })
  })

  it('searches through main once typing pauses (one request for a word)', async () => {
    const { user, fake } = renderFlow()
    await press(user, 'Add a system user')
    await user.click(screen.getByRole('radio', { name: 'Publish posts to Pages' }))
    await press(user, 'Continue')
    await press(user, 'Continue')
    const pages = await screen.findByRole('region', { name: 'Facebook Pages' })
    await within(pages).findByText('Showing 1–25 of 3000.')
    // delay: null types every key in one go, with no timer turn between keys: on a busy machine a
    // slow keystroke could otherwise outlast the 300 ms pause and start a second search.
    await userEvent
      .setup({ delay: null })
      .type(within(pages).getByRole('searchbox', { name: 'Search Facebook Pages' }), 'Page 2999')
    await within(pages).findByText('Showing 1–1 of 1 matches (3000 in all).')
    const searches = fake.flow.calls.assetsPages.filter((call) => call.query !== undefined)
    expect(searches).toEqual([{ kind: 'page', offset: 0, limit: 25, query: 'Page 2999' }])
  })

  it('pre-selects the goal’s tasks on a chosen asset, lets them narrow, and needs one task', async () => {
    const { user } = renderFlow()
    await press(user, 'Add a system user')
    await user.click(screen.getByRole('radio', { name: 'Run ads' }))
    await press(user, 'Continue')
    await press(user, 'Continue')
    await press(user, 'Continue')
    expect(screen.getByText(/Choose at least one asset/)).toBeInTheDocument()
    await user.click(await screen.findByRole('checkbox', { name: 'Ad account 1' }))
    const tasks = screen.getByRole('group', { name: 'What it may do with Ad account 1' })
    const boxes = within(tasks).getAllByRole('checkbox')
    expect(boxes.map((box) => (box as HTMLInputElement).checked)).toEqual([true, true])
    for (const box of boxes) await user.click(box)
    await press(user, 'Continue')
    expect(screen.getByText(/needs at least one kind of access/)).toBeInTheDocument()
    await user.click(boxes[1]!)
    const summary = screen.getByRole('region', { name: 'What will be granted' })
    expect(summary).toHaveTextContent('Ad accounts: 1 chosen')
    expect(summary).toHaveTextContent('Ad account 1: View performance')
  })
})

describe('flow: review and run (steps 6–8)', () => {
  it('says exactly what will happen before it happens', async () => {
    const { user, fake } = renderFlow()
    await walkToReview(user)
    const list = screen.getByRole('list', { name: /Nothing has happened yet/ })
    const lines = within(list)
      .getAllByRole('listitem')
      .map((item) => item.textContent)
    expect(lines).toEqual([
      'Create the system user “Ad reports” (Employee), or use the one with that name if it already exists',
      'Give it View performance access to 2 of your Ad accounts',
      'Install the app Bakery Reports on it',
      'Generate a token that expires after 60 days, with Read ad reports (ads_read)',
      'Save the token in your computer’s keychain and list it in your Token vault',
    ])
    expect(fake.flow.calls.starts).toEqual([])
  })

  it('runs with live progress and lands on "Saved in your vault" with the read-back', async () => {
    const { user, fake } = renderFlow()
    await walkToReview(user)
    await press(user, 'Create it now')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Saved in your vault' }),
    ).toHaveFocus()
    expect(fake.flow.calls.starts).toEqual([
      {
        plan: { source: 'goal', goalId: 'read-ad-reports', pageVocabulary: 'sdk' },
        name: 'Ad reports',
        role: 'EMPLOYEE',
        assignments: [
          { kind: 'ad-account', tasks: ['ANALYZE'], assetIds: ['ad-account-1', 'ad-account-2'] },
        ],
        expiry: '60-days',
      },
    ])
    expect(fake.flow.calls.continues).toEqual(['run-1'])
    expect(screen.getByText('Meta granted exactly what was asked for.')).toBeInTheDocument()
    const fingerprint = screen.getByText('Ends in: Qz7w')
    // A screen reader hears the term, then the value: never "Ends in: Ends in:".
    expect(fingerprint.closest('div')?.querySelector('dt')).toHaveTextContent(
      'Last 4 characters of the token',
    )
    expect(screen.getByRole('listitem', { current: 'step' })).toHaveTextContent('Step 8')
  })

  it('copies through main (the renderer never gets the value) and says when it clears', async () => {
    const { user, fake } = renderFlow({ vault: ok({ records: [makeRecord({ id: 'rec-99' })] }) })
    await walkToReview(user)
    await press(user, 'Create it now')
    await screen.findByRole('heading', { level: 1, name: 'Saved in your vault' })
    await press(user, 'Copy the token')
    expect(await screen.findByText(/the clipboard clears itself in 30 seconds/)).toBeInTheDocument()
    expect(fake.vault.calls.copySecret).toEqual([{ id: 'rec-99' }])
    expect(fake.vault.calls.revealSecret).toEqual([])
  })

  it('announces progress politely and cancels safely, then resumes the same run', async () => {
    const answer = deferred<Result<RunSummary>>()
    let emitProgress: ((action: 'assign') => void) | undefined
    const { user, fake } = renderFlow({
      flow: {
        continueRun: (runId, emit) => {
          emitProgress = (action) => emit({ runId, action, state: 'in-flight', done: 2, total: 5 })
          return answer.promise
        },
      },
    })
    await walkToReview(user)
    await press(user, 'Create it now')
    await screen.findByRole('heading', { level: 1, name: 'Setting up “Ad reports”' })
    act(() => emitProgress!('assign'))
    expect(screen.getByRole('status')).toHaveTextContent('Give it access to the assets: Working…')
    expect(screen.getByText('Working… · 2 of 5')).toBeInTheDocument()
    await press(user, 'Cancel')
    expect(fake.flow.calls.cancels).toEqual(['run-1'])
    expect(screen.getByRole('button', { name: 'Cancelling safely…' })).toBeDisabled()
    answer.resolve(
      ok(
        makeRunSummary({
          status: 'paused',
          lastError: { code: 'cancelled', messageKey: 'errors.cancelled' },
        }),
      ),
    )
    expect(await screen.findByRole('heading', { level: 1, name: 'Setup paused' })).toHaveFocus()
    await press(user, 'Try again from where it stopped')
    await waitFor(() => expect(fake.flow.calls.continues).toEqual(['run-1', 'run-1']))
  })

  it('shows a failure in plain words with Retry, and Discard goes back to the overview', async () => {
    let calls = 0
    const { user, fake } = renderFlow({
      flow: {
        continueRun: async () => {
          calls += 1
          return calls === 1
            ? err('graph-unavailable', 'errors.graphUnavailable')
            : ok(finishedRun(makeRunSummary()))
        },
      },
    })
    await walkToReview(user)
    await press(user, 'Create it now')
    expect(await screen.findByRole('heading', { level: 1, name: 'Setup stopped' })).toHaveFocus()
    expect(screen.getByRole('alert')).toHaveTextContent('What went wrong')
    expect(screen.getByRole('button', { name: 'Try again from where it stopped' })).toBeEnabled()
    await press(user, 'Forget this setup')
    expect(fake.flow.calls.discards).toEqual(['run-1'])
    await screen.findByRole('heading', { level: 1, name: 'Your system users' })
  })

  it('marks on the stepper only the steps the stopped run really finished', async () => {
    const stoppedAfterCreate = (run: RunSummary): RunSummary => ({
      ...run,
      status: 'paused',
      lastError: { code: 'graph-invalid-request', messageKey: 'graph.code.taskNotAccepted' },
      actions: run.actions.map((action) =>
        action.kind === 'find-or-create'
          ? { ...action, state: 'done', done: 1 }
          : action.kind === 'assign'
            ? { ...action, state: 'failed' }
            : action,
      ),
    })
    const { user } = renderFlow({
      flow: { continueRun: async () => ok(stoppedAfterCreate(makeRunSummary())) },
    })
    await walkToReview(user)
    await press(user, 'Create it now')
    await screen.findByRole('heading', { level: 1, name: /Setup (stopped|paused)/ })
    const stepper = screen.getByRole('navigation', { name: /steps/i })
    const step = (title: string) =>
      within(stepper)
        .getAllByRole('listitem')
        .find((item) => item.textContent?.includes(title))
    expect(step('Name it and create it')).toHaveTextContent('Done')
    expect(step('Give it access')).toHaveTextContent('Still to do')
    expect(step('Install your app on it')).toHaveTextContent('Still to do')
    expect(step('Choose its permissions')).toHaveTextContent('Still to do')
  })

  it('offers no Retry when the token could not be saved, and says what to do about it', async () => {
    const { user } = renderFlow({
      flow: {
        continueRun: async () =>
          ok(
            makeRunSummary({
              status: 'needs-attention',
              resumable: false,
              lastError: { code: 'keychain-failed', messageKey: 'errors.keychainFailed' },
              orphanedToken: {
                systemUserId: '61',
                generatedAt: '2026-11-01T10:00:00.000Z',
                expiresAt: '2026-12-31T10:00:00.000Z',
              },
            }),
          ),
      },
    })
    await walkToReview(user)
    await press(user, 'Create it now')
    await screen.findByRole('heading', { level: 1, name: 'Setup stopped' })
    expect(
      screen.queryByRole('button', { name: 'Try again from where it stopped' }),
    ).not.toBeInTheDocument()
    expect(screen.getByText(/revoke it in Business Settings/)).toBeInTheDocument()
  })

  it('offers an unfinished run on open and continues it', async () => {
    const run = makeRunSummary({ runId: 'run-7', name: 'Catalog updates', status: 'paused' })
    const { user, fake } = renderFlow({ flow: { unfinished: ok({ runs: [run] }) } })
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Finish what you started?' }),
    ).toHaveFocus()
    await press(user, 'Continue setting up “Catalog updates”')
    await screen.findByRole('heading', { level: 1, name: 'Saved in your vault' })
    expect(fake.flow.calls.continues).toEqual(['run-7'])
  })

  it('never keeps a token in the store, even if a bridge sends one along', async () => {
    const { user } = renderFlow({
      flow: {
        continueRun: async (runId, emit) => {
          emit({
            runId,
            action: 'save-token',
            state: 'done',
            done: 1,
            total: 1,
            token: CANARY,
          } as never)
          return ok(finishedRun(makeRunSummary()))
        },
      },
    })
    await walkToReview(user)
    await press(user, 'Create it now')
    await screen.findByRole('heading', { level: 1, name: 'Saved in your vault' })
    expect(useFlowStore.getState().progress).toEqual({
      runId: 'run-1',
      action: 'save-token',
      state: 'done',
      done: 1,
      total: 1,
    })
    expect(JSON.stringify(useFlowStore.getState())).not.toContain(CANARY)
    expect(document.body.innerHTML).not.toContain(CANARY)
  })

  it('offers the done summary for printing or saving, which holds no token', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined)
    const { user } = renderFlow()
    await walkToReview(user)
    await press(user, 'Create it now')
    await screen.findByRole('heading', { level: 1, name: 'Saved in your vault' })
    await press(user, 'Print or save this summary')
    expect(print).toHaveBeenCalledTimes(1)
    print.mockRestore()
  })
})
