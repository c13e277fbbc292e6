/**
 * Messages main sends about the guided flow (names, plans, runs, the journal, saving the token).
 * Plain words and a next step for each; no message ever holds a token.
 */
export const setupMainMessages = {
  'setupMain.name.empty': 'Give the system user a name.',
  'setupMain.name.tooLong': 'Keep the name to 100 characters or fewer.',
  'setupMain.name.characters':
    'Use letters, numbers, spaces and simple punctuation ( . , : ; _ - \u2013 ( ) & \u2019 + / @ # ) in the name.',
  'setupMain.name.taken':
    'Your business already has a system user with this name. Choose another name, so the two can be told apart.',

  'setupMain.plan.kindNotPlanned':
    'This plan does not include that kind of asset ({kind}). Add it through Custom if it is really needed.',
  'setupMain.plan.taskNotPlanned':
    'The task {task} goes beyond what this plan needs for {kind}. You can narrow the access, not widen it.',
  'setupMain.plan.assetTwice': 'The same asset ({id}) was chosen twice.',
  'setupMain.plan.assetUnknown':
    'The asset {id} is not among your business’s assets any more. Refresh the list and choose again.',

  'setupMain.create.roleMismatch':
    'A system user named “{name}” already exists with a different role. Choose another name, or use that system user as it is.',

  'setupMain.run.notFound':
    'This setup could not be found. It may have been finished or discarded.',
  'setupMain.run.busy': 'This setup is already working. Wait for it to finish or cancel it first.',
  'setupMain.run.cancelled':
    'Stopped. Nothing was lost: continue when you are ready, and the app will check with Meta before doing anything again.',
  'setupMain.run.otherBusiness':
    'This setup belongs to {business}. Connect to that business to continue it.',

  'setupMain.journal.locked':
    'Another copy of the app is working on a setup right now. Close it, then try again.',
  'setupMain.journal.unreadable':
    'The saved progress of this setup could not be read. Check your system users in Business Settings before starting again.',
  'setupMain.journal.writeFailed':
    'The app could not save its progress to this computer, so it stopped before doing anything more. Check that the disk is not full, then continue.',

  'setupMain.save.failed':
    'Meta made the token, but this computer’s keychain would not keep it, so the app stopped and made nothing more. The token stays valid until {expiresAt} unless you revoke it.',
  'setupMain.save.failedHint':
    'Unlock or repair your keychain, then continue: the app will make a fresh token. To be safe, remove the unsaved one in Business Settings › System users › Revoke tokens.',
  'setupMain.save.vaultFailed':
    'The token is safe in your keychain, but the vault’s list could not be updated. Continue to try again.',

  'setupMain.discard.tokenKept':
    'This setup saved a token that the vault does not list yet, and the app cannot revoke it from here. Continue the setup to add the token to the vault, where you can revoke it, or connect with the app that made it.',
  'setupMain.discard.keychainUnreadable':
    'The keychain could not be read, so the app cannot tell whether this setup left a working token in it. The setup is kept: unlock your keychain, then continue or discard it again.',

  'setupMain.rename.notFound': 'This system user is no longer in your business.',
  'setupMain.overview.cannotDelete':
    'Meta does not let apps delete system users. You can remove one in Business Settings, or revoke its tokens so it can no longer be used.',
} as const
