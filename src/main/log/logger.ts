import { appendFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { redactText, redactValue } from './redact'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

/** The only logger main uses. Every field goes through the redactor before it is written. */
export interface Logger {
  debug(event: string, fields?: Record<string, unknown>): void
  info(event: string, fields?: Record<string, unknown>): void
  warn(event: string, fields?: Record<string, unknown>): void
  error(event: string, fields?: Record<string, unknown>): void
}

export interface LogSink {
  write(line: string): void
}

/** Appends JSON lines to `<dataDir>/logs/main.log`. */
export function fileSink(dataDir: string): LogSink {
  const dir = join(dataDir, 'logs')
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const file = join(dir, 'main.log')
  return { write: (line) => appendFileSync(file, `${line}\n`, { mode: 0o600 }) }
}

export const memorySink = (): LogSink & { lines: string[] } => {
  const lines: string[] = []
  return { lines, write: (line) => lines.push(line) }
}

export function createLogger(sinks: readonly LogSink[], minLevel: LogLevel = 'info'): Logger {
  const order: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 }
  const emit = (level: LogLevel, event: string, fields?: Record<string, unknown>) => {
    if (order[level] < order[minLevel]) return
    const line = JSON.stringify({
      at: new Date().toISOString(),
      level,
      event: redactText(event),
      ...(fields ? (redactValue(fields) as Record<string, unknown>) : {}),
    })
    for (const sink of sinks) sink.write(line)
  }
  return {
    debug: (event, fields) => emit('debug', event, fields),
    info: (event, fields) => emit('info', event, fields),
    warn: (event, fields) => emit('warn', event, fields),
    error: (event, fields) => emit('error', event, fields),
  }
}

/** For tests and places that must stay silent. */
export const silentLogger: Logger = createLogger([])
