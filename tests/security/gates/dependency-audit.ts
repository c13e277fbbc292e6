import { parseAudit, runCommand } from '../dependencies'
import { problem, resultOf, type Figure, type Finding, type Gate, type GateResult } from '../gate'

/**
 * SEC-22's advisory half: `npm audit --omit=dev` finds no high or critical advisory in what ships.
 * A separate gate from the rest of dependency hygiene because it needs the registry's bulk
 * advisory endpoint, which some registries (this workplace's among them: 405) do not offer. An
 * audit that did not run is red with that reason, never reported as "0 advisories".
 */
export const dependencyAuditGate: Gate = {
  id: 'dependency-audit',
  ids: ['SEC-22'],
  name: 'No high or critical advisory in what ships',
  async run(context): Promise<GateResult> {
    const findings: Finding[] = []
    const figures: Record<string, Figure> = {}
    const audit = await runCommand('npm', ['audit', '--omit=dev', '--json'], context.root)
    const reading = parseAudit(audit.stdout)
    if (reading.ok) {
      figures.auditHigh = reading.counts.high ?? 0
      figures.auditCritical = reading.counts.critical ?? 0
      figures.auditModerateOrLower =
        (reading.counts.moderate ?? 0) + (reading.counts.low ?? 0) + (reading.counts.info ?? 0)
      const serious = figures.auditHigh + figures.auditCritical
      if (serious > 0)
        findings.push(problem('audit-high', `npm audit: ${serious} high or critical advisories`))
    } else {
      figures.audit = 'unavailable'
      findings.push(
        problem('audit-unavailable', `npm audit --omit=dev could not run: ${reading.reason}`),
      )
    }
    return resultOf(dependencyAuditGate, figures, findings)
  },
}
