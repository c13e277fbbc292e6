import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

const alias = {
  '@shared': resolve(import.meta.dirname, 'src/shared'),
  '@renderer': resolve(import.meta.dirname, 'src/renderer/src'),
  '@test-support': resolve(import.meta.dirname, 'tests/support'),
}

/*
 * Time limits are a backstop for a hung test, never a speed check (speed is measured in
 * `npm run bench`). Each is set well above what the slowest test needs with one core shared with a
 * second copy of the suite (`npm run test:stress`), so a busy or slow machine changes no result.
 */
export default defineConfig({
  resolve: { alias },
  test: {
    // Every core: vitest's default leaves one of a 2-core machine idle, which doubled CI's wall time.
    maxWorkers: '100%',
    // expect.poll waits this long for its condition; it returns as soon as the condition holds.
    expect: { poll: { timeout: 15_000 } },
    projects: [
      {
        extends: true,
        test: {
          name: 'main',
          environment: 'node',
          include: [
            'src/{main,shared,preload,preview}/**/*.test.ts',
            'tests/fixtures/**/*.test.ts',
            'scripts/**/*.test.ts',
            'tests/security/**/*.test.ts',
          ],
          server: { deps: { inline: ['electron-store'] } },
          // Services against the simulator on loopback, property runs of a thousand cases.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['src/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['src/renderer/src/test-setup.ts'],
          // Whole screens in jsdom; Testing Library's own waits are set in test-setup.ts.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'keychain',
          environment: 'node',
          include: ['tests/keychain/**/*.test.ts'],
          // One Secret Service session: the tests share the D-Bus daemon, so they run in sequence.
          fileParallelism: false,
          // D-Bus round trips, and child processes that bundle the adapter before they run it.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          // A whole flow in headless Chromium; the hooks start the preview server and the browser.
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
