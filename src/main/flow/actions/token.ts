import { err, ok, type AppError, type Result } from '@shared/result'
import type { GraphCredentials } from '../../graph/client'
import { generateSystemUserToken, revokeAllTokens } from '../../graph/tokens'
import { KEYCHAIN_FAILED, keychainOf } from '../../secrets/keychain'
import type { SecretRef, SecretStore } from '../../secrets/secret-store'
import type { VaultIndex } from '../../vault/vault-index'
import type { RunDriver } from '../run-driver'
import { actionOf, withAction, type JournalRun } from '../journal-run'
import { systemUserOf } from './find-or-create'
import { checkToken, plannedExpiry, type SecuredToken } from './record-token'

/**
 * Steps 6–8: generate the token with exactly the plan's scopes (SEC-16), save it to the keychain
 * and read it back, check it, THEN write the vault record (record-token.ts), THEN mark the actions
 * DONE (REL-05). The token is held in locals only (here, then the executor's phase closure until
 * recordToken); the journal gets its fingerprint and dates, never the value.
 *
 * Meta shows a token once and has no API to read it back (docs/graph-api.md §4.8), so a token whose
 * answer or save was lost is an orphan: valid until it expires. When this run created the system
 * user, no one else holds a token of it, so the orphan is invalidated with `DELETE
 * /{su}/access_tokens` before a fresh one is generated; on an adopted system user that would cut
 * off someone's working token, so the orphan is recorded for the admin to revoke instead
 * (docs/security-requirements.md §6.2, item 5).
 */
export interface TokenDeps {
  readonly secrets: SecretStore
  readonly vault: VaultIndex
}

const refOf = (run: JournalRun): SecretRef => ({ kind: 'system-user-token', id: run.vaultRecordId })

/**
 * The admin system user's token when the vault holds one for this business and app
 * (docs/graph-api.md §10.13).
 */
async function generatorCredentials(
  driver: RunDriver,
  deps: TokenDeps,
): Promise<GraphCredentials[]> {
  const { session, run } = driver
  const admin = deps.vault
    .list()
    .find(
      (record) =>
        record.kind === 'admin-system-user' &&
        record.businessId === run.businessId &&
        record.appId === session.appId &&
        record.practice === run.practice,
    )
  const stored = admin
    ? await keychainOf(deps.secrets).get({ kind: 'system-user-token', id: admin.id })
    : undefined
  const own =
    stored?.ok && stored.value
      ? [{ token: stored.value, appSecret: session.credentials.appSecret }]
      : []
  return [...own, session.credentials]
}

/** Deals with a token an earlier attempt may have minted but this run does not hold. */
async function settleOrphan(driver: RunDriver, systemUserId: string): Promise<Result<void>> {
  const run = driver.run
  const generatedAt = run.tokenGeneratedAt ?? driver.now().toISOString()
  let revoked = false
  if (!run.adopted) {
    const answer = await revokeAllTokens(
      driver.session.client,
      driver.session.credentials,
      { systemUserId, businessId: run.businessId },
      { signal: driver.signal },
    )
    if (!answer.ok) return answer
    revoked = true
  }
  driver.log.warn('flowHome.orphaned-token', { runId: run.runId, revoked })
  return driver.update((current) => {
    const next: JournalRun = {
      ...current,
      // The save failure may have recorded this orphan already: one entry per token.
      orphans: [
        ...current.orphans.filter(
          (orphan) => orphan.systemUserId !== systemUserId || orphan.generatedAt !== generatedAt,
        ),
        {
          systemUserId,
          generatedAt,
          expiresAt: plannedExpiry(current, new Date(generatedAt)),
          revoked,
        },
      ],
    }
    delete next.tokenGeneratedAt
    delete next.fingerprint
    return withAction(
      withAction(next, 'generate-token', { state: 'planned', done: 0 }),
      'save-token',
      {
        state: 'planned',
        done: 0,
      },
    )
  })
}

async function generate(
  driver: RunDriver,
  deps: TokenDeps,
  systemUserId: string,
): Promise<Result<string>> {
  const { run, session } = driver
  const generatedAt = driver.now()
  const inFlight = driver.update((current) =>
    withAction({ ...current, tokenGeneratedAt: generatedAt.toISOString() }, 'generate-token', {
      state: 'in-flight',
    }),
  )
  if (!inFlight.ok) return inFlight
  let answer: Result<{ token: string }> = err('internal', 'errors.internal')
  for (const credentials of await generatorCredentials(driver, deps)) {
    driver.crash('before-request', 'generate-token')
    answer = await generateSystemUserToken(
      session.client,
      credentials,
      {
        systemUserId,
        appId: run.appId,
        scopes: run.scopes,
        expiresIn60Days: run.expiry === '60-days',
        edge: 'system-user',
        businessId: run.businessId,
      },
      { signal: driver.signal },
    )
    driver.crash('after-response', 'generate-token')
    // A refused admin-system-user token minted nothing: trying the admin's own is not blind.
    if (answer.ok || !['auth-expired', 'auth-invalid'].includes(answer.error.code)) break
  }
  if (!answer.ok) return answer
  const token = answer.value.token
  const saved = driver.update((current) =>
    withAction(
      withAction(
        {
          ...current,
          fingerprint: token.slice(-4),
          tokenExpiresAt: plannedExpiry(current, generatedAt),
        },
        'generate-token',
        { state: 'done', done: 1 },
      ),
      'save-token',
      { state: 'in-flight' },
    ),
  )
  return saved.ok ? ok(token) : saved
}

/** Keychain write + read-back; on failure nothing more happens and the token is an orphan. */
async function store(driver: RunDriver, deps: TokenDeps, token: string): Promise<Result<void>> {
  const ref = refOf(driver.run)
  driver.crash('before-request', 'save-token')
  const keychain = keychainOf(deps.secrets)
  const written = await keychain.set(ref, token)
  const readBack = written.ok ? await keychain.get(ref) : written
  const failure: AppError | undefined = !readBack.ok
    ? readBack.error
    : readBack.value !== token
      ? KEYCHAIN_FAILED
      : undefined
  driver.crash('after-response', 'save-token')
  if (!failure) return ok(undefined)
  const run = driver.run
  const expiresAt = run.tokenExpiresAt ?? null
  const error: AppError = {
    code: failure.code,
    messageKey: 'flowMain.save.failed',
    params: { expiresAt: expiresAt ?? 'never' },
    hintKey: 'flowMain.save.failedHint',
  }
  driver.log.error('flowHome.token-not-saved', { runId: run.runId, code: failure.code })
  const recorded = driver.update((current) => ({
    ...withAction(current, 'save-token', { state: 'failed', error }),
    status: 'needs-attention',
    orphans: [
      ...current.orphans,
      {
        systemUserId: current.systemUserId ?? '',
        generatedAt: current.tokenGeneratedAt ?? driver.now().toISOString(),
        expiresAt,
        revoked: false,
      },
    ],
  }))
  return recorded.ok ? { ok: false, error } : recorded
}

/**
 * Generate (or find the token an interrupted run already saved), save it to the keychain, check
 * it with debug_token. Answers undefined when the run's token is already recorded. The vault
 * record is written by recordToken once the read-back running beside this is in the run too.
 */
export async function secureToken(
  driver: RunDriver,
  deps: TokenDeps,
): Promise<Result<SecuredToken | undefined>> {
  const su = systemUserOf(driver)
  if (!su.ok) return su
  if (actionOf(driver.run, 'save-token').state === 'done') return ok(undefined)

  const generated = actionOf(driver.run, 'generate-token').state
  if (generated !== 'planned') {
    // A crash after the keychain write: the token is there, only the record is missing.
    const stored = await keychainOf(deps.secrets).get(refOf(driver.run))
    if (!stored.ok) return stored
    if (stored.value) return ok(await checkToken(driver, stored.value))
    if (generated === 'in-flight' || generated === 'done') {
      const settled = await settleOrphan(driver, su.value)
      if (!settled.ok) return settled
    }
  }
  const token = await generate(driver, deps, su.value)
  if (!token.ok) return token
  const stored = await store(driver, deps, token.value)
  if (!stored.ok) return stored
  return ok(await checkToken(driver, token.value))
}
