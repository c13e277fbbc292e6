/*
 * What `npm start` says. These strings live here, outside the app's i18n catalog (src/shared/i18n),
 * because this step runs in plain Node before any build: neither the app nor its catalog exists yet.
 */
export const messages = {
  downloading: (version: string) => `Downloading Electron ${version} (about 100 MB, once)…`,
  downloaded: (version: string) => `Electron ${version} is ready. Starting the app…`,
  cannotDownload: (version: string, reason: string) =>
    `Electron ${version} could not be downloaded (${reason}), so the desktop app cannot start. ` +
    'npm start fetches Electron, the window the app runs in, once on first start, and that needs a ' +
    'network connection; behind a proxy set ELECTRON_GET_USE_PROXY=1 and HTTPS_PROXY, or point ' +
    'ELECTRON_MIRROR at a mirror, then run npm start again. The browser preview works without ' +
    'Electron: run npm run preview for the same app in practice mode.',
  installerSaid: (message: string) => `the installer said: ${message}`,
  installerStopped: (code: number) => `the installer stopped with exit code ${code}`,
  // install.js can end with exit code 0 and no binary: seen when the server hangs up mid-request.
  noBinaryAfterInstall: 'the installer ended without putting the binary in node_modules/electron',
}

export type InstallerResult =
  { readonly ok: true } | { readonly ok: false; readonly reason: string }

/** `progress` goes to standard output, `problem` to standard error. */
export type Print = (text: string, kind: 'progress' | 'problem') => void

export interface StartStepPorts {
  readonly electronVersion: string
  /** Whether the Electron binary that electron-vite will launch is on disk. */
  readonly checkBinary: () => boolean
  /** Electron's own installer (node_modules/electron/install.js). */
  readonly runInstaller: () => Promise<InstallerResult>
  /** Starts the app and resolves with the exit code to leave with. */
  readonly startApp: () => Promise<number>
  readonly print: Print
}

/**
 * Makes sure Electron's binary is there, downloading it once when it is not (npm install never does:
 * package.json's allowScripts denies Electron's install script), then starts the app. Resolves with
 * the exit code: the app's own, or 1 when Electron could not be had.
 */
export async function startStep(ports: StartStepPorts): Promise<number> {
  const { electronVersion: version, print } = ports
  if (!ports.checkBinary()) {
    print(messages.downloading(version), 'progress')
    const installed = await ports.runInstaller()
    // The installer's exit code alone is not trusted: the app starts only if the binary is there.
    const reason = !installed.ok
      ? installed.reason
      : ports.checkBinary()
        ? null
        : messages.noBinaryAfterInstall
    if (reason !== null) {
      print(messages.cannotDownload(version, reason), 'problem')
      return 1
    }
    print(messages.downloaded(version), 'progress')
  }
  return ports.startApp()
}
