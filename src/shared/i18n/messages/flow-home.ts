/**
 * Strings of the "Set up a system user" home. The eight steps mirror Meta Business Suite's own
 * flow (Settings › Users › System users, Business Help Center), each with Meta's name for it so an
 * admin who follows Meta's guides can find their place; see
 * docs/architecture.md › Meta's eight steps.
 */
export const flowHomeMessages = {
  'flowHome.title': 'Set up a system user',
  'flowHome.lead':
    'A system user is an account that software — not a person — uses to work with your Meta business. This guide takes you through Meta’s steps in plain words, gives the system user only the access it needs, and keeps its token safe on this computer.',

  'flowHome.start.heading': 'Start here',
  'flowHome.start.button': 'Start setting up',

  'flowHome.keychainWarning.title': 'Tokens will not be saved on this computer',

  'flowHome.steps.heading': 'What the guide does, step by step',
  'flowHome.steps.intro':
    'The same eight steps as Meta Business Suite. Each shows Meta’s name for it, so you can follow along with Meta’s own help pages.',
  'flowHome.steps.metaName': 'In Meta Business Suite: {name}',

  'flowHome.step1.title': 'Connect to your business',
  'flowHome.step1.meta': 'Go to Settings',
  'flowHome.step1.body':
    'Sign in with Facebook (or paste an admin token) and enter your app’s ID and secret. The app checks that your business is ready for system users and explains anything that needs fixing first.',
  'flowHome.step2.title': 'See your system users',
  'flowHome.step2.meta': 'Users › System users',
  'flowHome.step2.body':
    'See the system users your business already has, what each one can reach, and which of their tokens are in your vault.',
  'flowHome.step3.title': 'Say what it is for',
  'flowHome.step3.meta': 'Add new system user',
  'flowHome.step3.body':
    'Pick a goal, such as “read ad reports” or “post to Pages”. The app suggests the smallest set of access that does the job.',
  'flowHome.step4.title': 'Name it and create it',
  'flowHome.step4.meta': 'Name it, Create system user',
  'flowHome.step4.body':
    'The Employee role is recommended. Admin comes with a warning: a business has only one admin system user, and it reaches everything. The app never creates a duplicate.',
  'flowHome.step5.title': 'Give it access',
  'flowHome.step5.meta': 'Assign assets',
  'flowHome.step5.body':
    'Choose the Pages, ad accounts, catalogs and other assets it may use, with each kind of access explained in plain words. Then the app checks what Meta actually granted.',
  'flowHome.step6.title': 'Install your app on it',
  'flowHome.step6.meta': 'Generate new token',
  'flowHome.step6.body':
    'Before a token can be made, your app must be installed on the system user — the step people most often miss. The app does it for you.',
  'flowHome.step7.title': 'Choose its permissions',
  'flowHome.step7.meta': 'Select app and permissions',
  'flowHome.step7.body':
    'Only the permissions your chosen assets need. Tokens expire after 60 days by default, or never, where your business allows it.',
  'flowHome.step8.title': 'Keep the token safe',
  'flowHome.step8.meta': 'Copy and save your token',
  'flowHome.step8.body':
    'The token goes straight into your computer’s keychain. You can copy it (the clipboard clears itself) and find it again in the Token vault, even offline.',
} as const
