import ts from 'typescript'
import type { SourceText } from './source-files'
import {
  createSourceProgram,
  forEachNode,
  lineOf,
  ownSourceFiles,
  symbolOfReference,
} from './ts-program'

/**
 * Where code reaches Electron's own module objects (`ipcMain`, `ipcRenderer`, `BrowserWindow`,
 * `crashReporter`…), found by binding rather than by name: `fake.ipcMain` in a test, or a
 * parameter called `ipcMain` that holds an injected port, is not Electron's `ipcMain`; an aliased
 * import (`import { ipcMain as bus }`) or `require('electron').ipcMain` is.
 */

const ELECTRON_MODULES = new Set([
  'electron',
  'electron/main',
  'electron/renderer',
  'electron/common',
  'electron/utility',
])

/** `'*'` means the whole module escaped (passed along or re-exported): it could be any member. */
export interface ElectronUse {
  readonly file: string
  readonly line: number
  readonly name: string
  readonly node: ts.Node
}

/** A `new X(...)` (or `class extends X`) whose X is Electron's BrowserWindow. */
export interface Construction {
  readonly file: string
  readonly line: number
}

export interface ElectronUsage {
  readonly uses: readonly ElectronUse[]
  readonly constructions: readonly Construction[]
}

function isElectronSpecifier(node: ts.Node | undefined): boolean {
  return node !== undefined && ts.isStringLiteralLike(node) && ELECTRON_MODULES.has(node.text)
}

function unwrap(expression: ts.Expression): ts.Expression {
  let current = expression
  while (ts.isAwaitExpression(current) || ts.isParenthesizedExpression(current)) {
    current = current.expression
  }
  return current
}

/** `require('electron')` or `import('electron')`. */
function isElectronLoad(expression: ts.Expression): boolean {
  const call = unwrap(expression)
  if (!ts.isCallExpression(call)) return false
  const isRequire = ts.isIdentifier(call.expression) && call.expression.text === 'require'
  const isImport = call.expression.kind === ts.SyntaxKind.ImportKeyword
  return (isRequire || isImport) && isElectronSpecifier(call.arguments[0])
}

interface Bindings {
  readonly named: Map<ts.Symbol, string>
  readonly namespaces: Set<ts.Symbol>
  readonly declarations: Set<ts.Node>
}

function collectBindings(
  file: ts.SourceFile,
  checker: ts.TypeChecker,
  uses: ElectronUse[],
): Bindings {
  const bindings: Bindings = { named: new Map(), namespaces: new Set(), declarations: new Set() }
  const bindNamespace = (name: ts.Identifier) => {
    const symbol = checker.getSymbolAtLocation(name)
    if (symbol) bindings.namespaces.add(symbol)
    bindings.declarations.add(name)
  }
  const bindNamed = (name: ts.Identifier, exported: string) => {
    const symbol = checker.getSymbolAtLocation(name)
    if (symbol) bindings.named.set(symbol, exported)
    bindings.declarations.add(name)
  }
  forEachNode(file, (node) => {
    if (ts.isImportDeclaration(node) && isElectronSpecifier(node.moduleSpecifier)) {
      const clause = node.importClause
      if (!clause || clause.isTypeOnly) return
      if (clause.name) bindNamespace(clause.name)
      const named = clause.namedBindings
      if (named && ts.isNamespaceImport(named)) bindNamespace(named.name)
      if (named && ts.isNamedImports(named)) {
        for (const element of named.elements) {
          if (!element.isTypeOnly)
            bindNamed(element.name, (element.propertyName ?? element.name).text)
        }
      }
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      isElectronSpecifier(node.moduleReference.expression)
    ) {
      bindNamespace(node.name)
    } else if (
      ts.isVariableDeclaration(node) &&
      node.initializer &&
      isElectronLoad(node.initializer)
    ) {
      if (ts.isIdentifier(node.name)) bindNamespace(node.name)
      if (ts.isObjectBindingPattern(node.name)) {
        for (const element of node.name.elements) {
          if (!ts.isIdentifier(element.name)) continue
          const property = element.propertyName
          const exported = property && ts.isIdentifier(property) ? property.text : element.name.text
          bindNamed(element.name, exported)
        }
      }
    } else if (ts.isExportDeclaration(node) && isElectronSpecifier(node.moduleSpecifier)) {
      // Re-exporting Electron objects hands them to every importer: a use where it happens.
      const clause = node.exportClause
      const names =
        clause && ts.isNamedExports(clause)
          ? clause.elements.map((element) => (element.propertyName ?? element.name).text)
          : ['*']
      for (const name of names) uses.push({ file: file.fileName, line: lineOf(node), name, node })
    }
  })
  return bindings
}

function usesIn(file: ts.SourceFile, checker: ts.TypeChecker): ElectronUse[] {
  const uses: ElectronUse[] = []
  const bindings = collectBindings(file, checker, uses)
  const add = (name: string, node: ts.Node) =>
    uses.push({ file: file.fileName, line: lineOf(node), name, node })
  forEachNode(file, (node) => {
    if (ts.isPropertyAccessExpression(node) && isElectronLoad(node.expression)) {
      add(node.name.text, node)
      return
    }
    if (!ts.isIdentifier(node) || bindings.declarations.has(node)) return
    const symbol = symbolOfReference(checker, node)
    if (!symbol) return
    const named = bindings.named.get(symbol)
    if (named !== undefined) {
      add(named, node)
      return
    }
    if (!bindings.namespaces.has(symbol)) return
    const parent = node.parent
    if (ts.isPropertyAccessExpression(parent) && parent.expression === node) {
      add(parent.name.text, parent)
    } else if (
      ts.isElementAccessExpression(parent) &&
      parent.expression === node &&
      ts.isStringLiteralLike(parent.argumentExpression)
    ) {
      add(parent.argumentExpression.text, parent)
    } else {
      add('*', node)
    }
  })
  return uses
}

function isBrowserWindowCallee(expression: ts.Expression, uses: readonly ElectronUse[]): boolean {
  // By name too, like the lint rule: a global or a re-bound `BrowserWindow` is still a window.
  if (ts.isIdentifier(expression) && expression.text === 'BrowserWindow') return true
  if (ts.isPropertyAccessExpression(expression) && expression.name.text === 'BrowserWindow') {
    return true
  }
  return uses.some(
    (use) => use.node === expression && (use.name === 'BrowserWindow' || use.name === '*'),
  )
}

/** Every Electron use and every BrowserWindow construction in the given sources. */
export function scanElectronUsage(sources: readonly SourceText[]): ElectronUsage {
  const program = createSourceProgram(sources)
  const checker = program.getTypeChecker()
  const uses: ElectronUse[] = []
  const constructions: Construction[] = []
  for (const file of ownSourceFiles(program, sources)) {
    const fileUses = usesIn(file, checker)
    uses.push(...fileUses)
    forEachNode(file, (node) => {
      const constructs =
        (ts.isNewExpression(node) && isBrowserWindowCallee(node.expression, fileUses)) ||
        (ts.isExpressionWithTypeArguments(node) &&
          ts.isHeritageClause(node.parent) &&
          node.parent.token === ts.SyntaxKind.ExtendsKeyword &&
          isBrowserWindowCallee(node.expression, fileUses))
      if (constructs) constructions.push({ file: file.fileName, line: lineOf(node) })
    })
  }
  return { uses, constructions }
}

/** Uses of one Electron member (an escaped whole module counts as a use of every member). */
export function usesOf(usage: ElectronUsage, name: string): ElectronUse[] {
  return usage.uses.filter((use) => use.name === name || use.name === '*')
}
