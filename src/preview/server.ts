/**
 * `npm run preview`: serves the built renderer with the real main services on 127.0.0.1, for
 * machines where Electron cannot start. Built by electron-vite as out/main/preview.js next to the
 * app's main entry, so it must never import `electron`.
 *
 * Environment: SUA_DATA_DIR (default <repo>/.preview-data), PREVIEW_PORT (default 5199; another
 * free port when that one is taken).
 *
 * The address it prints carries this launch's secret (launch-lock.ts). It goes to stdout only, for
 * the person who started the preview; the log file never gets it.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { en } from '@shared/i18n/en'
import { translate } from '@shared/i18n/translate'
import { redactText } from '../main/log/redact'
import { startPreviewServer, type PreviewServer } from './preview-server'

const DEFAULT_PORT = 5199

/** out/main/preview.js → the repository root. */
const repoRoot = resolve(import.meta.dirname, '..', '..')

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_PORT
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`PREVIEW_PORT must be a port number from 1 to 65535, not "${raw}".`)
  }
  return port
}

async function listen(
  options: Parameters<typeof startPreviewServer>[0],
  port: number,
): Promise<PreviewServer> {
  try {
    return await startPreviewServer({ ...options, port })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error
    console.log(translate(en, 'preview.console.portInUse', { port }))
    return startPreviewServer({ ...options, port: 0 })
  }
}

async function main(): Promise<void> {
  const rendererDir = join(repoRoot, 'out', 'renderer')
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`No built renderer at ${rendererDir}. Run "npm run build" first.`)
  }
  const dataDir = process.env.SUA_DATA_DIR || join(repoRoot, '.preview-data')
  const server = await listen({ dataDir, rendererDir }, parsePort(process.env.PREVIEW_PORT))
  console.log(translate(en, 'preview.console.title'))
  console.log(translate(en, 'preview.console.open'))
  console.log(`\n  ${server.launchUrl}\n`)
  console.log(translate(en, 'preview.console.reload'))
  console.log(translate(en, 'preview.console.practice'))
  console.log(translate(en, 'preview.console.dataFolder', { dataDir }))

  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  // Redacted like every other line main writes: a start-up error must not echo a secret.
  console.error(redactText(error instanceof Error ? error.message : String(error)))
  process.exit(1)
})
