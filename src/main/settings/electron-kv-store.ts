import Store from 'electron-store'
import type { KvStore } from './kv-store'
import { DEFAULT_SETTINGS, type Settings } from './settings'

/**
 * The app's settings file (`<dataDir>/settings.json`) through electron-store, behind the KvStore
 * port so services never import Electron. Holds metadata only; secrets live in the keychain.
 */
export function createElectronKvStore(dataDir: string): KvStore<Settings> {
  // The vault index names businesses, system users and apps: readable by its owner only, like
  // every file the app writes (journal, audit, exports). electron-store would create it 0644 and
  // keep an existing file's mode; with configFileMode it applies 0600 on every write too.
  const store = new Store<Settings>({
    defaults: DEFAULT_SETTINGS,
    cwd: dataDir,
    name: 'settings',
    configFileMode: 0o600,
  })
  return {
    get: (key) => store.get(key),
    // Settings extends Record<string, unknown>, so its keys type as string | number; ours are strings.
    set: (key, value) => store.set(String(key), value),
  }
}
