/**
 * Strings of the guided flow's screens (steps 2–8 of Meta's "Add system users"). Written for an
 * office manager: plain, short, second person, and always saying what will happen BEFORE it does.
 */
export const flowMessages = {
  'flow.title': 'Add a system user',
  'flow.stepper.label': 'Where you are in Meta’s eight steps',
  'flow.stepper.done': 'Done',
  'flow.stepper.current': 'You are here',
  'flow.stepper.todo': 'Still to do',
  'flow.stepper.number': 'Step {number}',
  'flow.back': 'Back',
  'flow.continue': 'Continue',
  'flow.leave': 'Leave and see your system users',
  'flow.problems.title': 'Please check this step',
  'flow.warnings.heading': 'Worth a second look',

  'flow.overview.heading': 'Your system users',
  'flow.overview.lead':
    'The system users {business} already has, what each can reach, and which of their tokens are in your vault.',
  'flow.overview.loading': 'Loading your system users…',
  'flow.overview.failedTitle': 'Your system users could not be loaded',
  'flow.overview.quota.heading': 'How many you can add',
  'flow.overview.quota.regular':
    'Regular (Employee) system users: {used} used, {left} left of {limit}.',
  'flow.overview.quota.regularUnknown':
    'Regular (Employee) system users: {used} used. Your app’s access tier decides the limit (1 or 10).',
  'flow.overview.quota.admin': 'Admin system user: {used} of {limit} used.',
  'flow.overview.quota.full':
    'Your business has used all its regular system users. Meta will refuse a new one until your app reaches a higher access tier.',
  'flow.overview.search.label': 'Search your system users',
  'flow.overview.search.hint': 'By name, role or asset.',
  'flow.overview.count': 'Showing {shown} of {total} system users.',
  'flow.overview.empty': 'This business has no system users yet.',
  'flow.overview.noMatch': 'No system user matches “{query}”.',
  'flow.overview.role': 'Role: {role}',
  'flow.overview.assets.heading': 'Assets',
  'flow.overview.assets.none': 'No assets assigned.',
  'flow.overview.assets.kind': '{kind}: {names}',
  'flow.overview.assets.unreadable': '{kind}: Meta did not say.',
  'flow.overview.apps': 'Installed apps: {apps}',
  'flow.overview.apps.none': 'No app installed yet.',
  'flow.overview.vault': 'Tokens in your vault: {count}',
  'flow.overview.vault.none': 'No token in your vault.',
  'flow.overview.rename': 'Rename {name}',
  'flow.overview.rename.label': 'New name',
  'flow.overview.rename.save': 'Save the name',
  'flow.overview.rename.cancel': 'Cancel',
  'flow.overview.rename.failedTitle': 'The name could not be changed',
  'flow.overview.delete.title': 'Removing a system user',
  'flow.overview.delete.body':
    'Meta has no API to delete a system user, so this app cannot do it for you. You can remove one yourself in Business Settings.',
  'flow.overview.delete.link': 'Open Business Settings in your browser',
  'flow.overview.add': 'Add a system user',

  'flow.resume.heading': 'Finish what you started?',
  'flow.resume.lead':
    'The app stopped before it finished these. Continuing is safe: it first checks with Meta what is already done, so nothing is created twice.',
  'flow.resume.run': '“{name}” ({role}), started {date}',
  'flow.resume.continue': 'Continue setting up “{name}”',
  'flow.resume.later': 'Not now',

  'flow.goal.heading': 'What is this system user for?',
  'flow.goal.lead':
    'Pick one purpose. Meta recommends one system user for each kind of access, so a leaked token can do little. The app proposes the least access that works.',
  'flow.goal.assets': 'Access to: {kinds}',
  'flow.goal.scopes': 'Permissions: {scopes}',
  'flow.goal.customGets': 'You choose the access below.',
  'flow.goal.broad': 'Includes broad access',
  'flow.goal.problem.choose': 'Choose what the system user is for.',
  'flow.goal.problem.customEmpty':
    'Choose at least one kind of access for your custom system user.',
  'flow.custom.heading': 'Choose the access yourself',
  'flow.custom.lead':
    'Tick only what your software needs. Each choice says what it allows; broad ones are marked.',
  'flow.custom.vocabulary': 'Page task names',

  'flow.name.heading': 'Name it and choose its role',
  'flow.name.lead':
    'The name is how you will recognise it in Business Settings and in your vault. If a system user with this name already exists, the app uses it instead of creating a second one.',
  'flow.name.label': 'Name',
  'flow.name.hint': 'Up to 100 characters: letters, numbers, spaces and simple punctuation.',
  'flow.name.problem.empty': 'Enter a name.',
  'flow.name.problem.tooLong': 'Use at most 100 characters.',
  'flow.name.problem.characters':
    'Use letters, numbers, spaces and simple punctuation only (. , : ; _ - ( ) & ’ + / @ #).',
  'flow.name.problem.taken':
    'Your business already has a system user with this name. Choose another.',
  'flow.role.legend': 'Role',
  'flow.role.recommended': 'Recommended',
  'flow.role.adminConfirm':
    'I understand: my business can have only one admin system user, and it reaches everything.',
  'flow.role.adminTaken':
    'Your business already has its admin system user, so Admin cannot be chosen.',
  'flow.role.problem.adminTaken':
    'Your business already has its admin system user. Choose Employee.',
  'flow.role.problem.confirmAdmin':
    'Tick the box to confirm you want an admin system user, or choose Employee.',

  'flow.assets.heading': 'Choose what it may use',
  'flow.assets.lead':
    'Pick the assets the software works with. Each gets the access your goal needs; untick any it does not need.',
  'flow.assets.search.label': 'Search {kind}',
  'flow.assets.range': 'Showing {from}–{to} of {matched}.',
  'flow.assets.rangeFiltered': 'Showing {from}–{to} of {matched} matches ({total} in all).',
  'flow.assets.loading': 'Loading…',
  'flow.assets.failedTitle': 'This list could not be loaded',
  'flow.assets.none': 'Your business has none of these.',
  'flow.assets.noMatch': 'Nothing matches “{query}”.',
  'flow.assets.previous': 'Previous page',
  'flow.assets.next': 'Next page',
  'flow.assets.shared': 'Shared with your business',
  'flow.assets.tasks': 'What it may do with {name}',
  'flow.assets.summary.heading': 'What will be granted',
  'flow.assets.summary.line': '{kind}: {count} chosen',
  'flow.assets.summary.tasks': '{name}: {tasks}',
  'flow.assets.summary.empty': 'Nothing chosen yet.',
  'flow.assets.problem.none': 'Choose at least one asset, or the system user would reach nothing.',
  'flow.assets.problem.noTasks':
    'Each chosen asset needs at least one kind of access. Untick the asset instead.',

  'flow.app.heading': 'Install your app on it',
  'flow.app.lead':
    'This is the step people most often miss. A system user cannot sign in, so Meta only makes a token for an app that is installed on it.',
  'flow.app.why':
    'Without it, the token is missing permissions, or your app does not appear at all when the token is made.',
  'flow.app.which': 'App to install: {app}',
  'flow.app.auto':
    'You do not need to do anything here: the app installs it when you start, after checking whether it is already installed.',

  'flow.token.heading': 'Choose its permissions and expiry',
  'flow.token.app': 'The token will be for the app {app}.',
  'flow.token.scopes.legend': 'Permissions',
  'flow.token.scopes.lead':
    'Pre-filled with what your chosen access needs. Each says what it allows.',
  'flow.token.scopes.more': 'Other permissions',
  'flow.token.problem.noScopes':
    'Choose at least one permission; a token without any can do nothing.',
  'flow.token.expiry.legend': 'When should the token stop working?',
  'flow.token.expiry.60': 'After 60 days (recommended)',
  'flow.token.expiry.60.explanation':
    'Meta recommends expiring tokens: a leaked one stops working on its own. The vault reminds you before it expires.',
  'flow.token.expiry.never': 'Never',
  'flow.token.expiry.never.explanation':
    'It works until someone revokes it, so a leaked one stays useful. Some businesses must use expiring tokens: if yours must, Meta refuses and the app stops before any token is made, so you can choose 60 days.',

  'flow.review.heading': 'Check what will happen',
  'flow.review.lead': 'Nothing has happened yet. When you press “Create it now”, the app will:',
  'flow.review.create':
    'Create the system user “{name}” ({role}), or use the one with that name if it already exists',
  'flow.review.assign': 'Give it {tasks} access to {count} of your {kind}',
  'flow.review.install': 'Install the app {app} on it',
  'flow.review.generate60': 'Generate a token that expires after 60 days, with {scopes}',
  'flow.review.generateNever': 'Generate a token that never expires, with {scopes}',
  'flow.review.save': 'Save the token in your computer’s keychain and list it in your Token vault',
  'flow.review.practice': 'This is the practice business: nothing changes at Meta.',
  'flow.review.start': 'Create it now',
  'flow.review.starting': 'Starting…',
  'flow.review.failedTitle': 'The setup could not start',

  'flow.run.heading': 'Setting up “{name}”',
  'flow.run.lead':
    'You can cancel at any time. The app stops safely after the request it is making, and you can continue later.',
  'flow.run.action.find-or-create': 'Create the system user (or find the one with this name)',
  'flow.run.action.assign': 'Give it access to the assets',
  'flow.run.action.verify-assignments': 'Check what Meta actually granted',
  'flow.run.action.install-app': 'Install the app on it',
  'flow.run.action.generate-token': 'Generate the token',
  'flow.run.action.save-token': 'Save the token in your keychain',
  'flow.run.state.planned': 'Waiting',
  'flow.run.state.in-flight': 'Working…',
  'flow.run.state.done': 'Done',
  'flow.run.state.failed': 'Stopped',
  'flow.run.count': '{done} of {total}',
  'flow.run.live': '{step}: {state}',
  'flow.run.cancel': 'Cancel',
  'flow.run.cancelling': 'Cancelling safely…',
  'flow.run.cancelFailedTitle': 'The setup could not be cancelled',
  'flow.run.stoppedUnknown': 'The setup stopped before it finished.',

  'flow.stopped.heading.cancelled': 'Setup paused',
  'flow.stopped.heading.failed': 'Setup stopped',
  'flow.stopped.cancelled':
    'You cancelled. What was already done is kept, and nothing is done twice when you continue.',
  'flow.stopped.failedTitle': 'What went wrong',
  'flow.stopped.retry': 'Try again from where it stopped',
  'flow.stopped.discard': 'Forget this setup',
  'flow.stopped.discardHint':
    'Forgetting does not undo anything at Meta: a system user already created stays in Business Settings.',
  'flow.stopped.needsAttention':
    'The token could not be saved on this computer, so nothing more will happen. Fix the keychain problem, then set up a new token.',
  'flow.stopped.orphan':
    'Meta made a token on {date}, but it could not be kept. It works until {expires}: revoke it in Business Settings › System users › Revoke tokens.',
  'flow.stopped.orphanNever':
    'Meta made a token on {date}, but it could not be kept, and it never expires: revoke it now in Business Settings › System users › Revoke tokens.',
  'flow.stopped.discardFailedTitle': 'The setup could not be forgotten',

  'flow.done.heading': 'Saved in your vault',
  'flow.done.lead':
    'The token for “{name}” is in your computer’s keychain. It is not shown here: copy it below, or later from the Token vault, when your software needs it.',
  'flow.done.fingerprintTerm': 'Last 4 characters of the token',
  'flow.done.fingerprint': 'Ends in: {fingerprint}',
  'flow.done.expires': 'Expires: {date}',
  'flow.done.never': 'Never expires',
  'flow.done.adopted':
    'A system user with this name already existed, so the app used it instead of creating a second one.',
  'flow.done.granted.heading': 'What Meta granted',
  'flow.done.granted.same': 'Meta granted exactly what was asked for.',
  'flow.done.granted.missing': '“{asset}” ({kind}): Meta did not grant {tasks}.',
  'flow.done.granted.extra': '“{asset}” ({kind}): Meta also granted {tasks}.',
  'flow.done.granted.extraBroad':
    'That includes broad access ({tasks}); check it in Business Settings if the software does not need it.',
  'flow.done.copy': 'Copy the token',
  'flow.done.copied':
    'Copied. Paste it where your software needs it: the clipboard clears itself in {seconds} seconds.',
  'flow.done.useVault': 'Copy this token from the Token vault, which asks you to confirm first.',
  'flow.done.copyFailedTitle': 'The token could not be copied',
  'flow.done.vault': 'Open the Token vault',
  'flow.done.print': 'Print or save this summary',
  'flow.done.another': 'Add another system user',
  'flow.done.overview': 'Back to your system users',
} as const
