/**
 * The shape every security gate shares. A gate is one small module exporting a `Gate`; adding one
 * to `registry.ts` is all it takes for `npm run verify:security` to run it, report it and fail on it.
 */

/** Requirement ids from docs/security-requirements.md, e.g. 'SEC-02' or 'REL-03'. */
export type RequirementId = `SEC-${string}` | `REL-${string}`

/** A figure a gate measured; written to reports/security.json and shown in docs/security.md. */
export type Figure = number | string | boolean

/** One thing a gate found wrong (or, for `level: 'note'`, accepted after review). */
export interface Finding {
  /** Stable machine code, e.g. 'raw-ipc-main'; the self-test matches on it. */
  readonly code: string
  readonly message: string
  readonly file?: string
  readonly line?: number
  /** 'error' turns the gate red; 'note' is reported only (reviewed allowlist entries, stale ones). */
  readonly level: 'error' | 'note'
}

export interface GateResult {
  /** The gate's short id (`Gate.id`). */
  readonly gate: string
  readonly ids: readonly RequirementId[]
  readonly name: string
  readonly status: 'pass' | 'fail'
  readonly figures: Readonly<Record<string, Figure>>
  readonly findings: readonly Finding[]
}

/** Where a gate looks. `root` is the repository, or a mutated copy of it in the self-test. */
export interface GateContext {
  readonly root: string
  /** Where gates write their raw artefacts (SARIF, SBOM); created before any gate runs. */
  readonly reportsDir: string
}

export interface Gate {
  /** Short stable id, e.g. 'electronegativity'; used by `--only` and the self-test. */
  readonly id: string
  readonly ids: readonly RequirementId[]
  readonly name: string
  run(context: GateContext): Promise<GateResult>
}

/** Builds a result whose status follows from its findings: red on any error-level finding. */
export function resultOf(
  gate: Pick<Gate, 'id' | 'ids' | 'name'>,
  figures: Record<string, Figure>,
  findings: readonly Finding[],
): GateResult {
  const status = findings.some((finding) => finding.level === 'error') ? 'fail' : 'pass'
  return { gate: gate.id, ids: gate.ids, name: gate.name, status, figures, findings }
}

/** Anything with a file and line (a scan hit, a syntax node's site); only those two are kept. */
export interface Where {
  readonly file?: string
  readonly line?: number
}

function locationOf(where: Where): Where {
  return {
    ...(where.file !== undefined ? { file: where.file } : {}),
    ...(where.line !== undefined && where.line > 0 ? { line: where.line } : {}),
  }
}

/** An error-level finding. */
export function problem(code: string, message: string, where: Where = {}): Finding {
  return { code, message, level: 'error', ...locationOf(where) }
}

/** A note-level finding: reported, never red. */
export function note(code: string, message: string, where: Where = {}): Finding {
  return { code, message, level: 'note', ...locationOf(where) }
}

/**
 * Runs a gate so that a crash inside it is a red result with the reason, never an unhandled
 * rejection that could end the run before the report is written.
 */
export async function runGuarded(gate: Gate, context: GateContext): Promise<GateResult> {
  try {
    return await gate.run(context)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return resultOf(gate, {}, [problem('gate-crashed', `The gate could not run: ${message}`)])
  }
}
