/**
 * The IPC area's public entry for code outside src/main (docs/architecture.md › Import boundaries)
 *: the dispatcher alone, which the gates and the bench call in place of ipcMain.
 * register-handlers.ts stays out on purpose: it imports Electron, and only main may reach it.
 */
export { createDispatcher, type Dispatch } from './dispatcher'
