import { vi, type Mock } from 'vitest'
import { CHANNEL_NAMES, type Channel } from '@shared/ipc/channels'
import type { HandlerTable } from '@shared/ipc/contract'
import { err, type Result } from '@shared/result'

export type HandlerSpy = Mock<(request: unknown) => Promise<Result<unknown>>>

/**
 * A handler table of spies, one per contract channel, built from the channel list so new
 * channels need no change here. Each answers `not-found` (passed through without a response
 * check) unless a test gives it another implementation. Test support only.
 */
export function handlerSpies(): { table: HandlerTable; spies: Record<Channel, HandlerSpy> } {
  const spies = Object.fromEntries(
    CHANNEL_NAMES.map((channel) => [
      channel,
      vi.fn(async (_request: unknown): Promise<Result<unknown>> =>
        err('not-found', 'errors.notFound'),
      ),
    ]),
  ) as Record<Channel, HandlerSpy>
  // The dispatcher parses every request before a handler sees it, so untyped spies stand in for
  // any channel's handler.
  return { table: spies as unknown as HandlerTable, spies }
}

/** Total calls across every spy. */
export const totalCalls = (spies: Record<Channel, HandlerSpy>): number =>
  Object.values(spies).reduce((sum, spy) => sum + spy.mock.calls.length, 0)
