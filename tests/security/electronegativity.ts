import { spawn } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { problem, type Finding } from './gate'
import type { SourceText } from './source-files'

/**
 * Electronegativity (Doyensec), pinned, run through npx, and the reading of its SARIF. The tool
 * always exits 0, so its verdict is what the SARIF holds, checked against a reviewed allowlist
 * (docs/security-requirements.md SEC-02).
 */

export const ELECTRONEGATIVITY = '@doyensec/electronegativity@1.10.3'

/**
 * Its one network check: it downloads Electron's release list from GitHub to say whether the
 * given version has security fixes. That host is unreachable here (the tool spends ~15 s failing
 * and then reports nothing); Electron's currency is SEC-22's job, read from the npm registry.
 */
const OFFLINE_EXCLUDED_CHECKS = 'AvailableSecurityFixesGlobalCheck'

export interface EngFinding {
  readonly ruleId: string
  /** 'warning' = a finding; 'note' = the tool marks it for manual review. */
  readonly level: string
  /** Repository-relative path (the scanned folder + the tool's relative path). */
  readonly file: string
  readonly line: number
  readonly message: string
}

export interface AllowlistEntry {
  readonly ruleId: string
  /** A repository-relative path; `*` matches within one folder level, `**` across levels. */
  readonly file: string
  readonly reason: string
  /** How many findings of this rule in this file the review covers (default 1). */
  readonly max?: number
}

const MIN_REASON_LENGTH = 30

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
}

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback
}

/** Reads the results of a SARIF log; `prefix` is the scanned folder, relative to the repository. */
export function parseSarif(sarif: unknown, prefix: string): EngFinding[] {
  const runs = record(sarif).runs
  if (!Array.isArray(runs)) throw new Error('not a SARIF log: no runs')
  return runs.flatMap((run) => {
    const results = record(run).results
    if (!Array.isArray(results)) throw new Error('not a SARIF log: a run without results')
    return results.map((raw): EngFinding => {
      const result = record(raw)
      const location = record(
        record(Array.isArray(result.locations) ? result.locations[0] : {}).physicalLocation,
      )
      const uri = text(record(location.artifactLocation).uri, '')
      // Global checks have no file ("file:///" or "N/A"): they speak about the whole folder.
      const relative = uri === '' || uri === 'N/A' || uri.startsWith('file://') ? '(global)' : uri
      return {
        ruleId: text(result.ruleId, 'UNKNOWN'),
        level: text(result.level, 'warning'),
        file: `${prefix}/${relative.replace(/^\.\//, '')}`,
        line: Number(record(location.region).startLine ?? 0),
        message: text(record(result.message).text, ''),
      }
    })
  })
}

/** Checks the allowlist's shape: every entry names a rule and a file and carries a real reason. */
export function validateAllowlist(raw: unknown): {
  entries: AllowlistEntry[]
  problems: Finding[]
} {
  const problems: Finding[] = []
  if (!Array.isArray(raw)) {
    return {
      entries: [],
      problems: [problem('allowlist-invalid', 'the allowlist is not a JSON array')],
    }
  }
  const entries: AllowlistEntry[] = []
  raw.forEach((value, index) => {
    const entry = record(value)
    const unknownKeys = Object.keys(entry).filter(
      (key) => !['ruleId', 'file', 'reason', 'max'].includes(key),
    )
    const valid =
      typeof entry.ruleId === 'string' &&
      /^[A-Z0-9_]+$/.test(entry.ruleId) &&
      typeof entry.file === 'string' &&
      entry.file.length > 0 &&
      typeof entry.reason === 'string' &&
      entry.reason.trim().length >= MIN_REASON_LENGTH &&
      (entry.max === undefined || (Number.isInteger(entry.max) && Number(entry.max) >= 1)) &&
      unknownKeys.length === 0
    if (valid) entries.push(entry as unknown as AllowlistEntry)
    else {
      problems.push(
        problem(
          'allowlist-invalid',
          `allowlist entry ${index} needs ruleId, file and a reason of at least ${MIN_REASON_LENGTH} characters (and nothing else but max)`,
        ),
      )
    }
  })
  return { entries, problems }
}

/** Glob match for allowlist paths: `**` spans folders, `*` stays inside one. */
export function matchesPath(pattern: string, path: string): boolean {
  const escape = (part: string) =>
    part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')
  return new RegExp(`^${pattern.split('**').map(escape).join('.*')}$`).test(path)
}

export interface Review {
  readonly accepted: { finding: EngFinding; entry: AllowlistEntry }[]
  readonly unreviewed: EngFinding[]
  readonly stale: AllowlistEntry[]
}

/** Sorts findings into accepted (by an entry with room left) and unreviewed; lists unused entries. */
export function reviewFindings(
  findings: readonly EngFinding[],
  entries: readonly AllowlistEntry[],
): Review {
  const used = new Map<AllowlistEntry, number>()
  const accepted: Review['accepted'] = []
  const unreviewed: EngFinding[] = []
  for (const finding of findings) {
    const entry = entries.find(
      (candidate) =>
        candidate.ruleId === finding.ruleId &&
        matchesPath(candidate.file, finding.file) &&
        (used.get(candidate) ?? 0) < (candidate.max ?? 1),
    )
    if (entry) {
      used.set(entry, (used.get(entry) ?? 0) + 1)
      accepted.push({ finding, entry })
    } else {
      unreviewed.push(finding)
    }
  }
  return { accepted, unreviewed, stale: entries.filter((entry) => !used.has(entry)) }
}

/** An inline `eng-disable` and the reason written after ` -- ` (null when there is none). */
export interface EngDisable {
  readonly file: string
  readonly line: number
  readonly checks: string
  readonly reason: string | null
}

/** Finds the tool's inline suppressions; SEC-02 requires each to say why. */
export function findEngDisables(sources: readonly SourceText[]): EngDisable[] {
  const out: EngDisable[] = []
  for (const source of sources) {
    source.text.split('\n').forEach((text, index) => {
      const match = /(?:\/\*|\/\/|<!--)[ \t]*eng-disable[ \t]+([\w \t]*)(?:--[ \t]*(.*))?/.exec(
        text,
      )
      if (!match) return
      const reason = (match[2] ?? '').replace(/(\*\/|-->)\s*$/, '').trim()
      out.push({
        file: source.path,
        line: index + 1,
        checks: (match[1] ?? '').trim(),
        reason: reason.length >= 10 ? reason : null,
      })
    })
  }
  return out
}

/** The Electron version the app ships, from package.json (what `-e` tells the tool to assume). */
export function electronVersionOf(root: string): string {
  const manifest = record(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')))
  const declared =
    record(manifest.devDependencies).electron ?? record(manifest.dependencies).electron
  if (typeof declared !== 'string') throw new Error('package.json declares no electron version')
  return declared.replace(/^[\^~=v]+/, '')
}

/** Electronegativity's offline crash on Node 22+ (see electronegativity-got-guard.cjs). */
const GOT_GUARD = join(import.meta.dirname, 'electronegativity-got-guard.cjs')

const withGotGuard = (nodeOptions: string | undefined): string =>
  `${nodeOptions ?? ''} --require ${JSON.stringify(GOT_GUARD)}`.trim()

/**
 * Runs the tool on `input` and returns the parsed SARIF. A missing or unreadable SARIF is an
 * error, never an empty (passing) result.
 */
export async function runElectronegativity(options: {
  cwd: string
  input: string
  output: string
  electronVersion: string
  timeoutMs?: number
}): Promise<unknown> {
  rmSync(options.output, { force: true })
  const args = [
    '--yes',
    ELECTRONEGATIVITY,
    '-i',
    options.input,
    '-r',
    '-e',
    options.electronVersion,
  ]
  args.push('-x', OFFLINE_EXCLUDED_CHECKS, '-o', options.output)
  const log = await new Promise<string>((resolve, reject) => {
    const child = spawn('npx', args, {
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: withGotGuard(process.env.NODE_OPTIONS) },
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    const timer = setTimeout(() => {
      child.kill('SIGTERM')
      reject(
        new Error(
          `electronegativity did not finish within ${(options.timeoutMs ?? 300_000) / 1000} s`,
        ),
      )
    }, options.timeoutMs ?? 300_000)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', () => {
      clearTimeout(timer)
      resolve(output)
    })
  })
  // A crash can leave the file missing or empty (it is opened before the scan ends).
  const sarif = existsSync(options.output) ? readFileSync(options.output, 'utf8') : ''
  if (sarif.trim() === '') {
    throw new Error(
      `electronegativity wrote no SARIF for ${options.input}: ${log.trim().slice(-400)}`,
    )
  }
  return JSON.parse(sarif) as unknown
}
