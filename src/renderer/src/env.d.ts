/// <reference types="vite/client" />
import type { Api } from '@shared/ipc/api-types'

declare global {
  interface Window {
    /** The one bridge to main, exposed by preload (or the browser preview's bridge). */
    api: Api
  }
}
