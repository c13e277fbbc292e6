import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * The two renderers the browser figures compare, both built by electron-vite's CLI (renderer
 * preset: base './', Electron's Chrome target, React plugin, minified), into one temp dir:
 * - the app, with the repo's own config — the same files `npm run build` puts in out/renderer,
 *   built apart (`--outDir`) so a bench never rewrites out/ under a test run that reads it;
 * - a bare React page (createRoot + one heading) with the same plugin and options, so the ratio
 *   between them is the app's own cost, not the toolchain's.
 */
const cli = (repo: string): string =>
  join(repo, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')

function runBuild(repo: string, cwd: string, args: readonly string[], what: string): void {
  const result = spawnSync(process.execPath, [cli(repo), 'build', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  })
  if (result.status !== 0) {
    throw new Error(`bench: building ${what} failed:\n${result.stderr || result.stdout}`)
  }
}

const BARE_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Bare React page</title>
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="./src/main.tsx"></script>
  </body>
</html>
`

const BARE_MAIN = `import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <main>
      <h1>Bare React page</h1>
    </main>
  </StrictMode>,
)
`

const BARE_CONFIG = `import react from '@vitejs/plugin-react'

export default {
  renderer: { plugins: [react()], build: { minify: true } },
}
`

export interface Builds {
  /** The app's built renderer (what out/renderer holds after `npm run build`). */
  readonly appDir: string
  /** The bare React page's built renderer. */
  readonly bareDir: string
  remove(): void
}

/** Builds both renderers into a temp dir; the bare project links node_modules to the repo's. */
export function buildRenderers(repo: string): Builds {
  const root = mkdtempSync(join(tmpdir(), 'sua-bench-build-'))
  try {
    runBuild(repo, repo, ['--outDir', join(root, 'app')], 'the app')
    const bare = join(root, 'bare')
    mkdirSync(join(bare, 'src', 'renderer', 'src'), { recursive: true })
    writeFileSync(join(bare, 'package.json'), '{ "type": "module", "private": true }\n')
    writeFileSync(join(bare, 'electron.vite.config.mjs'), BARE_CONFIG)
    writeFileSync(join(bare, 'src', 'renderer', 'index.html'), BARE_HTML)
    writeFileSync(join(bare, 'src', 'renderer', 'src', 'main.tsx'), BARE_MAIN)
    symlinkSync(join(repo, 'node_modules'), join(bare, 'node_modules'), 'dir')
    // Only a renderer is configured: main and preload are missing on purpose.
    runBuild(repo, bare, ['--ignoreConfigWarning'], 'the bare React page')
    const builds = {
      appDir: join(root, 'app', 'renderer'),
      bareDir: join(bare, 'out', 'renderer'),
    }
    for (const dir of Object.values(builds)) {
      if (!existsSync(join(dir, 'index.html'))) throw new Error(`bench: no index.html in ${dir}`)
    }
    return { ...builds, remove: () => rmSync(root, { recursive: true, force: true }) }
  } catch (error) {
    rmSync(root, { recursive: true, force: true })
    throw error
  }
}
