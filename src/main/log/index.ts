/**
 * The logger's public entry for code outside src/main (docs/architecture.md › Import boundaries).
 * The log-redaction gate loads this file from a copy of the tree, so it needs the sinks too.
 */
export {
  createLogger,
  fileSink,
  memorySink,
  silentLogger,
  type LogLevel,
  type LogSink,
  type Logger,
} from './logger'
