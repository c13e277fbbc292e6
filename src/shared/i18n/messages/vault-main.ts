/**
 * Strings the vault's main-process parts produce: the encrypted backup's errors, expiry reminders,
 * lock reasons, clipboard notices and the audit log's labels.
 */
export const vaultMainMessages = {
  'vaultMain.backup.passwordTooShort':
    'Choose a password of at least {min} characters. A few ordinary words strung together are easy to remember and hard to guess.',
  'vaultMain.backup.passwordTooLong':
    'That password is longer than {max} characters. Choose a shorter one.',
  'vaultMain.backup.notABackup':
    'This file is not a vault backup made by this app. Check that you chose the right file.',
  'vaultMain.backup.unsupportedVersion':
    'This backup was made by a newer version of the app. Update the app, then restore the backup again.',
  'vaultMain.backup.damaged':
    'This backup file has been changed or damaged, so it cannot be restored. Your vault was not changed. Try another copy of the backup.',
  'vaultMain.restore.partial':
    'The keychain stopped answering part-way through the restore, and some records could not be undone: they are kept as the backup had them, token included. Unlock your keychain, then check the vault or restore the same backup again.',
  'vaultMain.backup.wrongPassword':
    'The password does not match this backup, or the file has been changed. Check the password (capital letters count) and try again. Your vault was not changed.',

  'vaultMain.expiry.reminder':
    'A saved token expires in {days} days. Refresh or replace it before then, so the software that uses it keeps working.',
  'vaultMain.expiry.reminderTomorrow':
    'A saved token expires within a day. Refresh or replace it now, so the software that uses it keeps working.',

  'vaultMain.clipboard.copied':
    'Copied. The clipboard empties itself in {seconds} seconds, unless you copy something else first.',

  'vaultMain.lock.reason.idle': 'The vault locked because the computer was not used for a while.',
  'vaultMain.lock.reason.lock-screen': 'The vault locked because the screen was locked.',
  'vaultMain.lock.reason.suspend': 'The vault locked because the computer went to sleep.',
  'vaultMain.lock.reason.manual': 'The vault is locked.',
  'vaultMain.lock.reason.hand-out-limit':
    'The vault locked because many tokens were shown or copied within a minute. Unlock it to go on. If that was not you, lock your computer and check the activity log.',
  'vaultMain.handOutLimit': 'Refused: too many tokens shown or copied within a minute',

  'vaultMain.locked':
    'The vault is locked. Choose "Unlock" to use your saved tokens again; your computer’s keychain may ask for your password.',
  'vaultMain.unlock.keychainUnavailable':
    'The vault stays locked because your computer’s keychain did not answer. Unlock the keychain (for example by logging in again), then try again.',
  'vaultMain.reveal.confirmAdmin':
    'This is an admin token: it can change everything in the business. Show or copy it only if you really need it, and never paste it into a chat or an email.',
  'vaultMain.secret.missing':
    'The keychain no longer holds this token, so it cannot be shown or used. Remove the entry, or generate a new token.',
  'vaultMain.clipboard.failed': 'The token could not be copied. Nothing was put on the clipboard.',
  'vaultMain.otherMode':
    'This token belongs to {mode} mode. Switch to that mode to check, refresh or revoke it.',
  'vaultMain.otherApp':
    'This token was made for another app than the one you are connected with, so the app cannot check, refresh or revoke it. Connect with that app first.',
  'vaultMain.notSystemUser':
    'Only tokens of a system user can be replaced this way. For this token, generate a new one in the guided setup.',
  'vaultMain.noRotationPending':
    'This token is not replacing another one, so there is nothing to confirm.',
  'vaultMain.rotation.oldGone':
    'The token this one replaces is no longer in the vault. Nothing else needs to be done.',

  'vaultMain.health.valid': 'Works. Meta confirmed this token on {date}.',
  'vaultMain.health.expired': 'Expired on {date}. Generate a new token to replace it.',
  'vaultMain.health.revoked':
    'Revoked: Meta no longer accepts this token. Remove it or replace it.',
  'vaultMain.health.invalid': 'Meta does not accept this token. Remove it or replace it.',
  'vaultMain.health.scopes-changed':
    'Works, but its permissions are not the ones recorded here. Check what the software needs, then generate a new token if needed.',
  'vaultMain.health.wrong-app':
    'This token belongs to another app than the one recorded, so it cannot be checked with this app.',
  'vaultMain.health.unknown': 'Could not be checked: Meta did not answer. Try again later.',

  'vaultMain.refresh.neverExpires':
    'This token never expires, so it does not need refreshing. Refreshing would replace it with one that expires in 60 days.',
  'vaultMain.refresh.expired':
    'This token has already expired, and Meta cannot refresh an expired token. Generate a new one instead.',

  'vaultMain.import.invalid':
    'Meta does not accept this token (it may have expired or been revoked), so it was not added.',
  'vaultMain.import.wrongApp':
    'This token belongs to another app than the one you are connected with, so it was not added.',
  'vaultMain.import.duplicate': 'This token is already in the vault.',
  'vaultMain.note.looksLikeSecret':
    'This note was not saved: it seems to contain a token or an app secret, and notes are stored without protection. Keep tokens in the vault; in the note, write only where the token is used.',

  'vaultMain.revoke.notVerified':
    'Meta accepted the request, but the token still seems to work. Check it again in a minute.',

  'vaultMain.inventory.header':
    'business,business id,system user,system user id,role,app,app id,scopes,assets,created,expires,last 4,last check,result,practice,notes',
  'vaultMain.audit.csvHeader':
    'line,time (UTC),action,what happened,outcome,result,record id,business id,system user id,detail',
  'vaultMain.notification.title': 'A token expires soon',

  'vaultMain.audit.entryRedacted':
    'Details of this entry were left out because they looked like a secret.',
  'vaultMain.audit.chain.ok': 'The activity log is complete: no entry was changed or removed.',
  'vaultMain.audit.chain.malformed':
    'Entry {line} of the activity log cannot be read. The log may have been edited or damaged.',
  'vaultMain.audit.chain.chain-broken':
    'The activity log was changed around entry {line}: an entry before it was edited, removed or added.',
  'vaultMain.audit.chain.truncated':
    'Entries at the end of the activity log were removed after entry {line}.',
  'vaultMain.audit.chain.anchor-truncated':
    'Entries are missing from the end of the activity log: the app had written {line}, and the file now holds fewer. Export the log now to keep what is left, and check who else can use this computer account or its backups. This notice stays, so the gap is not forgotten.',
  'vaultMain.audit.chain.anchor-rewritten':
    'The activity log was rewritten: it starts like the one the app wrote, but its first {line} entries are no longer all there as written. Export the log now to keep it as evidence, and check who else can use this computer account or its backups. This notice stays, so the change is not forgotten.',
  'vaultMain.audit.chain.anchor-replaced':
    'The activity log was replaced: it is not the log of the {line} entries this app wrote, though it may look complete. Export it now to keep it as evidence, and check who else can use this computer account or its backups. This notice stays, so the change is not forgotten.',
  'vaultMain.audit.chain.anchor-missing':
    'The keychain has no record of where this activity log ended, so the app cannot tell whether entries were removed before now. This happens after an update, on a new computer or after the keychain was reset. Nothing to do: the app checks the log from now on.',
  'vaultMain.audit.chain.anchor-unreadable':
    'The app could not check that the activity log is complete, because the keychain is locked or not answering. Unlock the keychain, then open this page again.',

  'vaultMain.audit.outcome.succeeded': 'Done',
  'vaultMain.audit.outcome.failed': 'Failed',
  'vaultMain.audit.outcome.cancelled': 'Cancelled',
  'vaultMain.audit.outcome.refused': 'Refused',

  'vaultMain.audit.action.connect': 'Connected to Meta',
  'vaultMain.audit.action.disconnect': 'Disconnected from Meta',
  'vaultMain.audit.action.system-user-created': 'Created a system user',
  'vaultMain.audit.action.assets-assigned': 'Gave a system user access to assets',
  'vaultMain.audit.action.app-installed': 'Added the app to a system user',
  'vaultMain.audit.action.token-generated': 'Generated a token',
  'vaultMain.audit.action.token-saved': 'Saved a token in the keychain',
  'vaultMain.audit.action.token-revealed': 'Showed a token',
  'vaultMain.audit.action.token-copied': 'Copied a token',
  'vaultMain.audit.action.token-refreshed': 'Refreshed a token',
  'vaultMain.audit.action.token-rotated': 'Replaced a token with a new one',
  'vaultMain.audit.action.token-revoked': 'Revoked a token',
  'vaultMain.audit.action.token-imported': 'Added an existing token',
  'vaultMain.audit.action.record-removed': 'Removed a token from the vault',
  'vaultMain.audit.action.health-checked': 'Checked a token with Meta',
  'vaultMain.audit.action.inventory-exported': 'Exported the token list (no secrets)',
  'vaultMain.audit.action.vault-exported': 'Made an encrypted backup',
  'vaultMain.audit.action.vault-imported': 'Restored an encrypted backup',
  'vaultMain.audit.action.vault-locked': 'Locked the vault',
  'vaultMain.audit.action.audit-exported': 'Exported the activity log',
  'vaultMain.audit.action.vault-preferences-changed': 'Changed the vault settings',
} as const
