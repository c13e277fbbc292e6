import { contextBridge, ipcRenderer } from 'electron'
import { createApi } from './api'

// The renderer's only door to main: a frozen object of named functions, copied across the
// context-isolation boundary (https://www.electronjs.org/docs/latest/tutorial/context-isolation).
contextBridge.exposeInMainWorld('api', createApi(ipcRenderer))
