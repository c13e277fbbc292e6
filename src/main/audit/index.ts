/**
 * The audit area's public entry: what code outside src/main (the security gates, the bench, the
 * browser tests) may use. Code inside src/main imports the area's files directly; the rule that
 * outside code comes through here is docs/architecture.md › Import boundaries.
 */
export { createAuditLog, type AuditLog } from './audit-log'
