import type { IncomingMessage, ServerResponse } from 'node:http'
import { CHANNELS } from '@shared/ipc/channels'
import { err, ok } from '@shared/result'
import type { Dispatch } from '../main/ipc/dispatcher'
import type { Logger } from '../main/log/logger'
import { readJsonRequest, sendJson } from './http-replies'
import type { LaunchLock } from './launch-lock'
import type { RefusalLog, RefusalProblem } from './refusal-log'

/**
 * The preview API's two routes behind the request guard: an IPC call handed to main's dispatcher,
 * and the exchange of the launch secret for the session cookie.
 */

/** The launch-secret exchange reads a few dozen bytes; anything near this is not the bridge. */
const MAX_SESSION_BODY_BYTES = 1024

/**
 * The body of every refusal: the `forbidden-sender` error IPC gives a foreign frame. A page with
 * no session (opened without the printed address) is told how to get one; other refusals say no
 * more than "refused".
 */
export function refusalBody(problem: RefusalProblem) {
  const locked = problem === 'no-session' || problem === 'wrong-launch-secret'
  return err('forbidden-sender', locked ? 'errors.previewLocked' : 'errors.forbiddenSender')
}

/** POST /__api/invoke/<channel>: one request to main's dispatcher, answered with its Result. */
export async function invoke(
  dispatch: Dispatch,
  request: IncomingMessage,
  response: ServerResponse,
  rawChannel: string,
  log: Logger,
): Promise<void> {
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
  const body = await readJsonRequest(request, response)
  if (!body.ok) {
    if (body.bodyProblem) log.warn('preview.body-rejected', { channel, problem: body.bodyProblem })
    return
  }
  sendJson(response, 200, await dispatch(channel, body.value))
}

/**
 * POST /__api/session with `{"secret": "<launch secret>"}`: the right secret gets the session
 * cookie, anything else a refusal. The secret comes in the body, never the URL, so it appears in
 * no request line.
 */
export async function exchangeLaunchSecret(
  lock: LaunchLock,
  request: IncomingMessage,
  response: ServerResponse,
  refusals: RefusalLog,
): Promise<void> {
  const body = await readJsonRequest(request, response, MAX_SESSION_BODY_BYTES)
  if (!body.ok) return
  const value = body.value
  const candidate =
    value !== null && typeof value === 'object' ? (value as { secret?: unknown }).secret : null
  const setCookie = lock.exchange(candidate)
  if (setCookie === null) {
    refusals.record('wrong-launch-secret', 'session')
    return sendJson(response, 403, refusalBody('wrong-launch-secret'))
  }
  sendJson(response, 200, ok(null), { 'set-cookie': setCookie })
}
