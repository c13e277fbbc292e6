import { join } from 'node:path'
import { ok } from '@shared/result'
import type { RunStartRequest } from '@shared/ipc/schemas/flow'
import { createGraphClient } from '../../../src/main/graph/client'
import { silentLogger } from '../../../src/main/log/logger'
import { createFileKvStore } from '../../../src/main/settings/file-kv-store'
import { DEFAULT_SETTINGS } from '../../../src/main/settings/settings'
import { createVaultIndex } from '../../../src/main/vault/vault-index'
import { createFlowService } from '../../../src/main/flow/flow-handlers'
import { createFileSecretStoreForTests } from './file-secret-store'

/*
 * TEST ONLY — the crash-injection child (REL-03). Runs one guided-flow run against the parent's
 * simulator and SIGKILLs itself at the side-effect point named by SUA_CRASH
 * ("before-request:assign", "after-response:generate-token", …). Bundled by crash-resume.test.ts.
 */
const env = (name: string): string => {
  const value = process.env[name]
  if (!value) throw new Error(`crash-child: ${name} is not set`)
  return value
}

const dataDir = env('SUA_DATA_DIR')
const target = env('SUA_CRASH')
const client = createGraphClient({
  baseUrl: env('SUA_SIM_URL'),
  version: env('SUA_VERSION'),
  log: silentLogger,
  retry: { baseMs: 1, capMs: 5 },
})
const service = createFlowService({
  session: {
    current: async () =>
      ok({
        mode: 'practice',
        client,
        credentials: { token: env('SUA_ADMIN_TOKEN'), appSecret: env('SUA_APP_SECRET') },
        appId: env('SUA_APP_ID'),
        businessId: env('SUA_BUSINESS_ID'),
        businessName: env('SUA_BUSINESS_NAME'),
      }),
  },
  secrets: createFileSecretStoreForTests(join(dataDir, 'test-keychain.json')),
  vault: createVaultIndex(createFileKvStore(join(dataDir, 'settings.json'), DEFAULT_SETTINGS)),
  dataDir,
  log: silentLogger,
  crash: (point, action) => {
    if (`${point}:${action}` === target) process.kill(process.pid, 'SIGKILL')
  },
})

const request = JSON.parse(env('SUA_REQUEST')) as RunStartRequest
const started = await service.handlers['flow:run-start'](request)
if (!started.ok) throw new Error(`crash-child: start failed ${started.error.code}`)
const outcome = await service.handlers['flow:run-continue']({ runId: started.value.runId })
console.log(`NOT-KILLED ${JSON.stringify(outcome.ok ? outcome.value.status : outcome.error)}`)
