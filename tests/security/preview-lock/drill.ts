import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CHANNEL_NAMES } from '@shared/ipc/channels'
import { createLogger, type Logger, memorySink } from '../../../src/main/log'
import { createMemorySecretStore } from '../../../src/main/secrets'
import { EVENTS_PATH, INVOKE_PATH } from '../../../src/preview/bridge-script'
import { LAUNCH_SECRET_PARAM, SESSION_PATH } from '../../../src/preview/launch-lock'
import { OAUTH_CALLBACK_PATH } from '../../../src/preview/preview-login-port'
import { startPreviewServer } from '../../../src/preview/preview-server'
import { openLaunchSession } from '../../support/node/launch-session'
import {
  buildAttackPlan,
  callbackAttempts,
  guessedCredentials,
  guessedSecrets,
  type Attempt,
  type AttemptOutcome,
  type PlanPaths,
} from './attack-plan'

/**
 * The preview-lock drill: the browser preview in this process, and other processes on the machine
 * (real `node` children running attacker.mjs) trying to use it. One launch is opened and closed
 * first, so its secret and cookie are stale; a new launch on the same port is then attacked
 * without any secret, with the stale ones, and — the positive control — with its own session
 * cookie, which this process got the way the page's bridge does.
 */

/** What the drill needs of a preview: startPreviewServer's result, or a stand-in in the tests. */
export interface LockTarget {
  readonly url: string
  readonly launchUrl: string
  close(): Promise<void>
}

export interface DrillOptions {
  /** The tree whose attacker.mjs to run (the repository, or the self-test's copy). */
  readonly root: string
  /** Starts a preview on `port` (0: any); default the tree's own server with in-memory ports. */
  readonly start?: (port: number, log: Logger) => Promise<LockTarget>
}

export interface LockObservations {
  readonly channels: readonly string[]
  readonly withoutSecret: readonly AttemptOutcome[]
  readonly stale: readonly AttemptOutcome[]
  readonly control: readonly AttemptOutcome[]
  /** Whether the second launch got the first one's port, so the stale cookie had its name. */
  readonly stalePortReused: boolean
  readonly attackerProcesses: number
  /** Everything the previews logged, to count refusal lines and look for the secrets. */
  readonly logLines: readonly string[]
  /** Both launches' secrets and session cookie values, none of which may reach the log. */
  readonly secrets: readonly string[]
}

export const ATTACKER = join('tests', 'security', 'preview-lock', 'attacker.mjs')

const PATHS: PlanPaths = {
  invoke: INVOKE_PATH,
  events: EVENTS_PATH,
  session: SESSION_PATH,
  callback: OAUTH_CALLBACK_PATH,
}

/** Runs attacker.mjs as its own process with `attempts` on stdin; resolves to its outcomes. */
function runAttacker(root: string, port: number, attempts: Attempt[]): Promise<AttemptOutcome[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, ATTACKER)], {
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`attacker.mjs exited ${code}: ${stderr.slice(0, 300)}`))
      else resolve(JSON.parse(stdout) as AttemptOutcome[])
    })
    child.stdin.end(JSON.stringify({ port, attempts }))
  })
}

const secretOf = (target: LockTarget): string =>
  new URLSearchParams(new URL(target.launchUrl).hash.slice(1)).get(LAUNCH_SECRET_PARAM) ?? ''
const portOf = (target: LockTarget): number => Number(new URL(target.url).port)
/** `name=value` → [name, value]. */
const splitCookie = (cookie: string): [string, string] => {
  const at = cookie.indexOf('=')
  return [cookie.slice(0, at), cookie.slice(at + 1)]
}

/** The same port when it is free again (it should be), any port otherwise. */
async function startAgain(
  start: (port: number, log: Logger) => Promise<LockTarget>,
  port: number,
  log: Logger,
): Promise<LockTarget> {
  try {
    return await start(port, log)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error
    return start(0, log)
  }
}

export async function runPreviewLockDrill(options: DrillOptions): Promise<LockObservations> {
  const base = mkdtempSync(join(tmpdir(), 'sua-preview-lock-gate-'))
  const rendererDir = join(base, 'renderer')
  mkdirSync(rendererDir)
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>preview-lock</title>')
  let launches = 0
  const start =
    options.start ??
    ((port: number, log: Logger) => {
      launches += 1
      return startPreviewServer({
        dataDir: join(base, `launch-${launches}`),
        rendererDir,
        port,
        log,
        ports: { secrets: createMemorySecretStore(), log },
      })
    })
  const sink = memorySink()
  const log = createLogger([sink])
  const open: LockTarget[] = []
  try {
    const earlier = await start(0, log)
    open.push(earlier)
    const staleSecret = secretOf(earlier)
    const staleCookie = await openLaunchSession(earlier.launchUrl)
    await earlier.close()
    open.pop()

    const current = await startAgain(start, portOf(earlier), log)
    open.push(current)
    const port = portOf(current)
    const cookie = await openLaunchSession(current.launchUrl)
    const [cookieName, cookieValue] = splitCookie(cookie)
    const otherName = `sua-preview-${port === 65_535 ? port - 1 : port + 1}`

    const withoutSecret = await runAttacker(options.root, port, [
      ...buildAttackPlan({
        channels: CHANNEL_NAMES,
        paths: PATHS,
        credentials: guessedCredentials(cookieName, otherName),
        secrets: guessedSecrets(),
      }),
      ...callbackAttempts(PATHS.callback),
    ])
    const stale = await runAttacker(
      options.root,
      port,
      buildAttackPlan({
        channels: CHANNEL_NAMES,
        paths: PATHS,
        credentials: [
          { label: 'stale cookie', cookie: staleCookie, previewHeader: true },
          {
            label: 'stale cookie under the new name',
            cookie: `${cookieName}=${splitCookie(staleCookie)[1]}`,
            previewHeader: true,
          },
        ],
        secrets: [staleSecret],
        secretsWithoutHeader: false,
      }),
    )
    const control = await runAttacker(
      options.root,
      port,
      buildAttackPlan({
        channels: CHANNEL_NAMES,
        paths: PATHS,
        credentials: [{ label: 'session cookie', cookie, previewHeader: true }],
        secrets: [secretOf(current)],
        secretsWithoutHeader: false,
      }),
    )
    await current.close()
    open.pop()
    return {
      channels: CHANNEL_NAMES,
      withoutSecret,
      stale,
      control,
      stalePortReused: port === portOf(earlier),
      attackerProcesses: 3,
      logLines: sink.lines,
      secrets: [staleSecret, splitCookie(staleCookie)[1], secretOf(current), cookieValue],
    }
  } finally {
    for (const target of open) await target.close()
    rmSync(base, { recursive: true, force: true })
  }
}
