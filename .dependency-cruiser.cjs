// The import rules of docs/architecture.md › Import boundaries, checked on the module graph by
// dependency-cruiser. `npm run deps:check` runs them (and the folder-cycle rule, which needs the
// folder graph: scripts/deps/folder-graph.mjs); `npm run deps` redraws docs/dependencies.md.
// ESLint checks most of them file by file; this sees the whole graph, scripts/, tests/ and bench/ too.

/** Unit tests sit beside the code and may import tests/support (docs/architecture.md › Folders and what each owns). */
const TEST_FILE = '\\.test\\.tsx?$'

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'shared-imports-no-process',
      comment: 'src/shared is plain TypeScript every side uses: it imports none of the processes.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/(main|renderer|preload|preview)/' },
    },
    {
      name: 'shared-imports-only-zod',
      comment:
        'src/shared imports nothing but zod and itself (its tests may add vitest and fast-check).',
      severity: 'error',
      from: { path: '^src/shared/', pathNot: TEST_FILE },
      to: { pathNot: '^(src/shared/|node_modules/zod/)' },
    },
    {
      name: 'renderer-imports-no-process',
      comment: 'The renderer imports neither main, preload nor the preview.',
      severity: 'error',
      from: { path: '^src/renderer/' },
      to: { path: '^src/(main|preload|preview)/' },
    },
    {
      name: 'renderer-imports-no-node-side-package',
      comment:
        'The renderer is offline and holds no keychain: no Electron, axios, keyring, electron-store or Node module.',
      severity: 'error',
      from: { path: '^src/renderer/', pathNot: TEST_FILE },
      to: {
        path: '^node_modules/(electron|axios|@napi-rs/keyring|electron-store)/',
      },
    },
    {
      name: 'renderer-imports-no-node-module',
      comment: 'The renderer runs in a sandboxed page: no Node built-in module.',
      severity: 'error',
      from: { path: '^src/renderer/', pathNot: TEST_FILE },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'preload-imports-only-shared',
      comment: 'The sandboxed preload imports only src/shared (and Electron, for the bridge).',
      severity: 'error',
      from: { path: '^src/preload/', pathNot: TEST_FILE },
      to: { path: '^src/', pathNot: '^src/(preload|shared)/' },
    },
    {
      name: 'src-imports-no-tests-or-scripts',
      comment:
        'Production code never imports tests/, scripts/ or bench/; only the unit tests beside it may use tests/support.',
      severity: 'error',
      from: { path: '^src/', pathNot: TEST_FILE },
      to: { path: '^(tests|scripts|bench)/' },
    },
    {
      name: 'src-tests-import-only-test-support',
      comment:
        'A unit test may borrow the helpers of tests/support, never a gate, a bench or another layer.',
      severity: 'error',
      from: { path: TEST_FILE, pathNot: '^(tests|scripts|bench)/' },
      to: { path: '^(tests|scripts|bench)/', pathNot: '^tests/(support|fixtures)/' },
    },
    {
      name: 'outside-main-through-public-entry',
      comment:
        'Code outside src/main reaches a src/main/<area>/ folder only through src/main/<area>/index.ts, so an area can move its files without breaking the gates, the bench or the browser tests. tests/support/ is left out: its helpers serve the unit tests inside src/main, which import their neighbours directly.',
      severity: 'error',
      from: { path: '^(scripts|tests|bench)/', pathNot: '^tests/support/' },
      to: {
        path: '^src/main/[^/]+/',
        pathNot: [
          '^src/main/[^/]+/index\\.ts$',
          // The store's shared contract suite is test code that lives beside its port; the keychain
          // layer runs it against the real keychain. It is no public API, so no entry exports it.
          '^src/main/secrets/secret-store-contract\\.ts$',
        ],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(out|reports|node_modules)/' },
    // Type-only imports count: a type import of main's internals couples a file to them as well.
    tsPreCompilationDeps: true,
    // Both projects' aliases (@shared, @test-support, @renderer) in one tsconfig, for resolving only.
    tsConfig: { fileName: '.dependency-cruiser.tsconfig.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.mjs', '.js', '.cjs', '.json'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
}
