/**
 * Strings the vault's main-process parts produce: the encrypted backup's errors, expiry reminders,
 * lock reasons, clipboard notices and the audit log's labels.
 */
export const vaultMainMessages = {
  'vaultMain.backup.passwordTooShort':
    'Choose a password of at least {min} characters. A few ordinary words strung together are easy to remember and hard to guess.',
  'vaultMain.backup.passwordTooLong':
    'That password is longer than {max} characters. Choose a shorter one.',
  'vaultMain.backup.notABackup':
    'This file is not a vault backup made by this app. Check that you chose the right file.',
  'vaultMain.backup.unsupportedVersion':
    'This backup was made by a newer version of the app. Update the app, then restore the backup again.',
  'vaultMain.backup.damaged':
    'This backup file has been changed or damaged, so it cannot be restored. Your vault was not changed. Try another copy of the backup.',
  'vaultMain.backup.wrongPassword':
    'The password does not match this backup, or the file has been changed. Check the password (capital letters count) and try again. Your vault was not changed.',

  'vaultMain.expiry.reminder':
    'A saved token expires in {days} days. Refresh or replace it before then, so the software that uses it keeps working.',
  'vaultMain.expiry.reminderTomorrow':
    'A saved token expires within a day. Refresh or replace it now, so the software that uses it keeps working.',

  'vaultMain.clipboard.copied':
    'Copied. The clipboard empties itself in {seconds} seconds, unless you copy something else first.',

  'vaultMain.lock.reason.idle': 'The vault locked because the computer was not used for a while.',
  'vaultMain.lock.reason.lock-screen': 'The vault locked because the screen was locked.',
  'vaultMain.lock.reason.suspend': 'The vault locked because the computer went to sleep.',
  'vaultMain.lock.reason.manual': 'The vault is locked.',

  'vaultMain.audit.entryRedacted':
    'Details of this entry were left out because they looked like a secret.',
  'vaultMain.audit.chain.ok': 'The activity log is complete: no entry was changed or removed.',
  'vaultMain.audit.chain.malformed':
    'Entry {line} of the activity log cannot be read. The log may have been edited or damaged.',
  'vaultMain.audit.chain.chain-broken':
    'The activity log was changed around entry {line}: an entry before it was edited, removed or added.',
  'vaultMain.audit.chain.truncated':
    'Entries at the end of the activity log were removed after entry {line}.',

  'vaultMain.audit.outcome.succeeded': 'Done',
  'vaultMain.audit.outcome.failed': 'Failed',
  'vaultMain.audit.outcome.cancelled': 'Cancelled',
  'vaultMain.audit.outcome.refused': 'Refused',

  'vaultMain.audit.action.connect': 'Connected to Meta',
  'vaultMain.audit.action.disconnect': 'Disconnected from Meta',
  'vaultMain.audit.action.system-user-created': 'Created a system user',
  'vaultMain.audit.action.assets-assigned': 'Gave a system user access to assets',
  'vaultMain.audit.action.app-installed': 'Added the app to a system user',
  'vaultMain.audit.action.token-generated': 'Generated a token',
  'vaultMain.audit.action.token-saved': 'Saved a token in the keychain',
  'vaultMain.audit.action.token-revealed': 'Showed a token',
  'vaultMain.audit.action.token-copied': 'Copied a token',
  'vaultMain.audit.action.token-refreshed': 'Refreshed a token',
  'vaultMain.audit.action.token-rotated': 'Replaced a token with a new one',
  'vaultMain.audit.action.token-revoked': 'Revoked a token',
  'vaultMain.audit.action.token-imported': 'Added an existing token',
  'vaultMain.audit.action.record-removed': 'Removed a token from the vault',
  'vaultMain.audit.action.health-checked': 'Checked a token with Meta',
  'vaultMain.audit.action.inventory-exported': 'Exported the token list (no secrets)',
  'vaultMain.audit.action.vault-exported': 'Made an encrypted backup',
  'vaultMain.audit.action.vault-imported': 'Restored an encrypted backup',
  'vaultMain.audit.action.vault-locked': 'Locked the vault',
  'vaultMain.audit.action.audit-exported': 'Exported the activity log',
} as const
