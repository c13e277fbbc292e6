import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, normalize } from 'node:path'
import { toPosix } from '../tests/security/source-files'

/**
 * The repository's documentation must stand on its own in a clone: every relative Markdown link
 * and image resolves (with its `#anchor`, where the target is Markdown), nothing points at files
 * that live outside the repository, every section citation (`docs/graph-api.md §2.5`) names a
 * document of the repository and a section that document has, and every heading citation
 * (`docs/architecture.md › Secrets`) a heading that document has. Checked by docs-links.test.ts, in
 * `npm test`. Pure functions over a file list, so the test can also run them on a broken fixture.
 */

export interface DocProblem {
  readonly file: string
  readonly line: number
  readonly message: string
}

/** Folders whose files are build output or reports, never documentation to check. */
const SKIPPED = /^(node_modules|out|reports)\//

const SECTION_SIGN = '\u00a7'

/**
 * Places outside the repository that files used to cite. The patterns are spelled so that this
 * file does not match them itself; the design-document pattern is a whole upper-case word, so a
 * constant such as SLOW_BY_… does not count (`_` is a word character).
 */
const FOREIGN_REFERENCES: readonly { readonly pattern: RegExp; readonly what: string }[] = [
  { pattern: /\.\.\/shared\b/, what: 'the shared folder beside the repository' },
  { pattern: /\bshared\/(?:D[E]SIGN\.md|reference\b)/, what: 'the shared design folder' },
  { pattern: /\breference\/[\w-]+\.md\b/, what: 'a reference file outside the repository' },
  { pattern: /\bD[E]SIGN\b/, what: 'the seed design document (use docs/architecture.md)' },
]

/** Documents outside the repository that a section citation may name. */
const EXTERNAL_DOCUMENTS = /NIST SP 800-63B/g

/** A document name as a citation gives it: `docs/graph-api.md`, `CONTRIBUTING.md`, `user-guide.md`. */
const DOCUMENT_NAME = /(?:[\w.-]+\/)*[\w.-]+\.md\b/g

const CITATION = new RegExp(`${SECTION_SIGN}\\s?(\\d+(?:\\.\\d+)*)?`, 'g')

/** Every file git knows of (tracked, and new ones not ignored) that still exists. */
export function listRepoFiles(root: string): string[] {
  const out = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  )
  const files = out.split('\0').filter((path) => path !== '' && !SKIPPED.test(path))
  return [...new Set(files)].filter((path) => existsSync(join(root, path))).sort()
}

/** The file's text, or null for binary files (a NUL byte) and files too large to be prose. */
export function readText(root: string, path: string): string | null {
  const full = join(root, path)
  if (statSync(full).size > 2 * 1024 * 1024) return null
  const buffer = readFileSync(full)
  return buffer.includes(0) ? null : buffer.toString('utf8')
}

/** Lines of a Markdown text with fenced code blocks blanked out (line numbers stay). */
function withoutFences(text: string): string[] {
  let fence: string | null = null
  return text.split('\n').map((line) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1]
    if (fence === null && marker) {
      fence = marker[0]!.repeat(marker.length)
      return ''
    }
    if (fence !== null) {
      if (marker?.startsWith(fence)) fence = null
      return ''
    }
    return line
  })
}

/** Inline code spans blanked out, so a link shown as code is not followed. */
const withoutCodeSpans = (line: string): string => line.replace(/(`+)[^`]*?\1/g, '')

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
export function githubSlug(heading: string): string {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-')
}

interface Heading {
  readonly text: string
  readonly number: string | null
}

function headingsOf(text: string): Heading[] {
  const headings: Heading[] = []
  for (const line of withoutFences(text)) {
    const match = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)
    if (!match) continue
    const title = match[1]!
    const number = /^(\d+(?:\.\d+)*)\.?(?:\s|$)/.exec(title)?.[1] ?? null
    headings.push({ text: title, number })
  }
  return headings
}

/** The anchors GitHub gives a document's headings, repeats numbered `-1`, `-2`, … */
export function anchorsOf(text: string): Set<string> {
  const anchors = new Set<string>()
  const seen = new Map<string, number>()
  for (const heading of headingsOf(text)) {
    const slug = githubSlug(heading.text)
    const count = seen.get(slug) ?? 0
    seen.set(slug, count + 1)
    anchors.add(count === 0 ? slug : `${slug}-${count}`)
  }
  return anchors
}

/** The section numbers a document's headings start with (`## 2.` and `### 2.5 …` give 2, 2.5). */
export function sectionsOf(text: string): Set<string> {
  return new Set(headingsOf(text).flatMap((heading) => (heading.number ? [heading.number] : [])))
}

/** A view of the repository: which paths exist, and the text of a file. */
interface Tree {
  readonly root: string
  readonly files: ReadonlySet<string>
  readonly directories: ReadonlySet<string>
  text(path: string): string | null
}

function makeTree(root: string, files: readonly string[]): Tree {
  const texts = new Map<string, string | null>()
  const directories = new Set<string>()
  for (const file of files) {
    for (let dir = dirname(file); dir !== '.'; dir = dirname(dir)) directories.add(dir)
  }
  return {
    root,
    files: new Set(files),
    directories,
    text(path) {
      if (!texts.has(path)) texts.set(path, this.files.has(path) ? readText(root, path) : null)
      return texts.get(path) ?? null
    },
  }
}

/** `a/b/../c.md` → `a/c.md`; null when it climbs out of the repository. */
function inRepo(path: string): string | null {
  const normal = toPosix(normalize(path)).replace(/\/$/, '')
  return normal.startsWith('..') || normal.startsWith('/') ? null : normal === '.' ? '' : normal
}

const LINK =
  /!?\[(?:[^\]]|\\\])*\]\(\s*(<[^>]*>|[^\s)]+)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g
const REFERENCE_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)/
const HTML_SOURCE = /<(?:img|a|source)\b[^>]*\b(?:src|href)\s*=\s*["']([^"']+)["']/gi

function linkTargets(line: string): string[] {
  const targets = [...line.matchAll(LINK)].map((match) => match[1]!)
  const definition = REFERENCE_DEFINITION.exec(line)?.[1]
  if (definition) targets.push(definition)
  targets.push(...[...line.matchAll(HTML_SOURCE)].map((match) => match[1]!))
  return targets.map((target) => target.replace(/^<|>$/g, ''))
}

function checkLink(tree: Tree, file: string, target: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) return null
  const hash = target.indexOf('#')
  const pathPart = hash < 0 ? target : target.slice(0, hash)
  const anchor = hash < 0 ? null : decodeURIComponent(target.slice(hash + 1))
  const resolved = pathPart
    ? inRepo(
        pathPart.startsWith('/')
          ? decodeURI(pathPart.slice(1))
          : join(dirname(file), decodeURI(pathPart)),
      )
    : file
  if (resolved === null) return `link leaves the repository: ${target}`
  const isFile = tree.files.has(resolved)
  if (!isFile && !tree.directories.has(resolved) && resolved !== '') {
    return `link to a missing file: ${target}`
  }
  if (anchor === null || !isFile || !resolved.endsWith('.md')) return null
  const text = tree.text(resolved)
  if (text !== null && !anchorsOf(text).has(anchor)) {
    return `link to a missing heading: ${target} (no #${anchor} in ${resolved})`
  }
  return null
}

function checkMarkdownLinks(tree: Tree, file: string, text: string): DocProblem[] {
  const problems: DocProblem[] = []
  withoutFences(text).forEach((line, index) => {
    for (const target of linkTargets(withoutCodeSpans(line))) {
      const message = checkLink(tree, file, target)
      if (message) problems.push({ file, line: index + 1, message })
    }
  })
  return problems
}

function checkForeignReferences(file: string, text: string): DocProblem[] {
  const problems: DocProblem[] = []
  text.split('\n').forEach((line, index) => {
    for (const { pattern, what } of FOREIGN_REFERENCES) {
      if (pattern.test(line)) {
        problems.push({ file, line: index + 1, message: `refers to ${what}: ${line.trim()}` })
      }
    }
  })
  return problems
}

type Named = { readonly kind: 'document'; readonly name: string } | { readonly kind: 'external' }

/** The last document named in `text` (before `end`), if any. */
function lastNamed(text: string, end = text.length): Named | null {
  const before = text.slice(0, end)
  let found: { at: number; named: Named } | null = null
  for (const match of before.matchAll(DOCUMENT_NAME)) {
    found = { at: match.index, named: { kind: 'document', name: match[0] } }
  }
  for (const match of before.matchAll(EXTERNAL_DOCUMENTS)) {
    if (!found || match.index > found.at) found = { at: match.index, named: { kind: 'external' } }
  }
  return found?.named ?? null
}

/**
 * Where a cited document lives. Markdown resolves it as a link would (next to the citing file);
 * code and other files must name it from the repository root (`docs/graph-api.md`).
 */
function resolveDocument(tree: Tree, file: string, name: string): string | null {
  const candidates = file.endsWith('.md') ? [join(dirname(file), name), name] : [name]
  for (const candidate of candidates) {
    const path = inRepo(candidate)
    if (path !== null && tree.files.has(path)) return path
  }
  return null
}

/**
 * Every section sign starts a citation — the sign, then a section number such as 2 or 2.5 — of the
 * document named last before it on the same line, or else on the line before (a list of sections
 * wrapped onto the next line). A Markdown file may cite its own sections without naming itself.
 */
function checkCitations(tree: Tree, file: string, text: string): DocProblem[] {
  const problems: DocProblem[] = []
  const lines = text.split('\n')
  lines.forEach((line, index) => {
    for (const match of line.matchAll(CITATION)) {
      const report = (message: string) => problems.push({ file, line: index + 1, message })
      const section = match[1]
      if (section === undefined) {
        report(`a section sign without a section number: ${line.trim()}`)
        continue
      }
      const named =
        lastNamed(line, match.index) ?? (index > 0 ? lastNamed(lines[index - 1]!) : null)
      if (named?.kind === 'external') continue
      const path = named
        ? resolveDocument(tree, file, named.name)
        : file.endsWith('.md')
          ? file
          : null
      if (!named && path === null) {
        report(`${SECTION_SIGN}${section} names no document (write e.g. docs/graph-api.md)`)
        continue
      }
      if (path === null) {
        report(
          `${SECTION_SIGN}${section} cites ${named?.kind === 'document' ? named.name : ''}, which is not in the repository`,
        )
        continue
      }
      const target = tree.text(path)
      if (target === null || !sectionsOf(target).has(section)) {
        report(`${SECTION_SIGN}${section} is not a section of ${path}`)
      }
    }
  })
  return problems
}

/** `docs/architecture.md › Secrets`: a document, then the title of one of its headings. */
const HEADING_CITATION = /((?:[\w.-]+\/)*[\w.-]+\.md) \u203a([^;,.:)"(\]`\u2014\n]*)/g

/** A heading's title as a citation names it: without its number, formatting or case. */
const headingName = (title: string): string =>
  title
    .replace(/^\d+(?:\.\d+)*\.?\s+/, '')
    .replace(/[`*]/g, '')
    .trim()
    .toLowerCase()

function checkHeadingCitations(tree: Tree, file: string, text: string): DocProblem[] {
  const problems: DocProblem[] = []
  text.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(HEADING_CITATION)) {
      const [, name = '', title = ''] = match
      const path = resolveDocument(tree, file, name)
      const target = path === null ? null : tree.text(path)
      const wanted = headingName(title)
      if (wanted === '') {
        problems.push({
          file,
          line: index + 1,
          message: `"${name} \u203a" is not followed by a heading on the same line`,
        })
        continue
      }
      if (target === null || !headingsOf(target).some((h) => headingName(h.text) === wanted)) {
        problems.push({
          file,
          line: index + 1,
          message: `"${name} \u203a ${title.trim()}" names no heading of ${path ?? name}`,
        })
      }
    }
  })
  return problems
}

/** Every problem in the given files (paths relative to `root`, forward slashes). */
export function findDocProblems(root: string, files: readonly string[]): DocProblem[] {
  const tree = makeTree(root, files)
  const problems: DocProblem[] = []
  for (const file of files) {
    const text = tree.text(file)
    if (text === null) continue
    if (file.endsWith('.md')) problems.push(...checkMarkdownLinks(tree, file, text))
    problems.push(...checkForeignReferences(file, text))
    if (text.includes(SECTION_SIGN)) problems.push(...checkCitations(tree, file, text))
    if (text.includes('\u203a')) problems.push(...checkHeadingCitations(tree, file, text))
  }
  return problems
}

/** One line per problem, for a readable test failure. */
export const formatProblems = (problems: readonly DocProblem[]): string[] =>
  [...problems]
    .sort(
      (a, b) =>
        a.file.localeCompare(b.file) || a.line - b.line || a.message.localeCompare(b.message),
    )
    .map((problem) => `${problem.file}:${problem.line}: ${problem.message}`)
