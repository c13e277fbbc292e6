import ts from 'typescript'
import { scanElectronUsage, usesOf, type ElectronUsage } from '../electron-usage'
import { problem, resultOf, type Finding, type Gate, type GateResult } from '../gate'
import { readAppSources, type SourceText } from '../source-files'

/**
 * SEC-01 / SEC-08: one window factory and two IPC adapters. docs/architecture.md puts `new
 * BrowserWindow` only in the factory (so every window gets the checklist's flags), raw `ipcMain`
 * only in main/ipc/register-handlers.ts (so every handler passes the sender check and the schema),
 * and raw `ipcRenderer` only in the preload (so the page never reaches IPC itself). Electron
 * security checklist items 17 and 20.
 */

export const WINDOW_FACTORY = 'src/main/window.ts'
export const IPC_MAIN_ADAPTER = 'src/main/ipc/register-handlers.ts'
export const PRELOAD_DIRECTORY = 'src/preload/'

/** `ipcMain` methods that register a listener or handler. */
const REGISTRATIONS = new Set([
  'handle',
  'handleOnce',
  'on',
  'once',
  'addListener',
  'prependListener',
  'prependOnceListener',
])

function countByFile(entries: readonly { file: string }[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const { file } of entries) counts[file] = (counts[file] ?? 0) + 1
  return counts
}

function describeCounts(counts: Record<string, number>): string {
  const parts = Object.entries(counts).map(([file, count]) => `${file} ×${count}`)
  return parts.length > 0 ? parts.join(', ') : 'none'
}

/** The rules on already-scanned usage; pure, so tests feed it fixture sources. */
export function checkFactoryAndAdapters(usage: ElectronUsage): {
  figures: Record<string, number | string>
  findings: Finding[]
} {
  const findings: Finding[] = []
  const windowsOutside = usage.constructions.filter((site) => site.file !== WINDOW_FACTORY)
  for (const site of windowsOutside) {
    findings.push(
      problem('window-outside-factory', `new BrowserWindow outside ${WINDOW_FACTORY}`, site),
    )
  }
  const factorySites = usage.constructions.length - windowsOutside.length
  if (factorySites === 0) {
    findings.push(
      problem(
        'factory-missing',
        `${WINDOW_FACTORY} constructs no BrowserWindow: is it still the factory?`,
      ),
    )
  }

  const ipcMainUses = usesOf(usage, 'ipcMain')
  const ipcMainOutside = ipcMainUses.filter((use) => use.file !== IPC_MAIN_ADAPTER)
  for (const use of ipcMainOutside) {
    findings.push(
      problem('raw-ipc-main', `Electron's ipcMain used outside ${IPC_MAIN_ADAPTER}`, use),
    )
  }
  const rawRegistrations = ipcMainOutside.filter((use) => {
    const parent = use.node.parent
    return (
      ts.isPropertyAccessExpression(parent) &&
      parent.expression === use.node &&
      REGISTRATIONS.has(parent.name.text)
    )
  })

  const ipcRendererUses = usesOf(usage, 'ipcRenderer')
  const ipcRendererOutside = ipcRendererUses.filter(
    (use) => !use.file.startsWith(PRELOAD_DIRECTORY),
  )
  for (const use of ipcRendererOutside) {
    findings.push(
      problem('raw-ipc-renderer', `Electron's ipcRenderer used outside ${PRELOAD_DIRECTORY}`, use),
    )
  }

  return {
    figures: {
      browserWindowConstructions: usage.constructions.length,
      filesWithNewBrowserWindow: Object.keys(countByFile(usage.constructions)).length,
      browserWindowSites: describeCounts(countByFile(usage.constructions)),
      ipcMainUses: ipcMainUses.length,
      ipcMainUsesOutsideAdapter: ipcMainOutside.length,
      rawIpcMainRegistrationsOutsideAdapter: rawRegistrations.length,
      ipcMainSites: describeCounts(countByFile(ipcMainUses)),
      ipcRendererUses: ipcRendererUses.length,
      ipcRendererUsesOutsidePreload: ipcRendererOutside.length,
      ipcRendererSites: describeCounts(countByFile(ipcRendererUses)),
    },
    findings,
  }
}

/** Runs the check on sources (the gate reads them from `src/`). */
export function checkSources(sources: readonly SourceText[]): {
  figures: Record<string, number | string>
  findings: Finding[]
} {
  const result = checkFactoryAndAdapters(scanElectronUsage(sources))
  return { ...result, figures: { ...result.figures, filesScanned: sources.length } }
}

export const factoryAdaptersGate: Gate = {
  id: 'factory-adapters',
  ids: ['SEC-01', 'SEC-08'],
  name: 'One window factory, two IPC adapters',
  async run(context): Promise<GateResult> {
    const { figures, findings } = checkSources(readAppSources(context.root))
    return resultOf(factoryAdaptersGate, figures, findings)
  },
}
