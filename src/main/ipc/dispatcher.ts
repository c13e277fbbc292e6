import { CONTRACT, type HandlerTable } from '@shared/ipc/contract'
import type { Channel } from '@shared/ipc/channels'
import { err, type Result } from '@shared/result'
import { limitBursts } from '../log/burst-limit'
import type { Logger } from '../log/logger'
import { checkPayloadBounds } from './payload-bounds'

/** Answers one request on one channel. Transport-agnostic: Electron IPC and the preview both use it. */
export type Dispatch = (channel: string, payload: unknown) => Promise<Result<unknown>>

const isChannel = (name: string): name is Channel => Object.hasOwn(CONTRACT, name)

/**
 * Builds the single path every request takes: known channel → bounded payload → strict schema →
 * handler → response schema → Result. A handler never sees unparsed input, and a thrown bug becomes
 * `internal` with its details kept in main's redacted log. Responses are checked against their
 * strict schema too, so a handler can never leak a field (say, a token) the contract does not name.
 */
export function createDispatcher(handlers: HandlerTable, log: Logger): Dispatch {
  // Refused input is the renderer's doing, so a compromised one could repeat it without end.
  const refusals = limitBursts(log, 'ipc.refusals-unlogged')
  return async (channel, payload) => {
    if (!isChannel(channel)) {
      refusals.warn('ipc.unknown-channel', { channel: channel.slice(0, 64) })
      return err('invalid-input', 'errors.invalidInput')
    }
    const problem = checkPayloadBounds(payload ?? {})
    if (problem) {
      refusals.warn('ipc.payload-rejected', { channel, problem })
      return err('invalid-input', 'errors.invalidInput')
    }
    const schemas = CONTRACT[channel]
    const parsed = schemas.request.safeParse(payload ?? {})
    if (!parsed.success) {
      refusals.warn('ipc.schema-rejected', {
        channel,
        issues: parsed.error.issues
          .map((issue) => `${issue.path.join('.')}:${issue.code}`)
          .join(','),
      })
      return err('invalid-input', 'errors.invalidInput')
    }
    try {
      // The table is keyed by channel, so this handler's request type matches the parsed schema.
      const handler = handlers[channel] as (request: unknown) => Promise<Result<unknown>>
      const result = await handler(parsed.data)
      if (!result.ok) return result
      const checked = schemas.response.safeParse(result.value)
      if (!checked.success) {
        log.error('ipc.response-rejected', { channel })
        return err('internal', 'errors.internal')
      }
      return { ok: true, value: checked.data }
    } catch (error) {
      log.error('ipc.handler-threw', { channel, error })
      return err('internal', 'errors.internal')
    }
  }
}
