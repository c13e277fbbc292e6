import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A tiny scripted HTTP server for the client's unit tests: each request is recorded, then answered
 * by the test's handler — a JSON reply, a dropped connection, or silence. Real sockets, so the
 * axios transport, timeouts and aborts are exercised for real.
 */
export interface RecordedRequest {
  readonly method: string
  /** The request line's target: path and query, exactly as sent. */
  readonly url: string
  readonly path: string
  readonly query: URLSearchParams
  readonly headers: Readonly<Record<string, string | string[] | undefined>>
  readonly body: string
  readonly form: URLSearchParams
}

export type FakeReply =
  | {
      readonly status?: number
      readonly json?: unknown
      readonly text?: string
      readonly headers?: Readonly<Record<string, string>>
    }
  | 'drop'
  | 'hang'

export type FakeHandler = (
  request: RecordedRequest,
  index: number,
) => FakeReply | Promise<FakeReply>

export interface FakeGraphServer {
  readonly baseUrl: string
  readonly requests: RecordedRequest[]
  close(): Promise<void>
}

const readBody = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })

export async function startFakeGraph(handler: FakeHandler): Promise<FakeGraphServer> {
  const requests: RecordedRequest[] = []
  const hanging = new Set<ServerResponse>()
  const server = createServer((incoming, response) => {
    void (async () => {
      const body = await readBody(incoming)
      const url = new URL(incoming.url ?? '/', 'http://fake.invalid')
      const recorded: RecordedRequest = {
        method: incoming.method ?? 'GET',
        url: incoming.url ?? '/',
        path: url.pathname,
        query: url.searchParams,
        headers: incoming.headers,
        body,
        form: new URLSearchParams(body),
      }
      requests.push(recorded)
      const reply = await handler(recorded, requests.length - 1)
      if (reply === 'drop') {
        incoming.socket.destroy()
        return
      }
      if (reply === 'hang') {
        hanging.add(response)
        return
      }
      const text = reply.text ?? (reply.json === undefined ? '' : JSON.stringify(reply.json))
      response.writeHead(reply.status ?? 200, {
        'content-type': 'application/json',
        ...reply.headers,
      })
      response.end(text)
    })()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: async () => {
      for (const response of hanging) response.socket?.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** Meta's error body (docs/graph-api.md §6.1). */
export const graphErrorBody = (
  code: number,
  subcode?: number,
  extra: Record<string, unknown> = {},
) => ({
  error: {
    message: `(#${code}) Something went wrong`,
    type: 'OAuthException',
    code,
    ...(subcode !== undefined ? { error_subcode: subcode } : {}),
    fbtrace_id: 'AbCdEf123',
    ...extra,
  },
})
