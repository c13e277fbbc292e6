// `npm run preview` (after the build): runs the browser preview server, out/main/preview.js,
// which serves the built renderer against the real main services on 127.0.0.1.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const entry = resolve(import.meta.dirname, '..', 'out', 'main', 'preview.js')
if (!existsSync(entry)) {
  console.error(`No preview build at ${entry}. Run "npm run build" first.`)
  process.exit(1)
}
await import(pathToFileURL(entry).href)
