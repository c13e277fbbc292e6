import { readFile, realpath, stat } from 'node:fs/promises'
import { resolve, sep } from 'node:path'
import { contentTypeFor } from '../main/content-types'

export { contentTypeFor }

/**
 * Maps a request path (already without its query) to a file under `root`, or null when the path
 * could leave it. Checks happen after percent-decoding, because `%2e%2e%2f` is `../` to the file
 * system (docs/security-requirements.md SEC-21 lists the same cases for the app protocol): `..` and
 * `.` segments, backslashes, NUL, undecodable input, and anything that resolves outside root are
 * all refused. `/` means index.html.
 */
export function resolveStaticPath(root: string, requestPath: string): string | null {
  if (!requestPath.startsWith('/')) return null
  let decoded: string
  try {
    decoded = decodeURIComponent(requestPath)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const segments = decoded.split('/').filter((segment) => segment !== '')
  if (segments.some((segment) => segment === '..' || segment === '.')) return null
  const base = resolve(root)
  const full = resolve(base, segments.length === 0 ? 'index.html' : segments.join('/'))
  return full.startsWith(base + sep) ? full : null
}

export interface StaticFile {
  readonly file: string
  readonly body: Buffer
  readonly contentType: string
}

/**
 * Reads a file for a request path, or null (→ 404) when the path is refused, missing, not a
 * regular file, or a symlink that leads out of root.
 */
export async function readStaticFile(
  root: string,
  requestPath: string,
): Promise<StaticFile | null> {
  const file = resolveStaticPath(root, requestPath)
  if (!file) return null
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)])
    if (!realFile.startsWith(realRoot + sep)) return null
    if (!(await stat(realFile)).isFile()) return null
    return { file, body: await readFile(realFile), contentType: contentTypeFor(file) }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return null
    throw error
  }
}
