import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { makeCanaryAppSecret, scanForCanaries } from '../../../tests/fixtures/canaries'
import { adminTokenRef, appSecretRef } from './app-credentials'
import { realApp, startConnectHarness, type ConnectHarness } from '../../../tests/support/node/connect-harness'

/**
 * SEC-10/12/13 for Connect: after a whole connect (sign-in or paste), business choice, preflight
 * and disconnect-free run, the admin's token and the app secret exist in the keychain and nowhere
 * else — not in the data directory (settings, log file, audit log), not in the in-memory log,
 * not in any IPC answer or event. The app secret is a canary (tests/fixtures/canaries.ts) set on
 * the simulated app; the token is the one Meta (the simulator) issued, read back from the keychain.
 */
let h: ConnectHarness
let appSecret: string
beforeEach(async () => {
  h = await startConnectHarness()
  appSecret = makeCanaryAppSecret()
  h.sim.model.updateApp(h.sim.fixtures.appId, { secret: appSecret })
})
afterEach(() => h.close())

async function runEverything(): Promise<void> {
  expect((await h.invoke('connect:businesses-list', {})).ok).toBe(true)
  expect(
    (await h.invoke('connect:business-choose', { businessId: h.sim.fixtures.businessId })).ok,
  ).toBe(true)
  expect((await h.invoke('connect:preflight-run', {})).ok).toBe(true)
  expect((await h.invoke('app:status-get', {})).ok).toBe(true)
  // A refusal too: its error must not echo what was sent.
  const refused = await h.invoke('connect:token-paste', {
    app: realApp(h.sim, appSecret),
    token: h.sim.issueToken({ kind: 'user', scopes: [] }),
  })
  expect(refused.ok).toBe(false)
}

async function expectOnlyInKeychain(): Promise<void> {
  const token = await h.secrets.get(adminTokenRef('real', h.sim.fixtures.appId))
  expect(token).toMatch(/^EAA/)
  expect(await h.secrets.get(appSecretRef('real', h.sim.fixtures.appId))).toBe(appSecret)
  const canaries = [token!, appSecret]
  expect(scanForCanaries(h.dataDir, canaries)).toStrictEqual([])
  expect(scanForCanaries(h.logLines.join('\n'), canaries)).toStrictEqual([])
  expect(scanForCanaries(JSON.stringify(h.answers), canaries)).toStrictEqual([])
  expect(scanForCanaries(JSON.stringify(h.events), canaries)).toStrictEqual([])
  // The scans looked at real content: the log file and the audit log were written.
  expect(readFileSync(join(h.dataDir, 'logs', 'main.log'), 'utf8')).toContain('connect.connected')
  expect(readFileSync(join(h.dataDir, 'audit', 'audit.log'), 'utf8')).toContain('"connect"')
  expect(scanForCanaries(`x${appSecret}x`, canaries)).toHaveLength(1)
}

describe('the admin token and app secret are only ever in the keychain', () => {
  it('after signing in', async () => {
    expect((await h.invoke('connect:sign-in', { app: realApp(h.sim, appSecret) })).ok).toBe(true)
    await runEverything()
    await expectOnlyInKeychain()
  })

  it('after pasting a token', async () => {
    const token = h.sim.issueToken({ kind: 'user' })
    const pasted = await h.invoke('connect:token-paste', { app: realApp(h.sim, appSecret), token })
    expect(pasted.ok).toBe(true)
    await runEverything()
    await expectOnlyInKeychain()
  })
})
