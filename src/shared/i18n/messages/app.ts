/** Strings of the app shell: product name, header, navigation, shared states. */
export const appMessages = {
  'app.name': 'System User Assistant',
  /** Window title: the current home, then the product, so task switchers show where you are. */
  'app.documentTitle': '{home} – System User Assistant',

  'shell.skipToContent': 'Skip to main content',
  'shell.mode.practice': 'Practice mode',
  'shell.mode.practiceDescription': 'Nothing here touches a real business.',
  'shell.mode.real': 'Real business',
  'shell.mode.realDescription': 'Changes you make here happen in your Meta business.',
  'shell.nav.label': 'Main',
  'shell.nav.flow': 'Set up a system user',
  'shell.nav.vault': 'Token vault',
  'shell.keychain.ready': 'Keychain ready',
  'shell.keychain.unavailable': 'Keychain unavailable',
  'shell.keychain.checking': 'Checking the keychain…',
  'shell.version': 'Version {version}',
  'shell.loadingHome': 'Loading this page…',
  'shell.statusFailedTitle': 'The app could not check its status',
  'shell.version.title': 'Update this app soon',
  'shell.version.body':
    'This version of the app talks to Meta through Graph API {version}, which Meta may stop offering from {date} ({days} days from now). After that, the app cannot reach Meta until it is updated. Your saved tokens keep working in your own software.',

  'shell.error.retry': 'Try again',
  'shell.error.reference': 'Reference for Meta support: {fbtraceId}',
  'shell.error.metaSays': 'Meta’s own words: “{words}”',
  'shell.error.retryAfter': 'Wait about {seconds} seconds before trying again.',
  'shell.error.retryAfterMoment': 'Wait a moment before trying again.',
  'shell.error.retryAfterMinutes': 'Wait about {minutes} minutes before trying again.',
} as const
