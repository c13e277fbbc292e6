/**
 * The browser preview: the real renderer, in any browser, against the real main services.
 *
 * It builds main exactly as main/index.ts does (buildServices + createDispatcher), minus Electron,
 * and binds the dispatcher to loopback HTTP instead of IPC. It never launches a program: opening a
 * link is recorded and logged. See docs/architecture.md › The browser preview.
 */
import { mkdirSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { CHANNELS, type EventName } from '@shared/ipc/channels'
import type { EventPayloadOf } from '@shared/ipc/contract'
import { err } from '@shared/result'
import { en } from '@shared/i18n/en'
import { translate } from '@shared/i18n/translate'
import { version as packageVersion } from '../../package.json'
import { createAuditLog } from '../main/audit/audit-log'
import { createInMemoryVaultHost } from '../main/vault/preview-ports'
import { createDispatcher, type Dispatch } from '../main/ipc/dispatcher'
import { createLogger, fileSink, type Logger } from '../main/log/logger'
import { createKeychainStore } from '../main/secrets/keychain-store'
import { buildServices, type MainPorts } from '../main/services'
import { createFileKvStore } from '../main/settings/file-kv-store'
import { DEFAULT_SETTINGS } from '../main/settings/settings'
import { createBridgeScript, EVENTS_PATH, INVOKE_PATH } from './bridge-script'
import { createEventStream } from './event-stream'
import { BRIDGE_PATH, PREVIEW_CSP, preparePreviewHtml } from './preview-html'
import { createPreviewLogin, OAUTH_CALLBACK_PATH, PREVIEW_LOGIN_EVENT } from './preview-login-port'
import { checkRequest, readJsonBody } from './request-guard'
import { readStaticFile } from './static-files'

export interface PreviewServerOptions {
  /** Where settings.json and logs/ go (a temp dir in tests, .preview-data for `npm run preview`). */
  readonly dataDir: string
  /** The built renderer (out/renderer). */
  readonly rendererDir: string
  /** 0 or absent: any free port. */
  readonly port?: number
  /** Loopback only; the type admits nothing else on purpose. */
  readonly host?: '127.0.0.1'
  readonly log?: Logger
  /** Replace individual ports, e.g. an in-memory SecretStore in unit tests. */
  readonly ports?: Partial<MainPorts>
}

export interface PreviewServer {
  /** e.g. http://127.0.0.1:5199/ */
  readonly url: string
  close(): Promise<void>
  /** Sends a main → renderer event to every open page (payload checked against the contract). */
  emit<E extends EventName>(event: E, payload: EventPayloadOf<E>): void
  /** Every URL the app asked to open externally, in order (the preview opens none). */
  readonly opened: string[]
}

/** How long sign-in waits for a page to listen for the "open the popup" message. */
const POPUP_LISTENER_WAIT_MS = 5_000

/** Headers on every response, including refusals and 404s. */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': PREVIEW_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  // Other origins may not even embed our files (e.g. run bridge.js in their own page).
  'cross-origin-resource-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
}

const HOST = '127.0.0.1'

/** Starts the preview server; resolves once it listens. */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 })
  const log = options.log ?? createLogger([fileSink(options.dataDir)])
  const opened: string[] = []
  const overrides = options.ports ?? {}
  const events = createEventStream(log)
  let ownHost = ''
  const previewLogin = createPreviewLogin({
    origin: () => `http://${ownHost}`,
    openPopup: async (url) => {
      // The bridge starts listening when the page calls signInWithFacebook; give its stream a
      // moment to connect before concluding that no page can show the popup.
      if (!(await events.waitForClient(POPUP_LISTENER_WAIT_MS))) return false
      events.sendPreview(PREVIEW_LOGIN_EVENT, { url })
      return true
    },
    log,
  })
  const ports: MainPorts = {
    ...overrides,
    version: overrides.version ?? packageVersion,
    log: overrides.log ?? log,
    settings:
      overrides.settings ??
      createFileKvStore(join(options.dataDir, 'settings.json'), DEFAULT_SETTINGS),
    secrets: overrides.secrets ?? createKeychainStore({ log }),
    openExternal:
      overrides.openExternal ??
      (async (url) => {
        opened.push(url)
        log.info('preview.open-external', { url })
      }),
    emit: overrides.emit ?? ((event, payload) => events.emit(event, payload)),
    login: overrides.login ?? previewLogin.port,
    audit: overrides.audit ?? createAuditLog({ dataDir: options.dataDir }),
    dataDir: options.dataDir,
    // The preview never touches the machine's clipboard, notifications or dialogs.
    vaultHost: overrides.vaultHost ?? createInMemoryVaultHost(options.dataDir),
  }
  const services = buildServices(ports)
  const dispatch = createDispatcher(services.handlers, log)
  const bridge = createBridgeScript()

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log.error('preview.request-failed', { error })
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'Error')
      else response.destroy()
    })
  })

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const target = request.url ?? ''
    const path = target.split('?', 1)[0] ?? ''
    const isApi = path.startsWith('/__api/')
    const kind = !isApi ? 'static' : path === EVENTS_PATH ? 'events' : 'invoke'
    const problem = checkRequest(request.headers, ownHost, kind)
    if (problem) {
      log.warn('preview.request-refused', { problem, api: isApi })
      request.resume()
      return sendJson(response, 403, err('forbidden-sender', 'errors.forbiddenSender'))
    }
    if (path.startsWith(INVOKE_PATH)) {
      return invoke(dispatch, request, response, path.slice(INVOKE_PATH.length), log)
    }
    if (path === EVENTS_PATH && request.method === 'GET') {
      return events.attach(response, SECURITY_HEADERS)
    }
    if (isApi) return sendJson(response, 404, err('not-found', 'errors.notFound'))
    if (path === OAUTH_CALLBACK_PATH && request.method === 'GET') {
      // The query holds the one-time code: it is handed over, never logged.
      const done = previewLogin.handleCallback(target)
      return send(response, done ? 200 : 400, 'text/html; charset=utf-8', callbackPage(done))
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      request.resume()
      return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed', {
        allow: 'GET, HEAD',
      })
    }
    if (path === BRIDGE_PATH) return send(response, 200, 'text/javascript; charset=utf-8', bridge)
    const file = await readStaticFile(options.rendererDir, path)
    if (!file) return send(response, 404, 'text/plain; charset=utf-8', 'Not found')
    const body = file.contentType.startsWith('text/html')
      ? preparePreviewHtml(file.body.toString('utf8'))
      : file.body
    send(response, 200, file.contentType, body)
  }

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen)
    server.listen(options.port ?? 0, options.host ?? HOST, () => {
      server.off('error', rejectListen)
      resolveListen()
    })
  })
  const { port } = server.address() as AddressInfo
  ownHost = `${HOST}:${port}`
  log.info('preview.listening', { port })

  return {
    url: `http://${ownHost}/`,
    opened,
    emit: (event, payload) => events.emit(event, payload),
    close: async () => {
      await new Promise<void>((resolveClose) => {
        events.close()
        server.close(() => resolveClose())
        server.closeAllConnections()
      })
      await services.dispose()
    },
  }
}

/** The popup's last page: plain text, no script (the CSP allows none), the admin closes it. */
function callbackPage(done: boolean): string {
  const title = translate(en, 'connectMain.callback.title')
  const text = translate(en, done ? 'connectMain.callback.done' : 'connectMain.callback.unexpected')
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1><p>${text}</p></main></body></html>`
}

async function invoke(
  dispatch: Dispatch,
  request: IncomingMessage,
  response: ServerResponse,
  rawChannel: string,
  log: Logger,
): Promise<void> {
  if (request.method !== 'POST') {
    request.resume()
    return sendJson(response, 405, err('invalid-input', 'errors.invalidInput'), { allow: 'POST' })
  }
  let channel: string
  try {
    channel = decodeURIComponent(rawChannel)
  } catch {
    channel = ''
  }
  if (!Object.hasOwn(CHANNELS, channel)) {
    request.resume()
    log.warn('preview.unknown-channel', { channel: channel.slice(0, 64) })
    return sendJson(response, 404, err('invalid-input', 'errors.invalidInput'))
  }
  const contentType = request.headers['content-type'] ?? ''
  if (!/^application\/json\s*(;|$)/i.test(contentType)) {
    request.resume()
    return sendJson(response, 415, err('invalid-input', 'errors.invalidInput'))
  }
  const body = await readJsonBody(request)
  if (!body.ok) {
    log.warn('preview.body-rejected', { channel, problem: body.problem })
    const status = body.problem === 'too-large' ? 413 : 400
    return sendJson(response, status, err('invalid-input', 'errors.invalidInput'))
  }
  sendJson(response, 200, await dispatch(channel, body.value))
}

function sendJson(
  response: ServerResponse,
  status: number,
  value: unknown,
  extra: Record<string, string> = {},
): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value), extra)
}

function send(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  extra: Record<string, string> = {},
): void {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    ...extra,
    'content-type': contentType,
    'content-length': String(Buffer.byteLength(body)),
  })
  response.end(response.req.method === 'HEAD' ? undefined : body)
}
