// @ts-check
import { defineConfig } from 'eslint/config'
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

/** docs/architecture.md › Import boundaries, enforced: who may import what. */
const restrict = (patterns, paths = []) => ['error', { patterns, paths }]
const ELECTRON_IPC_MAIN = {
  name: 'electron',
  importNames: ['ipcMain'],
  message: 'Only src/main/ipc registers IPC handlers.',
}
const ELECTRON_IPC_RENDERER = {
  name: 'electron',
  importNames: ['ipcRenderer'],
  message: 'Only src/preload talks to ipcRenderer.',
}
const NO_NEW_BROWSER_WINDOW = {
  selector: "NewExpression[callee.name='BrowserWindow']",
  message: 'Windows come only from src/main/window.ts.',
}

export default defineConfig(
  { ignores: ['out/**', 'reports/**', 'node_modules/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // Handlers and ports are async by contract even when an implementation needs no await.
      '@typescript-eslint/require-await': 'off',
      'no-restricted-syntax': ['error', NO_NEW_BROWSER_WINDOW],
      'no-restricted-imports': restrict([], [ELECTRON_IPC_MAIN, ELECTRON_IPC_RENDERER]),
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      // shared is plain TypeScript: zod and itself, nothing else.
      'no-restricted-imports': restrict([
        {
          regex: '^(?!zod$|\\.|@shared/)',
          message: 'src/shared imports nothing but zod and itself.',
        },
        {
          regex: '(^|/)(main|renderer|preload|preview)(/|$)',
          message: 'src/shared imports nothing from the processes.',
        },
      ]),
    },
  },
  {
    // Tests of shared may also use the test runner and property testing; the boundary still holds.
    files: ['src/shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict([
        {
          regex: '^(?!zod$|vitest$|fast-check$|\\.|@shared/)',
          message: 'src/shared tests import nothing but zod, vitest, fast-check and shared.',
        },
        {
          regex: '(^|/)(main|renderer|preload|preview)(/|$)',
          message: 'src/shared imports nothing from the processes.',
        },
      ]),
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'tests/support/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict([
        {
          regex: '^(electron|axios|node:.*|@napi-rs/.*|electron-store)$',
          message: 'The renderer is UI only.',
        },
        {
          regex: '(^|/)(main|preload|preview)(/|$)',
          message: 'The renderer never imports main, preload or the preview.',
        },
      ]),
    },
  },
  {
    files: ['src/main/ipc/**/*.ts'],
    rules: { 'no-restricted-imports': restrict([], [ELECTRON_IPC_RENDERER]) },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [{ regex: '(^|/)(main|renderer|preview)(/|$)', message: 'preload imports only shared.' }],
        [ELECTRON_IPC_MAIN],
      ),
    },
  },
  {
    files: ['src/main/window.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: [
      '**/*.test.ts',
      '**/*.test.tsx',
      'tests/{support,e2e,keychain,fixtures}/**/*.ts',
      'bench/**/*.ts',
    ],
    rules: {
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
)
