/** Strings of the "Token vault" home: the offline list, statuses, expiry panel and timeline. */
export const vaultMessages = {
  'vault.title': 'Token vault',
  'vault.lead':
    'Tokens this app has created, kept in your computer’s keychain. The list works offline.',
  'vault.offline': 'Works offline: the list and details need no internet connection.',
  'vault.loading': 'Loading your saved tokens…',
  'vault.loaded.one': '1 saved token',
  'vault.loaded.other': '{count} saved tokens',

  'vault.empty.heading': 'No tokens saved yet',
  'vault.empty.keychain':
    'When you set up a system user, its token goes straight into your computer’s own keychain — not into a file — and is listed here.',
  'vault.empty.once':
    'Meta shows a new token only once. Keeping it here means you can find it again later, even without an internet connection.',
  'vault.empty.action': 'Set up a system user',

  'vault.toolbar.label': 'Vault tools',
  'vault.toolbar.import': 'Add an existing token',
  'vault.toolbar.backup': 'Backup and export',
  'vault.toolbar.audit': 'Activity log',
  'vault.toolbar.checkAll': 'Check all with Meta',
  'vault.toolbar.lock': 'Lock the vault',

  'vault.status.valid': 'Valid',
  'vault.status.expiring.one': 'Expiring in 1 day',
  'vault.status.expiring.other': 'Expiring in {days} days',
  'vault.status.expired': 'Expired',
  'vault.status.revoked': 'Revoked',
  'vault.status.invalid': 'Not accepted by Meta',
  'vault.status.unknown': 'Unknown since {date}',
  'vault.status.unknownNever': 'Unknown',

  'vault.search.label': 'Search',
  'vault.search.hint': 'Business, system user, app, permission or asset',
  'vault.filter.label': 'Show',
  'vault.filter.all': 'All tokens ({count})',
  'vault.filter.valid': 'Valid ({count})',
  'vault.filter.expiring': 'Expiring soon ({count})',
  'vault.filter.expired': 'Expired ({count})',
  'vault.filter.revoked': 'Revoked ({count})',
  'vault.filter.invalid': 'Not accepted by Meta ({count})',
  'vault.filter.unknown': 'Unknown ({count})',
  'vault.results.one': '1 token shown of {total}',
  'vault.results.other': '{count} tokens shown of {total}',
  'vault.results.none': 'No saved token matches. Try fewer words, or show all tokens.',
  'vault.results.clear': 'Clear the search',
  'vault.results.more': 'Show {count} more',

  'vault.table.caption': 'Saved tokens, most urgent first',
  'vault.table.status': 'Status',
  'vault.table.business': 'Business',
  'vault.table.systemUser': 'System user',
  'vault.table.app': 'App',
  'vault.table.expires': 'Expires',
  'vault.table.fingerprint': 'Last 4 characters',
  'vault.table.open': 'Details',
  'vault.table.openLabel': 'Open details: {name}, {business}',
  'vault.table.never': 'Never',
  'vault.table.practice': 'Practice',
  'vault.table.replacement': 'Replacement',
  'vault.table.fingerprintLabel': 'Ends in {fingerprint}',

  'vault.kind.adminUser': 'Your admin sign-in',
  'vault.kind.imported': 'Imported token',
  'vault.kind.unnamedSystemUser': 'Unnamed system user',

  'vault.soon.heading': 'Expiring soon',
  'vault.soon.intro':
    'These tokens stop working within 14 days, or already have. Refresh or replace them so the software that uses them keeps working.',
  'vault.soon.none': 'Nothing expires in the next 14 days.',

  'vault.timeline.heading': 'When tokens expire',
  'vault.timeline.description':
    'Each bar is one week of the next {weeks} weeks; its height is the number of tokens that expire that week.',
  'vault.timeline.expired': 'Expired',
  'vault.timeline.week': 'Week of {date}',
  'vault.timeline.later': 'Later',
  'vault.timeline.never': 'Never',
  'vault.timeline.barLabel': '{period}: {count}',
  'vault.timeline.tableToggle': 'Show as a table',
  'vault.timeline.tableCaption': 'Tokens expiring, by week',
  'vault.timeline.period': 'When',
  'vault.timeline.count': 'Tokens',
  'vault.timeline.summary':
    '{expired} expired, {soon} expiring in the next 14 days, {later} later, {never} never expire.',
} as const
