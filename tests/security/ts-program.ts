import ts from 'typescript'
import type { SourceText } from './source-files'

/**
 * A TypeScript program over in-memory sources, bound but not resolved: enough for the checker to
 * tell which declaration an identifier refers to (an `ipcMain` import, or a parameter that merely
 * shares its name), without type-checking the app or reading node_modules. Tests feed it fixture
 * strings; the gates feed it the files on disk.
 */
export function createSourceProgram(sources: readonly SourceText[]): ts.Program {
  const byPath = new Map(sources.map((source) => [source.path, source.text]))
  const options: ts.CompilerOptions = {
    noResolve: true,
    noLib: true,
    allowJs: true,
    jsx: ts.JsxEmit.Preserve,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    noEmit: true,
  }
  const host: ts.CompilerHost = {
    getSourceFile: (fileName, languageVersion) => {
      const text = byPath.get(fileName)
      return text === undefined
        ? undefined
        : ts.createSourceFile(fileName, text, languageVersion, true, scriptKindOf(fileName))
    },
    getDefaultLibFileName: () => 'lib.d.ts',
    writeFile: () => undefined,
    getCurrentDirectory: () => '',
    getCanonicalFileName: (fileName) => fileName,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (fileName) => byPath.has(fileName),
    readFile: (fileName) => byPath.get(fileName),
  }
  return ts.createProgram({ rootNames: [...byPath.keys()], options, host })
}

function scriptKindOf(fileName: string): ts.ScriptKind {
  if (fileName.endsWith('.tsx')) return ts.ScriptKind.TSX
  if (/\.(js|mjs|cjs)$/.test(fileName)) return ts.ScriptKind.JS
  return ts.ScriptKind.TS
}

/** The program's own files (the ones given to it), in the order given. */
export function ownSourceFiles(
  program: ts.Program,
  sources: readonly SourceText[],
): ts.SourceFile[] {
  return sources
    .map((source) => program.getSourceFile(source.path))
    .filter((file): file is ts.SourceFile => file !== undefined)
}

/** 1-based line of a node, for findings. */
export function lineOf(node: ts.Node): number {
  const file = node.getSourceFile()
  return file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1
}

/** Calls `visit` on every node of the file, depth first. */
export function forEachNode(file: ts.SourceFile, visit: (node: ts.Node) => void): void {
  const walk = (node: ts.Node): void => {
    visit(node)
    ts.forEachChild(node, walk)
  }
  walk(file)
}

/** The symbol an identifier refers to, seeing through `{ name }` shorthand and `export { name }`. */
export function symbolOfReference(
  checker: ts.TypeChecker,
  identifier: ts.Identifier,
): ts.Symbol | undefined {
  const parent = identifier.parent
  if (ts.isShorthandPropertyAssignment(parent) && parent.name === identifier) {
    return checker.getShorthandAssignmentValueSymbol(parent)
  }
  if (ts.isExportSpecifier(parent) && !parent.parent.parent.moduleSpecifier) {
    return checker.getExportSpecifierLocalTargetSymbol(parent)
  }
  return checker.getSymbolAtLocation(identifier)
}
