/** Strings of the vault's settings panel (idle lock and clipboard clear delay). */
export const vaultSettingsMessages = {
  'vault.settings.title': 'Vault settings',
  'vault.settings.intro':
    'How long the app waits before it locks the vault, and how soon a copied token is cleared from the clipboard. A change applies at once.',
  'vault.settings.idle.label': 'Lock the vault after this many idle minutes',
  'vault.settings.idle.hint':
    'A whole number from 1 to 480 minutes (8 hours). The default is 5. The vault also locks at once when the screen locks or the computer sleeps.',
  'vault.settings.idle.problem': 'Enter a whole number of minutes from 1 to 480.',
  'vault.settings.clipboard.label': 'Clear a copied token after this many seconds',
  'vault.settings.clipboard.hint':
    'A whole number from 10 to 120 seconds (2 minutes). The default is 30. Only a token the app copied is cleared, never something you copied yourself.',
  'vault.settings.clipboard.problem': 'Enter a whole number of seconds from 10 to 120.',
  'vault.settings.save': 'Save settings',
  'vault.settings.saving': 'Saving…',
  'vault.settings.saved': 'Settings saved. They apply from now on.',
} as const
