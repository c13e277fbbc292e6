/**
 * One CSV field of the inventory or the activity log: quoted when needed, and a leading =, +, -,
 * @, tab or CR neutralised with an apostrophe, so a spreadsheet opening the file never runs a name
 * as a formula (OWASP CSV injection).
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}
