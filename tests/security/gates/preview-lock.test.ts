import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { CHANNEL_NAMES } from '../../../src/shared/ipc/channels'
import { makeCanaryPreviewSecret } from '../../fixtures/canaries'
import { resultOf } from '../gate'
import type { AttemptOutcome } from '../preview-lock/attack-plan'
import { runPreviewLockDrill, type LockObservations, type LockTarget } from '../preview-lock/drill'
import { judgePreviewLock } from '../preview-lock/judge'
import { previewLockGate } from './preview-lock'

const root = process.cwd()
const errorCodes = (findings: readonly { code: string; level: string }[]) =>
  [...new Set(findings.filter((f) => f.level === 'error').map((f) => f.code))].sort()

const FORBIDDEN = '{"ok":false,"error":{"code":"forbidden-sender","messageKey":"x"}}'

/**
 * A stand-in preview for the cases where the gate must turn red: its exchange gives a cookie for
 * its own launch secret only (so the drill can go on), and `answer` decides everything else.
 */
function fakePreview(answer: (response: ServerResponse, path: string) => void) {
  return (port: number): Promise<LockTarget> =>
    new Promise((resolve, reject) => {
      const secret = makeCanaryPreviewSecret()
      const server = createServer((request, response) => {
        const path = request.url ?? ''
        if (path !== '/__api/session') {
          request.resume()
          return answer(response, path)
        }
        let body = ''
        request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk))
        request.on('end', () => {
          if (body === JSON.stringify({ secret })) {
            response.writeHead(200, { 'set-cookie': 'sua-preview-1=fake; HttpOnly' })
            response.end('{"ok":true,"value":null}')
          } else {
            response.writeHead(403).end(FORBIDDEN)
          }
        })
      })
      server.once('error', reject)
      server.listen(port, '127.0.0.1', () => {
        const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
        resolve({
          url,
          launchUrl: `${url}#k=${secret}`,
          close: () =>
            new Promise((closed) => {
              server.close(() => closed())
              server.closeAllConnections()
            }),
        })
      })
    })
}

const answerEveryone = fakePreview((response) => {
  response.writeHead(200, { 'content-type': 'application/json' })
  response.end('{"ok":true,"value":null}')
})
const answerNoOne = fakePreview((response) => {
  response.writeHead(403, { 'content-type': 'application/json' })
  response.end(FORBIDDEN)
})

describe('the SEC-23 preview-lock gate', () => {
  it('passes on this tree: no answer without the secret or with stale ones, all with the cookie', async () => {
    const result = await previewLockGate.run({ root, reportsDir: '' })
    expect(result.findings).toStrictEqual([])
    expect(result.status).toBe('pass')
    const controls = CHANNEL_NAMES.length + 2
    expect(result.figures).toMatchObject({
      attackerProcesses: 3,
      channelsAttacked: `${CHANNEL_NAMES.length} of ${CHANNEL_NAMES.length}`,
      answeredWithCookie: `${controls} of ${controls}`,
      stalePortReused: true,
      secretsInLog: 0,
    })
    expect(result.figures.answeredWithoutSecret).toMatch(/^0 of [1-9]\d{2,}$/)
    expect(result.figures.answeredStale).toMatch(/^0 of [1-9]\d+$/)
    const [forbidden, of] = String(result.figures.refusedAsForbidden).split(' of ')
    expect(forbidden).toBe(of)
    expect(result.figures.refusalLogLines).toBeLessThanOrEqual(25)
  }, 120_000)

  it('turns red on a preview that answers everyone (processes with no or stale secrets)', async () => {
    const observations = await runPreviewLockDrill({ root, start: answerEveryone })
    const { figures, findings } = judgePreviewLock(observations)
    expect(errorCodes(findings)).toStrictEqual(['answered-stale', 'answered-without-secret'])
    // Everything but its exchange, which wants the fake's own secret.
    const attempts = observations.withoutSecret
    const answerable = attempts.filter((outcome) => outcome.target !== 'session').length
    expect(figures.answeredWithoutSecret).toBe(`${answerable} of ${attempts.length}`)
    expect(resultOf(previewLockGate, figures, findings).status).toBe('fail')
  }, 120_000)

  it('turns red on a preview that answers no one (the positive control)', async () => {
    const observations = await runPreviewLockDrill({ root, start: answerNoOne })
    const { figures, findings } = judgePreviewLock(observations)
    // The control's exchange still gets the fake's cookie; every call and the stream are refused.
    expect(errorCodes(findings)).toStrictEqual(['control-refused'])
    expect(figures.answeredWithCookie).toBe(`1 of ${CHANNEL_NAMES.length + 2}`)
  }, 120_000)
})

describe('judging the drill', () => {
  const refused = (target: AttemptOutcome['target'], path: string): AttemptOutcome => ({
    target,
    variant: 'no cookie',
    path,
    status: 403,
    forbidden: true,
    setCookie: false,
  })
  const observations = (overrides: Partial<LockObservations> = {}): LockObservations => ({
    channels: ['app:status-get'],
    withoutSecret: [refused('invoke', '/__api/invoke/app:status-get')],
    stale: [refused('events', '/__api/events')],
    control: [{ ...refused('invoke', '/__api/invoke/app:status-get'), status: 200 }],
    stalePortReused: true,
    attackerProcesses: 3,
    logLines: [],
    secrets: ['launch-secret-look-alike'],
    ...overrides,
  })

  it('passes clean observations', () => {
    expect(judgePreviewLock(observations()).findings).toStrictEqual([])
  })

  it('turns red on a refusal in another shape, a channel left out, a flooded log, a secret logged', () => {
    const { findings } = judgePreviewLock(
      observations({
        channels: ['app:status-get', 'vault:secret-reveal'],
        stale: [{ ...refused('events', '/__api/events'), status: 404, forbidden: false }],
        logLines: [
          ...Array.from({ length: 26 }, () => '{"event":"preview.request-refused"}'),
          '{"event":"x","note":"launch-secret-look-alike"}',
        ],
      }),
    )
    expect(errorCodes(findings)).toStrictEqual([
      'channels-missing',
      'log-flooded',
      'refusal-not-forbidden',
      'secret-in-log',
    ])
  })

  it('counts an exchange that sets a cookie as an answer, whatever its status', () => {
    const cookieGiven = { ...refused('session', '/__api/session'), setCookie: true }
    const { findings } = judgePreviewLock(observations({ withoutSecret: [cookieGiven] }))
    expect(errorCodes(findings)).toContain('answered-without-secret')
  })
})
