import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

const shared = { '@shared': resolve(import.meta.dirname, 'src/shared') }

export default defineConfig({
  main: {
    resolve: { alias: shared },
    build: {
      rolldownOptions: {
        // The preview server is a second Node entry built from the same main services
        // (no Electron import), so the browser preview runs exactly the code the app runs.
        input: {
          index: resolve(import.meta.dirname, 'src/main/index.ts'),
          preview: resolve(import.meta.dirname, 'src/preview/server.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias: shared },
    // Sandboxed preloads cannot be ESM: emit CommonJS as index.cjs although package.json has "type": "module".
    build: { rolldownOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } } },
  },
  renderer: {
    resolve: {
      alias: { ...shared, '@renderer': resolve(import.meta.dirname, 'src/renderer/src') },
    },
    plugins: [react()],
    build: { minify: true },
  },
})
