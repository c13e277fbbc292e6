/**
 * REL-07 in the browser (issue 7): a practice preview whose Graph traffic passes through a small
 * recording proxy, so a test knows the `fbtrace_id` the simulator really sent for each failed call
 * (the simulator keeps requests, not its answers); and one reading of an error panel — what it
 * says, and every way it could leak (a token shape, a canary, a stack trace) — for the test to
 * assert on.
 */
import { createServer, request as forward, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { en } from '@shared/i18n/en'
import { translate } from '@shared/i18n/translate'
import type { Locator, Page } from 'playwright-core'
import {
  createPracticeRuntime,
  type PracticeRuntime,
  type PracticeSession,
} from '../../../src/main/practice/practice-runtime'
import { openPracticePreview, type PracticePreview } from './connect-steps'
import { scanTexts } from './hygiene'
import { rendererText } from './renderer-data'

/** One answer the simulator gave, as far as these tests need it (never a body, never a query). */
export interface GraphAnswer {
  readonly method: string
  readonly path: string
  readonly status: number
  /** `error.fbtrace_id` of a Graph error body, as sent. */
  readonly fbtraceId?: string
}

interface Proxy {
  readonly url: string
  close(): Promise<void>
}

const traceOf = (body: Buffer): string | undefined => {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { error?: { fbtrace_id?: unknown } }
    const trace = parsed?.error?.fbtrace_id
    return typeof trace === 'string' ? trace : undefined
  } catch {
    return undefined
  }
}

/** Forwards every request to `target` unchanged and notes each answer's status and trace id. */
async function startRecordingProxy(target: string, answers: GraphAnswer[]): Promise<Proxy> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', target)
    const headers: IncomingHttpHeaders = { ...req.headers, host: url.host }
    const upstream = forward(url, { method: req.method, headers }, (answer) => {
      const chunks: Buffer[] = []
      answer.on('data', (chunk: Buffer) => chunks.push(chunk))
      answer.on('end', () => {
        const body = Buffer.concat(chunks)
        const status = answer.statusCode ?? 0
        const fbtraceId = status >= 400 ? traceOf(body) : undefined
        answers.push({
          method: req.method ?? 'GET',
          path: url.pathname,
          status,
          ...(fbtraceId ? { fbtraceId } : {}),
        })
        res.writeHead(status, answer.headers).end(body)
      })
    })
    // A dropped upstream connection is dropped here too, as the client would have seen it.
    upstream.on('error', () => res.destroy())
    req.pipe(upstream)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** The practice runtime main uses, with its Graph base URL pointed at the recording proxy. */
function recordedRuntime(answers: GraphAnswer[]): PracticeRuntime {
  const inner = createPracticeRuntime()
  let proxy: Proxy | undefined
  let starting: Promise<PracticeSession> | undefined
  const start = async (): Promise<PracticeSession> => {
    const session = await inner.session()
    proxy = await startRecordingProxy(session.graphBaseUrl, answers)
    return { ...session, graphBaseUrl: proxy.url }
  }
  return {
    get businessName() {
      return inner.businessName
    },
    get started() {
      return inner.started
    },
    session() {
      starting ??= start()
      return starting
    },
    async close() {
      await proxy?.close()
      await inner.close()
    },
  }
}

/** A practice preview (as connect-steps opens it) plus the simulator's recorded answers. */
export interface RecordedPracticePreview extends PracticePreview {
  readonly answers: readonly GraphAnswer[]
}

export async function openRecordedPracticePreview(): Promise<RecordedPracticePreview> {
  const answers: GraphAnswer[] = []
  return { ...(await openPracticePreview(recordedRuntime(answers))), answers }
}

/** The trace id of the latest error answer to `method` on a path matching `path`. */
export function sentTrace(answers: readonly GraphAnswer[], method: string, path: RegExp): string {
  const answer = answers.findLast(
    (candidate) =>
      candidate.status >= 400 && candidate.method === method && path.test(candidate.path),
  )
  if (!answer?.fbtraceId) throw new Error(`the simulator sent no error for ${method} ${path}`)
  return answer.fbtraceId
}

/** What an error panel shows, and what it must never show. */
export interface PanelReading {
  readonly text: string
  readonly hasMessage: boolean
  readonly hasNextStep: boolean
  readonly hasFbtraceId: boolean
  /** Token-shaped strings in the panel and anywhere in the renderer (DOM, fields, storage). */
  readonly tokenPatternMatches: number
  /** Canary hits (issued tokens, the app secret) in the panel and the renderer, as places. */
  readonly canaryHits: readonly string[]
  /** Stack-trace-looking bits in the panel's text and the page's visible text. */
  readonly stackTraceMatches: readonly string[]
}

/** The shape of a Meta access token (docs/security-requirements.md SEC-13's redaction pattern). */
const TOKEN_PATTERN = /EAA[A-Za-z0-9]{20,}/g
const STACK_PATTERNS: readonly RegExp[] = [/\bat .+:\d+:\d+/g, /Error:/g, /\.ts:/g]

const stackBits = (text: string): string[] =>
  STACK_PATTERNS.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[0]))

export interface ExpectedPanel {
  readonly messageKey: string
  readonly hintKey: string
  readonly params?: Readonly<Record<string, string | number>>
  readonly fbtraceId: string
}

/** Reads `panel` against what REL-07 asks it to say, and scans it and the page for leaks. */
export async function readPanel(
  page: Page,
  panel: Locator,
  expected: ExpectedPanel,
  canaries: readonly string[],
): Promise<PanelReading> {
  const text = await panel.innerText()
  const visible = await page.locator('body').innerText()
  const renderer = await rendererText(page)
  const lines = text.split('\n').map((line) => line.trim())
  const reference = translate(en, 'shell.error.reference', { fbtraceId: expected.fbtraceId })
  return {
    text,
    hasMessage: lines.includes(translate(en, expected.messageKey, expected.params)),
    hasNextStep: lines.includes(translate(en, expected.hintKey, expected.params)),
    hasFbtraceId: lines.includes(reference),
    tokenPatternMatches: [...`${text}\n${renderer}`.matchAll(TOKEN_PATTERN)].length,
    canaryHits: scanTexts({ panel: text, renderer }, canaries),
    stackTraceMatches: [...stackBits(text), ...stackBits(visible)],
  }
}
