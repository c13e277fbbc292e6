import { posix } from 'node:path'
import ts from 'typescript'
import { scanElectronUsage, usesOf } from './electron-usage'
import { problem, type Finding } from './gate'
import type { SourceText } from './source-files'
import { createSourceProgram, forEachNode, lineOf, ownSourceFiles } from './ts-program'

/**
 * SEC-07, statically: what the preload hands `contextBridge.exposeInMainWorld` must be built by
 * a function that walks the contract's channel tables (so a method exists only because a channel
 * does), must not contain `ipcRenderer` itself, and no listener may be registered with the page's
 * callback passed straight through or with the IpcRendererEvent forwarded: the event's `sender`
 * is an IPC handle (Electron security checklist item 20; ipc.md, "don't expose ipcRenderer.on").
 */

export const PRELOAD_ENTRY = 'src/preload/index.ts'
const CONTRACT_MODULES = ['src/shared/ipc/channels', 'src/shared/ipc/contract']
const CONTRACT_TABLES = new Set([
  'CHANNELS',
  'EVENTS',
  'API_METHOD_NAMES',
  'CHANNEL_NAMES',
  'EVENT_NAMES',
])
const LISTENER_METHODS = new Set([
  'on',
  'once',
  'addListener',
  'prependListener',
  'prependOnceListener',
])
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.js', '.mjs', '/index.ts']

/** Resolves a relative or `@shared/` import the way the bundler does, among the known sources. */
export function resolveImport(
  from: string,
  specifier: string,
  known: ReadonlySet<string>,
): string | null {
  let base: string
  if (specifier.startsWith('@shared/')) base = `src/shared/${specifier.slice('@shared/'.length)}`
  else if (specifier.startsWith('.'))
    base = posix.normalize(posix.join(posix.dirname(from), specifier))
  else return null
  if (known.has(base)) return base
  for (const extension of EXTENSIONS) {
    if (known.has(base + extension)) return base + extension
  }
  return null
}

function importsOf(source: SourceText): string[] {
  const file = ts.createSourceFile(source.path, source.text, ts.ScriptTarget.ES2022, false)
  const out: string[] = []
  for (const statement of file.statements) {
    // Type-only imports vanish from the bundle: they cannot put anything on window.api.
    const typeOnly = ts.isImportDeclaration(statement)
      ? statement.importClause?.isTypeOnly === true
      : ts.isExportDeclaration(statement) && statement.isTypeOnly
    if (
      !typeOnly &&
      (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier)
    ) {
      out.push(statement.moduleSpecifier.text)
    }
  }
  return out
}

/** The modules the preload bundle is made of: the entry and everything it imports, transitively. */
export function preloadModuleGraph(
  sources: readonly SourceText[],
  entry = PRELOAD_ENTRY,
): SourceText[] {
  const byPath = new Map(sources.map((source) => [source.path, source]))
  const known = new Set(byPath.keys())
  const seen = new Set<string>()
  const queue = byPath.has(entry) ? [entry] : []
  while (queue.length > 0) {
    const path = queue.shift() as string
    if (seen.has(path)) continue
    seen.add(path)
    for (const specifier of importsOf(byPath.get(path) as SourceText)) {
      const target = resolveImport(path, specifier, known)
      if (target !== null && !seen.has(target)) queue.push(target)
    }
  }
  return [...seen].map((path) => byPath.get(path) as SourceText)
}

function isContractModule(path: string | null): boolean {
  return path !== null && CONTRACT_MODULES.some((module) => path.startsWith(module))
}

/** Names a module imports from the contract (channels.ts or contract.ts). */
function contractImports(file: ts.SourceFile, known: ReadonlySet<string>): Set<string> {
  const names = new Set<string>()
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier))
      continue
    const target = resolveImport(file.fileName, statement.moduleSpecifier.text, known)
    const bindings = statement.importClause?.namedBindings
    if (!isContractModule(target) || !bindings || !ts.isNamedImports(bindings)) continue
    for (const element of bindings.elements) {
      if (CONTRACT_TABLES.has((element.propertyName ?? element.name).text))
        names.add(element.name.text)
    }
  }
  return names
}

type FunctionLike = ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression

/** Finds the function a builder call refers to: declared in this file or imported from another. */
function findBuilder(
  call: ts.CallExpression,
  program: ts.Program,
  known: ReadonlySet<string>,
): { fn: FunctionLike; file: ts.SourceFile; name: string } | null {
  if (!ts.isIdentifier(call.expression)) return null
  const name = call.expression.text
  let file = call.getSourceFile()
  let exported = name
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier))
      continue
    const bindings = statement.importClause?.namedBindings
    const element =
      bindings && ts.isNamedImports(bindings)
        ? bindings.elements.find((candidate) => candidate.name.text === name)
        : undefined
    if (!element) continue
    const target = resolveImport(file.fileName, statement.moduleSpecifier.text, known)
    const targetFile = target === null ? undefined : program.getSourceFile(target)
    if (!targetFile) return null
    file = targetFile
    exported = (element.propertyName ?? element.name).text
  }
  for (const statement of file.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name?.text === exported) {
      return { fn: statement, file, name: exported }
    }
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer
        if (
          ts.isIdentifier(declaration.name) &&
          declaration.name.text === exported &&
          init &&
          (ts.isArrowFunction(init) || ts.isFunctionExpression(init))
        ) {
          return { fn: init, file, name: exported }
        }
      }
    }
  }
  return null
}

function tablesReferenced(fn: FunctionLike, tables: ReadonlySet<string>): string[] {
  const found = new Set<string>()
  const walk = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && tables.has(node.text)) found.add(node.text)
    ts.forEachChild(node, walk)
  }
  walk(fn)
  return [...found].sort()
}

function isFunctionLike(node: ts.Node): node is FunctionLike {
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isFunctionDeclaration(node)
}

/** Why a listener is unsafe, or null when it wraps the callback and drops the event. */
function listenerProblem(listener: ts.Expression, checker: ts.TypeChecker): string | null {
  let fn: ts.Node | undefined = listener
  if (ts.isIdentifier(listener)) {
    const declaration = checker.getSymbolAtLocation(listener)?.valueDeclaration
    if (!declaration) return 'listener-not-wrapped'
    if (ts.isParameter(declaration)) return 'listener-passed-through'
    fn = ts.isVariableDeclaration(declaration) ? declaration.initializer : declaration
  }
  if (!fn || !isFunctionLike(fn)) return 'listener-not-wrapped'
  const first = fn.parameters[0]
  if (!first) return null
  if (first.dotDotDotToken || !ts.isIdentifier(first.name)) return 'event-forwarded'
  const eventSymbol = checker.getSymbolAtLocation(first.name)
  if (!eventSymbol) return 'listener-not-wrapped'
  let used = false
  const walk = (node: ts.Node): void => {
    if (
      ts.isIdentifier(node) &&
      node !== first.name &&
      checker.getSymbolAtLocation(node) === eventSymbol
    ) {
      used = true
    }
    ts.forEachChild(node, walk)
  }
  if (fn.body) walk(fn.body)
  return used ? 'event-forwarded' : null
}

const LISTENER_MESSAGES: Record<string, string> = {
  'listener-passed-through': "a listener is the page's own callback, passed straight to IPC",
  'listener-not-wrapped': 'a listener is not a local wrapper function the check can read',
  'event-forwarded': 'a listener uses the IpcRendererEvent (its sender is an IPC handle)',
}

export interface PreloadStaticResult {
  readonly figures: Record<string, number | string>
  readonly findings: Finding[]
  /** The key given to each exposeInMainWorld call, in order. */
  readonly exposedKeys: string[]
}

/** Checks the preload bundle's modules among `sources` (app sources under src/). */
export function checkPreloadStatic(sources: readonly SourceText[]): PreloadStaticResult {
  const findings: Finding[] = []
  const modules = preloadModuleGraph(sources)
  if (modules.length === 0) {
    return {
      figures: { preloadModules: 0 },
      findings: [problem('preload-missing', `${PRELOAD_ENTRY} not found`)],
      exposedKeys: [],
    }
  }
  const known = new Set(sources.map((source) => source.path))
  const program = createSourceProgram(modules)
  const checker = program.getTypeChecker()
  const usage = scanElectronUsage(modules)
  const exposedKeys: string[] = []
  const builders: string[] = []

  for (const use of usesOf(usage, 'contextBridge')) {
    const access = use.node.parent
    const call = access?.parent
    if (!access || !ts.isPropertyAccessExpression(access) || !call || !ts.isCallExpression(call))
      continue
    if (!access.name.text.startsWith('expose')) continue
    const [keyNode, value] = call.arguments
    exposedKeys.push(keyNode && ts.isStringLiteralLike(keyNode) ? keyNode.text : '(dynamic)')
    if (!value) continue
    const builder = ts.isCallExpression(value) ? findBuilder(value, program, known) : null
    const tables = builder ? tablesReferenced(builder.fn, contractImports(builder.file, known)) : []
    if (!builder || tables.length === 0) {
      findings.push(
        problem(
          'surface-not-from-contract',
          "the exposed object is not built by a function that walks the contract's channel tables",
          { file: use.file, line: lineOf(call) },
        ),
      )
    } else {
      builders.push(`${builder.name}(${tables.join(', ')}) in ${builder.file.fileName}`)
    }
    for (const raw of usesOf(usage, 'ipcRenderer')) {
      const insideValue = raw.node.pos >= value.pos && raw.node.end <= value.end
      const isBuilderArgument =
        ts.isCallExpression(value) && value.arguments.some((arg) => arg === raw.node)
      if (raw.file === use.file && insideValue && !isBuilderArgument) {
        findings.push(
          problem(
            'ipc-renderer-exposed',
            'ipcRenderer (or a member of it) is exposed to the page',
            raw,
          ),
        )
      }
    }
  }
  if (exposedKeys.length !== 1) {
    findings.push(
      problem(
        'exposure-count',
        `expected exactly one exposeInMainWorld call, found ${exposedKeys.length}`,
      ),
    )
  }

  let listeners = 0
  for (const file of ownSourceFiles(program, modules)) {
    if (!file.fileName.startsWith('src/preload/')) continue
    forEachNode(file, (node) => {
      if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return
      if (!LISTENER_METHODS.has(node.expression.name.text) || node.arguments.length < 2) return
      listeners += 1
      const code = listenerProblem(node.arguments[1] as ts.Expression, checker)
      if (code) {
        findings.push(
          problem(code, LISTENER_MESSAGES[code] ?? code, {
            file: file.fileName,
            line: lineOf(node),
          }),
        )
      }
    })
  }

  return {
    figures: {
      preloadModules: modules.length,
      exposeInMainWorldCalls: exposedKeys.length,
      exposedAs: exposedKeys.join(', ') || 'none',
      surfaceBuiltBy: builders.join('; ') || 'none',
      listenerRegistrations: listeners,
    },
    findings,
    exposedKeys,
  }
}
