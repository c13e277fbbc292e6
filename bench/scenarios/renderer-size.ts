import { readdirSync, readFileSync } from 'node:fs'
import { join, posix } from 'node:path'
import { gzipSync } from 'node:zlib'
import { atMost, figure, type ScenarioResult } from '../support/figures'

/**
 * Scenario: the renderer's initial JavaScript: what index.html makes the browser load before
 * the first screen (module entry scripts, modulepreload links, and every chunk those import
 * statically), minified as built and gzip-compressed (zlib level 9). Chunks reached only through
 * `import()` are the lazily loaded routes, listed apart.
 */
export interface JsFile {
  readonly file: string
  readonly bytes: number
  readonly gzipBytes: number
}

export interface BundleSizes {
  readonly eager: readonly JsFile[]
  readonly lazy: readonly JsFile[]
  readonly eagerCss: readonly JsFile[]
}

const attr = (tag: string, name: string): string | undefined =>
  new RegExp(`\\s${name}=["']([^"']+)["']`).exec(tag)?.[1]

/** Relative paths (from the html) of eager scripts, module preloads and stylesheets. */
function entriesOf(html: string): { scripts: string[]; styles: string[] } {
  const scripts: string[] = []
  const styles: string[] = []
  for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
    const src = attr(tag, 'src')
    if (src && !/\sasync\b|\sdefer\b/.test(tag)) scripts.push(src)
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    const rel = attr(tag, 'rel')
    const href = attr(tag, 'href')
    if (href && rel === 'modulepreload') scripts.push(href)
    if (href && rel === 'stylesheet') styles.push(href)
  }
  return { scripts, styles }
}

/** Static `import … from "./x.js"`, `import "./x.js"` and `export … from "./x.js"`; never `import(…)`. */
const STATIC_IMPORT =
  /(?:^|[;\n}\s])(?:import|export)\s*(?:[^"'();]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g

const sizeOf = (dir: string, file: string): JsFile => {
  const body = readFileSync(join(dir, file))
  return { file, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length }
}

/** Measures a built renderer directory (out/renderer, or the bare React page). */
export function measureBundle(dir: string): BundleSizes {
  const { scripts, styles } = entriesOf(readFileSync(join(dir, 'index.html'), 'utf8'))
  const eager = new Set<string>()
  const queue = scripts.map((src) => posix.normalize(src.replace(/^\.?\//, '')))
  while (queue.length > 0) {
    const file = queue.shift()!
    if (eager.has(file)) continue
    eager.add(file)
    const code = readFileSync(join(dir, file), 'utf8')
    for (const match of code.matchAll(STATIC_IMPORT)) {
      queue.push(posix.normalize(posix.join(posix.dirname(file), match[1]!)))
    }
  }
  const allJs = readdirSync(join(dir, 'assets'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => `assets/${name}`)
  return {
    eager: [...eager].map((file) => sizeOf(dir, file)),
    lazy: allJs.filter((file) => !eager.has(file)).map((file) => sizeOf(dir, file)),
    eagerCss: styles.map((href) => sizeOf(dir, href.replace(/^\.?\//, ''))),
  }
}

const kB = (bytes: number): number => bytes / 1000
const sum = (files: readonly JsFile[], key: 'bytes' | 'gzipBytes'): number =>
  files.reduce((total, file) => total + file[key], 0)

export function benchRendererSize(appDir: string, bareDir: string): ScenarioResult {
  const app = measureBundle(appDir)
  const bare = measureBundle(bareDir)
  const list = (files: readonly JsFile[]) =>
    files
      .map(
        (f) => `\`${f.file}\` ${kB(f.bytes).toFixed(1)} kB (${kB(f.gzipBytes).toFixed(1)} kB gzip)`,
      )
      .join(', ') || 'none'
  return {
    id: 'renderer-size',
    short: 'Renderer size',
    title: 'Renderer: initial JavaScript',
    method: [
      'The renderer as `electron-vite build` makes it for out/ (minified; built into a temp dir ' +
        'with the repo’s config). Eager = the entry scripts and ' +
        'modulepreloads of index.html plus their static imports; gzip at zlib level 9. ' +
        'Sizes are deterministic: one measurement.',
      `Eager: ${list(app.eager)}. Eager CSS: ${list(app.eagerCss)}.`,
      `Lazy route chunks: ${list(app.lazy)}.`,
      `Bare React page built the same way: ${list(bare.eager)}.`,
    ],
    figures: [
      figure({
        id: 'renderer-initial-js-min',
        label: 'Initial JS, minified',
        unit: 'kB',
        runs: [kB(sum(app.eager, 'bytes'))],
        reference: `bare React page ${kB(sum(bare.eager, 'bytes')).toFixed(1)} kB`,
      }),
      figure({
        id: 'renderer-initial-js-gzip',
        label: 'Initial JS, gzip',
        unit: 'kB',
        runs: [kB(sum(app.eager, 'gzipBytes'))],
        target: atMost(100, 'kB'),
        reference: `bare React page ${kB(sum(bare.eager, 'gzipBytes')).toFixed(1)} kB`,
        missNote:
          'Beyond React itself (the bare page’s size), most of the entry chunk is the message ' +
          'catalogue: src/shared/i18n/en.ts combines every area’s messages, so each new area ' +
          'grows the first download. Loading each home’s messages with its lazy chunk (and ' +
          'keeping zod schemas out of the renderer’s entry) keeps the entry near the bare page.',
      }),
      figure({
        id: 'renderer-lazy-js-gzip',
        label: 'Lazy route chunks, gzip (all together)',
        unit: 'kB',
        runs: [kB(sum(app.lazy, 'gzipBytes'))],
      }),
    ],
  }
}
