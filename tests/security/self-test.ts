import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { makeCanaryToken } from '../fixtures/canaries'
import { runGuarded, type Gate } from './gate'
import { dependenciesGate } from './gates/dependencies-gate'
import { electronegativityGate } from './gates/electronegativity-gate'
import { factoryAdaptersGate } from './gates/factory-adapters'
import { keychainFailureGate } from './gates/keychain-failure'
import { logRedactionGate } from './gates/log-redaction'
import { preloadSurfaceGate } from './gates/preload-surface'
import { previewLockGate } from './gates/preview-lock'
import { secretHygieneGate } from './gates/secret-hygiene-gate'

/**
 * Proof that the gates can turn red: each mutation applies one deliberately insecure change to a
 * copy of the tree and expects its gate to fail with a specific finding. A gate that stays green,
 * or fails for some other reason, fails the self-test.
 */

export interface Mutation {
  readonly id: string
  readonly description: string
  readonly gate: Gate
  /** The finding code the gate must report on the mutated copy. */
  readonly expect: string
  /** Whether the gate needs the network (registry) or npx; the unit test leaves these out. */
  readonly needsNetwork: boolean
  apply(tree: string): void
}

const insecureWindow = (tree: string) =>
  writeFileSync(
    join(tree, 'src/main/debug-window.ts'),
    "import { BrowserWindow } from 'electron'\n" +
      'export const debugWindow = () => new BrowserWindow({ webPreferences: { nodeIntegration: true } })\n',
  )

/** Replaces `from` in a file of the copy; a mutation whose target moved must fail loudly, not pass. */
const replaceIn = (tree: string, file: string, from: string, to: string) => {
  const path = join(tree, file)
  const text = readFileSync(path, 'utf8')
  if (!text.includes(from)) throw new Error(`mutation target not found in ${file}: ${from}`)
  writeFileSync(path, text.replace(from, to))
}

export const MUTATIONS: readonly Mutation[] = [
  {
    id: 'node-integration-window',
    description: 'a second window with nodeIntegration: true',
    gate: electronegativityGate,
    expect: 'electronegativity-unreviewed',
    needsNetwork: true,
    apply: insecureWindow,
  },
  {
    id: 'window-outside-factory',
    description: 'new BrowserWindow outside the factory',
    gate: factoryAdaptersGate,
    expect: 'window-outside-factory',
    needsNetwork: false,
    apply: insecureWindow,
  },
  {
    id: 'raw-ipc-main',
    description: 'an ipcMain.handle that bypasses the sender check',
    gate: factoryAdaptersGate,
    expect: 'raw-ipc-main',
    needsNetwork: false,
    apply: (tree) =>
      writeFileSync(
        join(tree, 'src/main/debug-ipc.ts'),
        "import { ipcMain } from 'electron'\nipcMain.handle('debug:eval', () => 1)\n",
      ),
  },
  {
    id: 'raw-ipc-renderer-export',
    description: 'the preload exposes ipcRenderer itself',
    gate: preloadSurfaceGate,
    expect: 'ipc-renderer-exposed',
    needsNetwork: false,
    apply: (tree) =>
      appendFileSync(
        join(tree, 'src/preload/index.ts'),
        "\nimport { contextBridge as bridge, ipcRenderer as raw } from 'electron'\n" +
          "bridge.exposeInMainWorld('ipc', raw)\n",
      ),
  },
  {
    id: 'callback-passed-through',
    description: "a preload helper hands the page's callback to ipcRenderer.on",
    gate: preloadSurfaceGate,
    expect: 'listener-passed-through',
    needsNetwork: false,
    apply: (tree) =>
      appendFileSync(
        join(tree, 'src/preload/index.ts'),
        "\nimport { ipcRenderer as events } from 'electron'\n" +
          'export function onAnything(callback: (...args: unknown[]) => void): void {\n' +
          "  events.on('app:status-changed', callback)\n}\n",
      ),
  },
  {
    id: 'token-in-source',
    description: 'a token literal in a source file',
    gate: secretHygieneGate,
    expect: 'secret-in-tree',
    needsNetwork: false,
    apply: (tree) =>
      writeFileSync(
        join(tree, 'src/main/debug-token.ts'),
        `export const TOKEN = '${makeCanaryToken()}'\n`,
      ),
  },
  {
    id: 'token-in-log',
    description: 'a token written to a log (the logger skips redaction)',
    gate: logRedactionGate,
    expect: 'canary-in-log',
    needsNetwork: false,
    apply: (tree) => {
      const logger = 'src/main/log/logger.ts'
      replaceIn(tree, logger, 'event: redactText(event)', 'event')
      replaceIn(tree, logger, '(redactValue(fields) as Record<string, unknown>)', 'fields')
    },
  },
  {
    id: 'keychain-error-swallowed',
    description: 'a keychain write failure swallowed (the vault reports success)',
    gate: keychainFailureGate,
    expect: 'not-an-error',
    needsNetwork: false,
    apply: (tree) =>
      replaceIn(
        tree,
        'src/main/vault/secrets-access.ts',
        '  return keychainOf(secrets).set(vaultSecretRef(record), token)\n}',
        '  await keychainOf(secrets).set(vaultSecretRef(record), token)\n  return ok(undefined)\n}',
      ),
  },
  {
    id: 'preview-unlocked',
    description: 'the browser preview answers API calls without a session cookie',
    gate: previewLockGate,
    expect: 'answered-without-secret',
    needsNetwork: false,
    apply: (tree) =>
      replaceIn(
        tree,
        'src/preview/preview-server.ts',
        'lock?.admits(request.headers.cookie) === true',
        'lock !== undefined',
      ),
  },
  {
    id: 'keytar-in-lockfile',
    description: 'keytar in package-lock.json',
    gate: dependenciesGate,
    expect: 'keytar-present',
    needsNetwork: true,
    apply: (tree) => {
      const path = join(tree, 'package-lock.json')
      const lock = JSON.parse(readFileSync(path, 'utf8')) as { packages: Record<string, unknown> }
      lock.packages['node_modules/keytar'] = { version: '7.9.0', license: 'MIT' }
      writeFileSync(path, JSON.stringify(lock, null, 2))
    },
  },
]

export interface MutationOutcome {
  readonly id: string
  readonly description: string
  readonly gate: string
  readonly expected: string
  readonly caught: boolean
  readonly codes: readonly string[]
}

/** A copy of what the gates read: sources, the gates' own drills and fixtures, bundle and manifests (inside the repo, so imports resolve). */
function copyTree(root: string, target: string): void {
  rmSync(target, { recursive: true, force: true })
  mkdirSync(target, { recursive: true })
  for (const entry of ['src', 'scripts', 'tests', 'out', 'package.json', 'package-lock.json']) {
    if (existsSync(join(root, entry)))
      cpSync(join(root, entry), join(target, entry), { recursive: true })
  }
}

/** Applies each mutation to its own copy, runs its gate there, and says whether it was caught. */
export async function runMutations(
  root: string,
  mutations: readonly Mutation[] = MUTATIONS,
): Promise<MutationOutcome[]> {
  // One folder per run, so a CLI self-test and the unit test can never clean up each other's copies.
  const base = join(root, 'reports', `self-test-${process.pid}-${randomUUID().slice(0, 8)}`)
  const outcomes = await Promise.all(
    mutations.map(async (mutation) => {
      const tree = join(base, mutation.id, 'tree')
      const reportsDir = join(base, mutation.id, 'artefacts')
      copyTree(root, tree)
      mkdirSync(reportsDir, { recursive: true })
      mutation.apply(tree)
      const result = await runGuarded(mutation.gate, { root: tree, reportsDir })
      const codes = [
        ...new Set(result.findings.filter((f) => f.level === 'error').map((f) => f.code)),
      ]
      return {
        id: mutation.id,
        description: mutation.description,
        gate: mutation.gate.id,
        expected: mutation.expect,
        caught: result.status === 'fail' && codes.includes(mutation.expect),
        codes,
      }
    }),
  )
  // The copies hold planted canaries and insecure code: never leave them lying around.
  rmSync(base, { recursive: true, force: true })
  return outcomes
}

export function formatMutations(outcomes: readonly MutationOutcome[]): string {
  const caught = outcomes.filter((outcome) => outcome.caught).length
  return [
    `Self-test: ${caught} of ${outcomes.length} deliberately insecure changes turned their gate red`,
    ...outcomes.map(
      (outcome) =>
        `  ${outcome.caught ? 'CAUGHT' : 'MISSED'}  ${outcome.gate.padEnd(18)} ${outcome.description}` +
        (outcome.caught
          ? ''
          : ` (expected ${outcome.expected}, got [${outcome.codes.join(', ')}])`),
    ),
  ].join('\n')
}
