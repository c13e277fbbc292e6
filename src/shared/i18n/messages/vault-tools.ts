/** Strings of the vault's tools: adding a token, backup and export, the activity log, the lock. */
export const vaultToolsMessages = {
  'vault.import.title': 'Add an existing token',
  'vault.import.intro':
    'Paste a token made elsewhere, for example in Meta Business Suite. The app asks Meta what it is for, fills in the details, and keeps it in your keychain. Tokens of another app, or ones that no longer work, are refused with the reason.',
  'vault.import.tokenLabel': 'Token',
  'vault.import.tokenHint': 'It stays on this computer: it goes to Meta only to be checked.',
  'vault.import.nameLabel': 'Name (optional)',
  'vault.import.nameHint': 'A name to recognise it by, such as the program that uses it.',
  'vault.import.submit': 'Check and add',
  'vault.import.working': 'Checking with Meta…',
  'vault.import.empty': 'Paste the token first.',

  'vault.backup.title': 'Backup and export',
  'vault.inventory.heading': 'Token list for audits',
  'vault.inventory.body':
    'A spreadsheet (CSV) of every saved token — business, system user, app, permissions, expiry, last 4 characters. It holds no token, so it is safe to share with an auditor.',
  'vault.inventory.export': 'Export the list',
  'vault.inventory.saved': 'Saved the list of {count} tokens to {location}.',
  'vault.backup.heading': 'Encrypted backup',
  'vault.backup.body':
    'A file with every saved token, locked with a password you choose (AES-256 encryption). Without the password nobody can read it — not even this app.',
  'vault.backup.forget':
    'If you forget the password, the backup cannot be opened. Write it down somewhere safe.',
  'vault.backup.password': 'Password',
  'vault.backup.passwordHint':
    'At least {min} characters. A few ordinary words strung together are easy to remember and hard to guess.',
  'vault.backup.passwordAgain': 'Password again',
  'vault.backup.strength.weak': 'Strength: too short',
  'vault.backup.strength.fair': 'Strength: fair — a longer password is stronger',
  'vault.backup.strength.strong': 'Strength: strong',
  'vault.backup.problem.empty': 'Choose a password for the backup.',
  'vault.backup.problem.tooShort': 'Use at least {min} characters.',
  'vault.backup.problem.mismatch': 'The two passwords are not the same. Type them again.',
  'vault.backup.submit': 'Make the encrypted backup',
  'vault.backup.working': 'Encrypting…',
  'vault.backup.saved': 'Saved an encrypted backup of {count} tokens to {location}.',
  'vault.backup.cancelled': 'Nothing was saved.',
  'vault.restore.heading': 'Restore a backup',
  'vault.restore.body':
    'Choose a backup file made by this app and type its password. Tokens in the backup are added; a token already in the vault is replaced by its copy from the backup.',
  'vault.restore.password': 'Backup password',
  'vault.restore.submit': 'Choose the file and restore',
  'vault.restore.working': 'Restoring…',
  'vault.restore.empty': 'Type the backup’s password first.',
  'vault.restore.confirmTitle': 'Restore the backup?',
  'vault.restore.confirmBody':
    'Tokens from the backup are added to the vault, and ones already here are replaced by the backup’s copy.',
  'vault.restore.confirm': 'Restore',
  'vault.restore.done': 'Restored: {added} added, {replaced} replaced.',

  'vault.audit.title': 'Activity log',
  'vault.audit.intro':
    'What this app has done, newest first. It never records a token. Each entry is chained to the one before, so an edited or deleted entry shows.',
  'vault.audit.loading': 'Loading the activity log…',
  'vault.audit.filter': 'Show',
  'vault.audit.allActions': 'All actions',
  'vault.audit.filtersLabel': 'Filter the activity log',
  'vault.audit.outcomeFilter': 'Result',
  'vault.audit.allOutcomes': 'All results',
  'vault.audit.from': 'From (day)',
  'vault.audit.to': 'To (day, included)',
  'vault.audit.export': 'Export as CSV',
  'vault.audit.exporting': 'Saving the activity log…',
  'vault.audit.exported':
    'Saved {count} entries to {location}. The file lists actions only — never a token.',
  'vault.audit.exportCancelled': 'Nothing was saved.',
  'vault.audit.older': 'Show older entries',
  'vault.audit.empty': 'Nothing recorded yet.',
  'vault.audit.caption': 'Recent actions',
  'vault.audit.when': 'When',
  'vault.audit.action': 'Action',
  'vault.audit.outcome': 'Result',
  'vault.audit.business': 'Business ID',
  'vault.audit.object': 'System user or token',

  'vault.locked.heading': 'The vault is locked',
  'vault.locked.body':
    'Nothing about your tokens is on screen. Unlock to see them again; your computer may ask for your password.',
  'vault.locked.unlock': 'Unlock',
  'vault.locked.unlocking': 'Unlocking…',
} as const
