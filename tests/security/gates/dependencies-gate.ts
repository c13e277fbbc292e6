import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { countKeytar, electronVersions, latestMajor, majorOf, runCommand } from '../dependencies'
import { scanElectronUsage, usesOf } from '../electron-usage'
import { problem, resultOf, type Figure, type Finding, type Gate, type GateResult } from '../gate'
import { readAppSources, type SourceText } from '../source-files'

/**
 * SEC-22 (the advisory audit is its own gate, dependency-audit.ts, because it needs a service
 * some registries do not offer): no keytar, Electron within the three newest
 * majors (Electron supports only those; checklist item 16), no crash reporter uploading (a dump
 * can hold a token; docs/security-requirements.md §4.2), and an SBOM of the shipped packages. Every
 * reading that needs the registry fails the gate when the registry does not answer.
 */

/** `crashReporter.start(...)` calls that do not say `uploadToServer: false`. */
export function uploadingCrashReporters(sources: readonly SourceText[]): Finding[] {
  return usesOf(scanElectronUsage(sources), 'crashReporter').flatMap((use) => {
    const access = use.node.parent
    const call = access.parent
    if (!ts.isPropertyAccessExpression(access) || access.name.text !== 'start') return []
    if (!ts.isCallExpression(call)) return []
    const options = call.arguments[0]
    const disabled =
      options !== undefined &&
      ts.isObjectLiteralExpression(options) &&
      options.properties.some(
        (property) =>
          ts.isPropertyAssignment(property) &&
          property.name.getText() === 'uploadToServer' &&
          property.initializer.kind === ts.SyntaxKind.FalseKeyword,
      )
    return disabled
      ? []
      : [
          problem(
            'crash-reporter-uploads',
            'crashReporter.start without uploadToServer: false',
            use,
          ),
        ]
  })
}

export const dependenciesGate: Gate = {
  id: 'dependencies',
  ids: ['SEC-22'],
  name: 'Dependency hygiene',
  async run(context): Promise<GateResult> {
    const findings: Finding[] = []
    const figures: Record<string, Figure> = {}
    const lockText = readFileSync(join(context.root, 'package-lock.json'), 'utf8')
    const manifestText = readFileSync(join(context.root, 'package.json'), 'utf8')

    const [distTags, sbom] = await Promise.all([
      runCommand('npm', ['view', 'electron', 'dist-tags', '--json'], context.root),
      runCommand('npm', ['sbom', '--sbom-format', 'cyclonedx', '--omit', 'dev'], context.root),
    ])

    figures.keytarInLockfile = countKeytar(lockText)
    if (figures.keytarInLockfile > 0) {
      findings.push(
        problem(
          'keytar-present',
          `keytar appears ${figures.keytarInLockfile} times in package-lock.json`,
        ),
      )
    }

    const versions = electronVersions(manifestText, lockText)
    const installed = majorOf(versions.locked ?? versions.declared ?? '')
    figures.electronDeclared = versions.declared ?? 'none'
    figures.electronLocked = versions.locked ?? 'none'
    if (versions.declared && versions.locked && majorOf(versions.declared) !== installed) {
      findings.push(
        problem('electron-lock-drift', 'package.json and package-lock.json disagree on Electron'),
      )
    }
    try {
      if (distTags.code !== 0)
        throw new Error(distTags.stderr.trim().split('\n').pop() ?? 'npm view failed')
      const newest = latestMajor(distTags.stdout)
      figures.electronLatestMajor = newest
      figures.electronMajorsBehind = newest - installed
      if (!(installed >= newest - 2)) {
        findings.push(
          problem(
            'electron-outdated',
            `Electron ${installed} is not within the three newest majors (${newest})`,
          ),
        )
      }
    } catch (error) {
      figures.electronLatestMajor = 'unavailable'
      findings.push(
        problem(
          'electron-latest-unavailable',
          `could not read Electron's newest major: ${String(error)}`,
        ),
      )
    }

    const crash = uploadingCrashReporters(readAppSources(context.root))
    figures.uploadingCrashReporters = crash.length
    findings.push(...crash)

    try {
      const components = (JSON.parse(sbom.stdout) as { components?: unknown[] }).components
      if (sbom.code !== 0 || !Array.isArray(components))
        throw new Error(sbom.stderr.trim() || 'no components')
      writeFileSync(join(context.reportsDir, 'sbom.cdx.json'), sbom.stdout)
      figures.sbomComponents = components.length
    } catch (error) {
      figures.sbomComponents = 'unavailable'
      findings.push(problem('sbom-failed', `npm sbom failed: ${String(error)}`))
    }
    return resultOf(dependenciesGate, figures, findings)
  },
}
