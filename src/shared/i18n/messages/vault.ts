/** Strings of the "Token vault" home: the offline list of saved tokens (metadata only). */
export const vaultMessages = {
  'vault.title': 'Token vault',
  'vault.lead':
    'Tokens this app has created, kept in your computer’s keychain. The list works offline.',
  'vault.loading': 'Loading your saved tokens…',
  'vault.loaded.one': '1 saved token',
  'vault.loaded.other': '{count} saved tokens',

  'vault.empty.heading': 'No tokens saved yet',
  'vault.empty.keychain':
    'When you set up a system user, its token goes straight into your computer’s own keychain — not into a file — and is listed here.',
  'vault.empty.once':
    'Meta shows a new token only once. Keeping it here means you can find it again later, even without an internet connection.',
  'vault.empty.action': 'Set up a system user',

  'vault.table.caption': 'Saved tokens',
  'vault.table.business': 'Business',
  'vault.table.systemUser': 'System user',
  'vault.table.app': 'App',
  'vault.table.expires': 'Expires',
  'vault.table.fingerprint': 'Last 4 characters',
  'vault.table.never': 'Never',
  'vault.table.practice': 'Practice',
  'vault.table.fingerprintLabel': 'Ends in {fingerprint}',

  'vault.kind.adminUser': 'Your admin sign-in',
  'vault.kind.imported': 'Imported token',
  'vault.kind.unnamedSystemUser': 'Unnamed system user',
} as const
