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
import type { EventName } from '@shared/ipc/channels'
import type { EventPayloadOf } from '@shared/ipc/contract'
import { err } from '@shared/result'
import { en } from '@shared/i18n/en'
import { translate } from '@shared/i18n/translate'
import { version as packageVersion } from '../../package.json'
import { startAnchoredAuditLog } from '../main/audit/anchored-audit-log'
import { createInMemoryVaultHost } from '../main/vault/memory-host'
import { createDispatcher } from '../main/ipc/dispatcher'
import { createLogger, fileSink, type Logger } from '../main/log/logger'
import { createKeychainStore } from '../main/secrets/keychain-store'
import { buildServices, type MainPorts } from '../main/services'
import { createFileKvStore } from '../main/settings/file-kv-store'
import { DEFAULT_SETTINGS } from '../main/settings/settings'
import { exchangeLaunchSecret, invoke, refusalBody } from './api-routes'
import { createBridgeScript, EVENTS_PATH, INVOKE_PATH } from './bridge-script'
import { createEventStream } from './event-stream'
import { send, sendJson, SECURITY_HEADERS } from './http-replies'
import { createLaunchLock, SESSION_PATH, type LaunchLock } from './launch-lock'
import { BRIDGE_PATH, preparePreviewHtml } from './preview-html'
import { createPreviewLogin, OAUTH_CALLBACK_PATH, PREVIEW_LOGIN_EVENT } from './preview-login-port'
import { createRefusalLog, type RefusalProblem } from './refusal-log'
import { checkRequest, type RouteKind } from './request-guard'
import { readStaticFile } from './static-files'

/** Request targets (path and query) longer than this are answered 414 before any route. */
const MAX_TARGET_LENGTH = 4096

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
  /** e.g. http://127.0.0.1:5199/ — holds no secret; a page opened at it gets no answers. */
  readonly url: string
  /**
   * `url` plus the launch secret in the fragment (`#k=…`): the one address that opens a working
   * preview. For the person who started it (console) and the tests' browser only; never log it.
   */
  readonly launchUrl: string
  close(): Promise<void>
  /** Sends a main → renderer event to every open page (payload checked against the contract). */
  emit<E extends EventName>(event: E, payload: EventPayloadOf<E>): void
  /** Every URL the app asked to open externally, in order (the preview opens none). */
  readonly opened: string[]
}

/** How long sign-in waits for a page to listen for the "open the popup" message. */
const POPUP_LISTENER_WAIT_MS = 5_000

const HOST = '127.0.0.1'

/** Which part of the server a path asks for; everything under /__api/ is the locked API. */
function routeKind(path: string): RouteKind {
  if (path === SESSION_PATH) return 'session'
  if (path === EVENTS_PATH) return 'events'
  return path.startsWith('/__api/') ? 'invoke' : 'static'
}

/** Starts the preview server; resolves once it listens. */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 })
  const log = options.log ?? createLogger([fileSink(options.dataDir)])
  const opened: string[] = []
  const overrides = options.ports ?? {}
  const events = createEventStream(log)
  const refusals = createRefusalLog(log)
  let ownHost = ''
  // Made once the port is known (the cookie is named after it); until then every API call fails.
  let lock: LaunchLock | undefined = undefined
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
  const secrets = overrides.secrets ?? createKeychainStore({ log })
  const ports: MainPorts = {
    ...overrides,
    version: overrides.version ?? packageVersion,
    log: overrides.log ?? log,
    settings:
      overrides.settings ??
      createFileKvStore(join(options.dataDir, 'settings.json'), DEFAULT_SETTINGS),
    secrets,
    openExternal:
      overrides.openExternal ??
      (async (url) => {
        opened.push(url)
        log.info('preview.open-external', { url })
      }),
    emit: overrides.emit ?? ((event, payload) => events.emit(event, payload)),
    login: overrides.login ?? previewLogin.port,
    // As in the desktop app: checked against its keychain anchor from the start.
    audit: overrides.audit ?? startAnchoredAuditLog({ dataDir: options.dataDir, secrets, log }),
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

  /**
   * Files (the renderer and the bridge, no secret in either) need only the guard's Host check.
   * The API, the event stream included, also needs this launch's session cookie; the exchange
   * route needs the launch secret instead.
   */
  const sessionProblem = (kind: RouteKind, request: IncomingMessage): RefusalProblem | null =>
    kind === 'static' || kind === 'session' || lock?.admits(request.headers.cookie) === true
      ? null
      : 'no-session'

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const target = request.url ?? ''
    // No address of the preview comes near this (the longest, Facebook's callback, is a few
    // hundred characters); a longer one would only reach the file system as ENAMETOOLONG.
    if (target.length > MAX_TARGET_LENGTH) {
      request.resume()
      return send(response, 414, 'text/plain; charset=utf-8', 'Address too long')
    }
    const path = target.split('?', 1)[0] ?? ''
    const kind = routeKind(path)
    const problem = checkRequest(request.headers, ownHost, kind) ?? sessionProblem(kind, request)
    if (problem) {
      refusals.record(problem, kind)
      request.resume()
      return sendJson(response, 403, refusalBody(problem))
    }
    if (kind === 'session') {
      if (!lock) return sendJson(response, 403, refusalBody('wrong-launch-secret'))
      return exchangeLaunchSecret(lock, request, response, refusals)
    }
    if (path.startsWith(INVOKE_PATH)) {
      return invoke(dispatch, request, response, path.slice(INVOKE_PATH.length), log)
    }
    if (kind === 'events' && request.method === 'GET') {
      return events.attach(response, SECURITY_HEADERS)
    }
    if (kind !== 'static') return sendJson(response, 404, err('not-found', 'errors.notFound'))
    // Not locked, on purpose: Facebook's redirect arrives from another site, so a SameSite=Strict
    // cookie is never sent with it. It can only finish a sign-in whose random `state` it carries,
    // and that state reaches nobody but Facebook and the page's (locked) event stream.
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
  const launch = createLaunchLock(port)
  lock = launch
  // The port only: the launch URL is for the console of whoever started the preview, not the log.
  log.info('preview.listening', { port })

  return {
    url: `http://${ownHost}/`,
    launchUrl: `http://${ownHost}/${launch.fragment}`,
    opened,
    emit: (event, payload) => events.emit(event, payload),
    close: async () => {
      await new Promise<void>((resolveClose) => {
        refusals.close()
        launch.dispose()
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
