import { spawn } from 'node:child_process'
import { constants } from 'node:os'

/** Signals a terminal or a process manager sends to stop `npm start`; the child gets them too. */
const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

export interface ChildOutcome {
  /** The child's exit code, or 128 + the signal's number when a signal ended it (as shells do). */
  readonly code: number
  /** What the child wrote to standard error, when it was captured. */
  readonly stderr: string
}

/**
 * Runs `node <script> ...args` with standard output on this terminal, standard error on it too or
 * captured, and passes the stop signals this process receives on to the child, so that stopping
 * `npm start` stops what it started instead of leaving it behind.
 */
export function runNodeScript(
  script: string,
  args: readonly string[],
  options: {
    readonly cwd: string
    readonly env: NodeJS.ProcessEnv
    readonly captureStderr: boolean
  },
): Promise<ChildOutcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['inherit', 'inherit', options.captureStderr ? 'pipe' : 'inherit'],
    })
    let stderr = ''
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const forward = (signal: NodeJS.Signals) => child.kill(signal)
    for (const signal of FORWARDED_SIGNALS) process.on(signal, forward)
    let settled = false
    // A child that cannot be spawned reports 'error' and may still report 'close': answer once.
    const settle = (code: number, failure = '') => {
      if (settled) return
      settled = true
      for (const signal of FORWARDED_SIGNALS) process.off(signal, forward)
      resolve({ code, stderr: stderr + failure })
    }
    child.on('error', (error) => settle(1, error.message))
    child.on('close', (code, signal) =>
      settle(code ?? 128 + (signal ? constants.signals[signal] : 0)),
    )
  })
}
