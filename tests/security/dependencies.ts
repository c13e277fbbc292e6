import { execFile } from 'node:child_process'

/**
 * The readings behind SEC-22: npm's audit report, the lockfile, Electron's version against the
 * registry's newest. Pure parsers plus one runner; the gate puts them together.
 */

export interface CommandOutput {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** Runs a command without a shell; a non-zero exit is data (npm audit exits 1 on findings). */
export function runCommand(
  command: string,
  args: readonly string[],
  cwd: string,
  timeoutMs = 120_000,
): Promise<CommandOutput> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      [...args],
      { cwd, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(new Error(`${command} ${args.join(' ')} failed to run: ${error.message}`))
          return
        }
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr })
      },
    )
  })
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
}

export type AuditReading =
  | { readonly ok: true; readonly counts: Record<string, number> }
  | { readonly ok: false; readonly reason: string }

/**
 * Reads `npm audit --json`. Without a `metadata.vulnerabilities` block the audit did not happen
 * (registry unreachable, endpoint refused): that is a failure to report, never "0 found".
 */
export function parseAudit(stdout: string): AuditReading {
  let report: Record<string, unknown>
  try {
    report = record(JSON.parse(stdout))
  } catch {
    return {
      ok: false,
      reason: `npm audit printed no JSON: ${stdout.trim().slice(0, 200) || '(nothing)'}`,
    }
  }
  const counts = record(record(report.metadata).vulnerabilities)
  const levels = ['info', 'low', 'moderate', 'high', 'critical']
  if (!levels.every((level) => typeof counts[level] === 'number')) {
    const detail =
      typeof report.message === 'string'
        ? report.message
        : JSON.stringify(report.error ?? report).slice(0, 200)
    return { ok: false, reason: `the audit endpoint gave no result: ${detail}` }
  }
  return {
    ok: true,
    counts: Object.fromEntries(levels.map((level) => [level, Number(counts[level])])),
  }
}

/**
 * Occurrences of keytar in a lockfile: archived in Dec 2022 and needs a native build
 * (docs/architecture.md › Secrets).
 */
export function countKeytar(lockText: string): number {
  return lockText.match(/\bkeytar\b/g)?.length ?? 0
}

/** The major of a version like "45.5.0" or "^45.0.0"; NaN when there is none. */
export function majorOf(version: string): number {
  const match = /(\d+)\./.exec(version)
  return match ? Number(match[1]) : Number.NaN
}

/** Electron's declared (package.json) and locked (package-lock.json) versions. */
export function electronVersions(manifestText: string, lockText: string) {
  const manifest = record(JSON.parse(manifestText))
  const declared =
    record(manifest.devDependencies).electron ?? record(manifest.dependencies).electron
  const locked = record(
    record(record(JSON.parse(lockText)).packages)['node_modules/electron'],
  ).version
  return {
    declared: typeof declared === 'string' ? declared : null,
    locked: typeof locked === 'string' ? locked : null,
  }
}

/** The newest stable major from `npm view electron dist-tags --json`. */
export function latestMajor(distTagsJson: string): number {
  const tags = record(JSON.parse(distTagsJson))
  if (typeof tags.latest !== 'string')
    throw new Error('the registry gave no "latest" dist-tag for electron')
  return majorOf(tags.latest)
}
