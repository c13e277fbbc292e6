// The preview-lock gate's second process: another program on the same machine. It reads a plan
// (attack-plan.ts) as JSON on stdin, sends every attempt to the preview over loopback HTTP with
// node:http, and writes one outcome per attempt as JSON on stdout. It is given no launch secret
// unless it is the positive control, and nothing else about the preview but its port. The plan
// comes on stdin rather than argv so that a cookie given to the control never shows in `ps`.
import { request } from 'node:http'

/** A request that neither answers nor fails within this is reported as failed (status 0). */
const ATTEMPT_TIMEOUT_MS = 15_000

const readStdin = async () => {
  const chunks = []
  for await (const chunk of process.stdin) chunks.push(chunk)
  return Buffer.concat(chunks).toString('utf8')
}

const isForbidden = (text) => {
  try {
    const body = JSON.parse(text)
    return body?.ok === false && body?.error?.code === 'forbidden-sender'
  } catch {
    return false
  }
}

/** Sends one attempt; an open event stream is judged on its status and closed at once. */
function send(port, attempt) {
  return new Promise((resolve) => {
    const outcome = (status, text, setCookie, error) => ({
      target: attempt.target,
      variant: attempt.variant,
      path: attempt.path,
      status,
      forbidden: isForbidden(text),
      setCookie,
      ...(error ? { error } : {}),
    })
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: attempt.method,
        path: attempt.path,
        headers: attempt.headers,
      },
      (response) => {
        const setCookie = response.headers['set-cookie'] !== undefined
        if ((response.headers['content-type'] ?? '').startsWith('text/event-stream')) {
          resolve(outcome(response.statusCode ?? 0, '', setCookie))
          req.destroy()
          return
        }
        const chunks = []
        response.on('data', (chunk) => chunks.push(chunk))
        response.on('end', () =>
          resolve(
            outcome(response.statusCode ?? 0, Buffer.concat(chunks).toString('utf8'), setCookie),
          ),
        )
      },
    )
    req.setTimeout(ATTEMPT_TIMEOUT_MS, () => req.destroy(new Error('timeout')))
    req.on('error', (error) => resolve(outcome(0, '', false, error.message)))
    req.end(attempt.body)
  })
}

const plan = JSON.parse(await readStdin())
const outcomes = []
for (const attempt of plan.attempts) outcomes.push(await send(plan.port, attempt))
process.stdout.write(JSON.stringify(outcomes))
