/**
 * The backup password's checks in the renderer: typed twice, long enough. Main checks the length
 * again (backup-crypto.ts) — this only gives the admin the answer before anything is sent.
 */

/** Main's minimum (src/main/vault/backup-format.ts MIN_PASSWORD_LENGTH). */
export const MIN_BACKUP_PASSWORD_LENGTH = 12

export type PasswordProblem = 'empty' | 'too-short' | 'mismatch'

export type PasswordStrength = 'weak' | 'fair' | 'strong'

/** Why the two passwords cannot be used, or null when they can. */
export function backupPasswordProblem(password: string, again: string): PasswordProblem | null {
  if (password.length === 0) return 'empty'
  if (password.length < MIN_BACKUP_PASSWORD_LENGTH) return 'too-short'
  if (password !== again) return 'mismatch'
  return null
}

/**
 * A rough strength hint, by length and variety. Length matters most for a passphrase
 * (NIST SP 800-63B §5.1.1.2 favours length over composition rules), so four or more words of normal
 * length count as strong without symbols.
 */
export function passwordStrength(password: string): PasswordStrength {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password))
  if (password.length >= 20 || (password.length >= 16 && classes.length >= 3)) return 'strong'
  if (password.length >= MIN_BACKUP_PASSWORD_LENGTH) return 'fair'
  return 'weak'
}
