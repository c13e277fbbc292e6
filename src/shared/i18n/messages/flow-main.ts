/**
 * Messages main sends about the guided flow (names, plans, runs, the journal, saving the token).
 * Plain words and a next step for each; no message ever holds a token.
 */
export const flowMainMessages = {
  'flowMain.name.empty': 'Give the system user a name.',
  'flowMain.name.tooLong': 'Keep the name to 100 characters or fewer.',
  'flowMain.name.characters':
    'Use letters, numbers, spaces and simple punctuation ( . , : ; _ - \u2013 ( ) & \u2019 + / @ # ) in the name.',
  'flowMain.name.taken':
    'Your business already has a system user with this name. Choose another name, so the two can be told apart.',

  'flowMain.plan.kindNotPlanned':
    'This plan does not include that kind of asset ({kind}). Add it through Custom if it is really needed.',
  'flowMain.plan.taskNotPlanned':
    'The task {task} goes beyond what this plan needs for {kind}. You can narrow the access, not widen it.',
  'flowMain.plan.assetTwice': 'The same asset ({id}) was chosen twice.',
  'flowMain.plan.assetUnknown':
    'The asset {id} is not among your business’s assets any more. Refresh the list and choose again.',

  'flowMain.create.roleMismatch':
    'A system user named “{name}” already exists with a different role. Choose another name, or use that system user as it is.',

  'flowMain.run.notFound':
    'This setup could not be found. It may have been finished or discarded.',
  'flowMain.run.busy': 'This setup is already working. Wait for it to finish or cancel it first.',
  'flowMain.run.cancelled':
    'Stopped. Nothing was lost: continue when you are ready, and the app will check with Meta before doing anything again.',
  'flowMain.run.otherBusiness':
    'This setup belongs to {business}. Connect to that business to continue it.',

  'flowMain.journal.locked':
    'Another copy of the app is working on a setup right now. Close it, then try again.',
  'flowMain.journal.unreadable':
    'The saved progress of this setup could not be read. Check your system users in Business Settings before starting again.',
  'flowMain.journal.writeFailed':
    'The app could not save its progress to this computer, so it stopped before doing anything more. Check that the disk is not full, then continue.',

  'flowMain.save.failed':
    'Meta made the token, but this computer’s keychain would not keep it, so the app stopped and made nothing more. The token stays valid until {expiresAt} unless you revoke it.',
  'flowMain.save.failedHint':
    'Unlock or repair your keychain, then continue: the app will make a fresh token. To be safe, remove the unsaved one in Business Settings › System users › Revoke tokens.',
  'flowMain.save.vaultFailed':
    'The token is safe in your keychain, but the vault’s list could not be updated. Continue to try again.',

  'flowMain.discard.tokenKept':
    'This setup saved a token that the vault does not list yet, and the app cannot revoke it from here. Continue the setup to add the token to the vault, where you can revoke it, or connect with the app that made it.',
  'flowMain.discard.keychainUnreadable':
    'The keychain could not be read, so the app cannot tell whether this setup left a working token in it. The setup is kept: unlock your keychain, then continue or discard it again.',

  'flowMain.rename.notFound': 'This system user is no longer in your business.',
  'flowMain.overview.cannotDelete':
    'Meta does not let apps delete system users. You can remove one in Business Settings, or revoke its tokens so it can no longer be used.',
} as const
