/** Strings of one saved token's page in the vault: facts, reveal and copy, and its actions. */
export const vaultDetailMessages = {
  'vault.detail.back': 'Back to all tokens',
  'vault.detail.loading': 'Loading the token’s details…',
  'vault.detail.heading': '{name} — {business}',
  'vault.detail.id': '(ID {id})',
  'vault.detail.role': 'Role: {role}',
  'vault.detail.scopes': 'Permissions',
  'vault.detail.assets': 'Assets and tasks',
  'vault.detail.assetsUnknown': 'Not recorded for this token.',
  'vault.detail.none': 'None',
  'vault.detail.created': 'Saved',
  'vault.detail.neverExpires': 'Never expires',
  'vault.detail.lastCheck': 'Last check with Meta',
  'vault.detail.lastCheckAt': '{date}: {result}',
  'vault.detail.neverChecked': 'Not checked yet',
  'vault.detail.check.valid': 'working',
  'vault.detail.check.expired': 'expired',
  'vault.detail.check.revoked': 'revoked',
  'vault.detail.check.invalid': 'not accepted by Meta',
  'vault.detail.check.scopesChanged':
    'working, but its permissions have changed since it was saved',
  'vault.detail.check.wrongApp': 'made for a different app',
  'vault.detail.check.unknown': 'Meta could not be reached',
  'vault.detail.check.started':
    'Checking with Meta. You can keep working; the status updates when the answer arrives.',
  'vault.detail.refresh.done': 'Refreshed. The token now works for another 60 days.',
  'vault.detail.revoke.verified': 'Revoked. Meta confirms the token no longer works.',
  'vault.detail.revoke.unverified':
    'Revoked. Meta could not confirm it yet; check again in a few minutes.',
  'vault.detail.revokeAll.verified':
    'Done. Meta switched off every token of this system user, and confirms the ones saved here no longer work.',
  'vault.detail.revokeAll.unverified':
    'Done. Meta switched off every token of this system user, but could not confirm it for all the ones saved here yet; check again in a few minutes.',
  'vault.detail.revokeAll.noneSaved':
    'Done. Meta switched off every token of this system user. None of them were saved in this vault.',
  'vault.detail.remove.done': 'Removed from the vault.',
  'vault.detail.notes.label': 'Notes',
  'vault.detail.notes.hint':
    'For example, which server or program uses this token. Never paste a password or token here.',
  'vault.detail.notes.save': 'Save notes',
  'vault.detail.notes.saved': 'Notes saved.',

  'vault.secret.heading': 'The token',
  'vault.secret.intro':
    'Copy it straight into the software that needs it. Show it only if you must read it.',
  'vault.secret.maskedLabel': 'Hidden token ending in {fingerprint}',
  'vault.secret.revealedLabel': 'The token',
  'vault.secret.reveal': 'Show for 30 seconds',
  'vault.secret.hide': 'Hide now',
  'vault.secret.hidesIn': 'Hides in {seconds} s, or as soon as you switch to another window.',
  'vault.secret.captureVisible':
    'On this computer, screenshots and screen sharing can show this token. If you are sharing your screen, hide it now.',
  'vault.secret.copy': 'Copy',
  'vault.secret.copied': 'Copied — clears from the clipboard in {seconds} s.',

  'vault.admin.revealTitle': 'Show an admin token?',
  'vault.admin.copyTitle': 'Copy an admin token?',
  'vault.admin.body':
    'This token has admin access to the whole business: anyone who sees it can add people, change assets and create other tokens. Make sure nobody is looking at your screen.',
  'vault.admin.revealConfirm': 'Show it',
  'vault.admin.copyConfirm': 'Copy it',
  'vault.dialog.cancel': 'Cancel',

  'vault.actions.heading': 'What you can do',
  'vault.actions.check': 'Check now',
  'vault.actions.checkHelp': 'Asks Meta whether the token still works and what it may do.',
  'vault.actions.refresh': 'Refresh',
  'vault.actions.refreshHelp':
    'Gets a fresh 60-day token from Meta before this one expires. The software using it needs the new value.',
  'vault.actions.refreshNever':
    'This token never expires, so there is nothing to refresh — refreshing would turn it into one that expires in 60 days.',
  'vault.actions.rotate': 'Replace with a new token',
  'vault.actions.rotateHelp':
    'A guided swap: make a new token, put it into your software, then switch the old one off.',
  'vault.actions.revoke': 'Revoke',
  'vault.actions.revokeHelp': 'Switches the token off at Meta, for every program that uses it.',
  'vault.actions.remove': 'Remove from vault',
  'vault.actions.removeHelp':
    'Deletes this app’s copy. The token keeps working at Meta unless you revoke it first.',

  'vault.revoke.title': 'Revoke this token?',
  'vault.revoke.body':
    'Meta switches the token off at once. Every program that uses it stops working until you give it a new token.',
  'vault.revoke.after':
    'The app then asks Meta to confirm it no longer works. The record stays in the vault, marked Revoked.',
  'vault.revoke.confirm': 'Revoke the token',
  'vault.revoke.working': 'Revoking…',

  'vault.actions.revokeAll': 'Revoke all tokens of this system user',
  'vault.actions.revokeAllHelp':
    'Switches off every token this system user has — not only this one, and not only the ones saved here.',

  'vault.revokeAll.title': 'Revoke every token of {name}?',
  'vault.revokeAll.body':
    'Meta switches off EVERY token of this system user at once — this one, the others saved in this vault, and any made elsewhere that are not in this vault at all.',
  'vault.revokeAll.others':
    'Every program that uses any of them stops working, including software other people or companies run for you, until each gets a new token.',
  'vault.revokeAll.after':
    'The app then asks Meta to confirm the tokens saved here no longer work. The records stay in the vault, marked Revoked.',
  'vault.revokeAll.confirm': 'Revoke all tokens',
  'vault.revokeAll.working': 'Revoking all…',

  'vault.remove.title': 'Remove this token from the vault?',
  'vault.remove.body':
    'The app deletes its record and the copy in your keychain. You cannot show or copy it again afterwards.',
  'vault.remove.stillValid':
    'The token itself keeps working at Meta. If nobody should use it any more, revoke it first.',
  'vault.remove.confirm': 'Remove from vault',

  'vault.rotate.title': 'Replace with a new token',
  'vault.rotate.step1': 'Make a new token',
  'vault.rotate.step2': 'Put it into the software that uses this one',
  'vault.rotate.step3': 'Switch the old token off',
  'vault.rotate.stepDone': '(done)',
  'vault.rotate.introBody':
    'The new token has the same permissions and is saved in the vault at once. The old one keeps working until you have updated your software.',
  'vault.rotate.generate': 'Make the new token',
  'vault.rotate.generating': 'Making the new token…',
  'vault.rotate.generatedBody': 'The new token (ending in {fingerprint}) is saved in the vault.',
  'vault.rotate.generatedHint':
    'Copy it into the software that uses the old token, check that the software still works, then come back here.',
  'vault.rotate.copyNew': 'Copy the new token',
  'vault.rotate.later': 'I’ll finish later',
  'vault.rotate.updated': 'I’ve updated the software that uses it',
  'vault.rotate.doneVerified':
    'Done. The old token is switched off (Meta confirms it) and the new one is in use.',
  'vault.rotate.doneUnverified':
    'Done. The old token was revoked; Meta could not confirm it yet, so check it again later.',
  'vault.rotate.close': 'Close',

  'vault.health.running': 'Checking with Meta: {done} of {total} done. You can keep working.',
  'vault.health.finished': 'Check finished: {total} tokens checked.',
} as const
