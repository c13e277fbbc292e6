/**
 * Strings of the Connect screens: step 1 of Meta's flow ("Go to Settings"), done for the admin.
 * Where Meta's own words matter (App Dashboard › Settings › Basic, Business Settings), they are
 * quoted so the admin can find the same place on Meta's pages. Main's refusals live in
 * connect-main.ts; these are the words of the screens themselves.
 */
export const connectMessages = {
  'connect.start.intro':
    'First, connect to the business where the system user will live. New to this? Practise with {practiceName}, a pretend business — nothing real changes.',
  'connect.start.continue': 'Continue setting up',

  'connect.practiceFallback': 'the practice business',

  'connect.progress': 'Step {number} of {total}: {name}',
  'connect.progress.connect': 'Connect',
  'connect.leave': 'Back to the overview',

  'connect.where.heading': 'Where do you want to connect?',
  'connect.where.lead':
    'Start with practice if you are new to system users. You can switch to your real business whenever you are ready.',
  'connect.where.legend': 'Connect to',
  'connect.where.practice': 'Practice',
  'connect.where.practiceHint':
    'Rehearse with {practiceName}, a pretend business. Nothing real changes, and you need no Meta app.',
  'connect.where.real': 'My real business',
  'connect.where.realHint':
    'Work on your own Meta business portfolio. What you do here happens for real. You need your app’s ID and secret.',

  'connect.app.heading': 'Your app',
  'connect.app.lead':
    'Meta lets a business add system users only if it owns a Meta app. Enter that app’s ID and secret.',
  'connect.app.idLabel': 'App ID',
  'connect.app.secretLabel': 'App secret',
  'connect.app.show': 'Show',
  'connect.app.hide': 'Hide',
  'connect.app.secretName': 'app secret',
  'connect.app.secretKept':
    'The app keeps the secret only until Meta has checked it, then stores it in your keychain. If something goes wrong, type it again.',
  'connect.app.where': 'Where do I find this?',
  'connect.app.idWhere':
    'In Meta’s App Dashboard, open your app, then go to Settings › Basic. The App ID is the number at the top.',
  'connect.app.secretWhere':
    'On the same page (App Dashboard › Settings › Basic), the app secret is hidden. Press “Show” next to it and confirm your Facebook password to see it.',
  'connect.app.openDashboard': 'Open the App Dashboard',
  'connect.app.idRequired': 'Enter your app’s ID.',
  'connect.app.idDigits': 'An app ID is made of digits only, for example 123456789012345.',
  'connect.app.secretRequired': 'Enter your app secret.',
  'connect.app.secretShape':
    'An app secret is 32 characters long, made of the digits 0–9 and the letters a–f.',

  'connect.signIn.heading': 'Sign in',
  'connect.signIn.lead':
    'Sign in with the Facebook account that is an admin of your business portfolio.',
  'connect.signIn.leadPractice': 'In practice you sign in to a pretend Facebook inside this app.',
  'connect.signIn.button': 'Sign in with Facebook',
  'connect.signIn.window':
    'A separate Facebook window opens. Sign in there and approve the app; this window carries on by itself.',
  'connect.signIn.windowPractice':
    'A separate practice window opens that looks like Facebook’s. Approve the app there; this window carries on by itself.',
  'connect.signIn.waiting': 'Waiting for you to finish in the Facebook window…',
  'connect.signIn.waitingHint': 'Can’t see it? It may be behind this window.',
  'connect.signIn.cancel': 'Cancel sign-in',
  'connect.signIn.cancelling': 'Cancelling the sign-in…',
  'connect.signIn.cancelled': 'Sign-in cancelled. Nothing was saved.',

  'connect.paste.summary': 'Paste a token instead',
  'connect.paste.lead': 'If the sign-in window does not work for you, paste one of these:',
  'connect.paste.sourceExplorer':
    'a token for your own account from Graph API Explorer, with the business_management permission;',
  'connect.paste.sourceSystemUser': 'or the token of your business’s admin system user.',
  'connect.paste.openExplorer': 'Open Graph API Explorer',
  'connect.paste.label': 'Token',
  'connect.paste.hint':
    'Meta checks the token first. Then it is stored only in your keychain, and this box is emptied.',
  'connect.paste.button': 'Connect with this token',
  'connect.paste.checking': 'Checking the token with Meta…',
  'connect.paste.required': 'Paste a token first.',
  'connect.paste.spaces':
    'A token is one unbroken line, with no spaces. Copy it again and paste it whole.',
  'connect.paste.tooLong':
    'That is longer than any token Meta makes. Check that you copied only the token.',

  'connect.businesses.heading': 'Choose your business',
  'connect.businesses.lead':
    'These are the business portfolios your account can manage. The system user will be created in the one you choose.',
  'connect.businesses.legend': 'Business portfolios',
  'connect.businesses.id': 'ID {id}',
  'connect.businesses.remembered': 'Chosen last time',
  'connect.businesses.loading': 'Loading your business portfolios…',
  'connect.businesses.continue': 'Continue',
  'connect.businesses.choosing': 'Saving your choice…',
  'connect.businesses.chooseOne': 'Choose a business portfolio first.',
  'connect.businesses.emptyHeading': 'No business portfolios found',
  'connect.businesses.emptyBody':
    'To add system users, you must be an admin of a business portfolio. Create one in Meta Business Suite, or ask an admin of your business to give you full control. Then check again.',
  'connect.businesses.openBusinessSuite': 'Open Meta Business Suite',
  'connect.businesses.checkAgain': 'Check again',

  'connect.verification.verified': 'Verified',
  'connect.verification.notVerified': 'Not verified',
  'connect.verification.pending': 'Verification in progress',
  'connect.verification.failed': 'Verification not passed',
  'connect.verification.unknown': 'Verification status not known',

  'connect.preflight.heading': 'Is {businessName} ready for system users?',
  'connect.preflight.headingPending': 'Is your business ready for system users?',
  'connect.preflight.lead':
    'Meta sets a few conditions before a business can add system users. Here is how yours stands.',
  'connect.preflight.loading': 'Checking your business with Meta…',
  'connect.preflight.allReady': 'Everything is ready. You can add a system user.',
  'connect.preflight.readyWithNotes': 'Ready. Read the notes marked “Good to know”.',
  'connect.preflight.attention.one':
    'One thing needs your attention before you can add a system user.',
  'connect.preflight.attention.other':
    '{count} things need your attention before you can add a system user.',
  'connect.preflight.listLabel': 'Readiness checks',
  'connect.preflight.status.pass': 'Ready',
  'connect.preflight.status.fail': 'Needs attention',
  'connect.preflight.status.warn': 'Good to know',
  'connect.preflight.fixLabel': 'What to do:',
  'connect.preflight.openFix': 'Open the Meta page',
  'connect.preflight.checkedAt': 'Checked at {time}.',
  'connect.preflight.checkAgain': 'Check again',
  'connect.preflight.changeBusiness': 'Choose another business',
  'connect.preflight.add': 'Add a system user',
  'connect.preflight.blocked': 'You can’t add a system user yet:',

  'connect.summary.heading': 'Connected',
  'connect.summary.who': 'Signed in as',
  'connect.summary.app': 'App',
  'connect.summary.appNamed': '{name} (ID {id})',
  'connect.summary.appId': 'ID {id}',
  'connect.summary.where': 'Where',
  'connect.summary.practice': 'Practice — {practiceName}, a pretend business',
  'connect.summary.real': 'Your real business',
  'connect.summary.business': 'Business',
  'connect.summary.noBusiness': 'Not chosen yet',
  'connect.summary.token': 'Sign-in',
  'connect.summary.kindUser': 'Your own Facebook sign-in',
  'connect.summary.kindSystemUser': 'A system user’s token',
  'connect.summary.expiresNever': 'does not expire',
  'connect.summary.expired': 'expired on {date} — disconnect and sign in again',
  'connect.summary.expiresToday': 'expires within a day ({date})',
  'connect.summary.expiresTomorrow': 'expires tomorrow ({date})',
  'connect.summary.expiresInDays': 'expires in {days} days, on {date}',
  'connect.summary.kindAndExpiry': '{kind}, {expiry}',

  'connect.disconnect.button': 'Disconnect',
  'connect.disconnect.question': 'Disconnect from this business?',
  'connect.disconnect.explain':
    'The app removes your sign-in token and app secret from this computer’s keychain. Tokens saved in the Token vault stay where they are. You can connect again at any time.',
  'connect.disconnect.confirm': 'Yes, disconnect',
  'connect.disconnect.keep': 'Stay connected',
  'connect.disconnect.working': 'Disconnecting…',
  'connect.disconnect.done': 'Disconnected. Your sign-in was removed from the keychain.',
} as const
