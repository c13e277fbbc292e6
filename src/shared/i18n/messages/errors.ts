/** Plain-language explanations for every AppError code the foundation produces. */
export const errorMessages = {
  'errors.invalidInput': 'The app received a request it did not understand, so it did nothing.',
  'errors.forbiddenSender': 'A request came from outside the app window, so it was refused.',
  'errors.internal':
    'Something went wrong inside the app. Nothing was changed. Try again, and if it keeps happening, restart the app.',
  'errors.notFound': 'That item could not be found. It may have been removed.',
  'errors.storageFailed':
    'The app could not read or save its settings file. Check that your disk is not full, then try again.',
  'errors.keychainUnavailable':
    'No secure keychain is available on this computer, so the app will not store tokens. On Linux, install and unlock GNOME Keyring (or another Secret Service), then restart the app.',
  'errors.keychainLocked':
    'Your keychain is locked. Unlock it (for example by logging in again), then try again.',
  'errors.keychainFailed':
    'The keychain refused the request. Nothing was saved. Check that your keychain is unlocked and try again.',
  'errors.previewUnreachable':
    'The browser preview stopped answering. Check that it is still running in its terminal window, then reload this page.',
  'errors.previewLocked':
    'This preview answers only the browser that opened the address it printed when it started. Open that address from its terminal window (the one ending in #k=…), or restart the preview to get a new one.',
  'errors.linkNotAllowed':
    'For your safety the app only opens Meta’s own pages (business.facebook.com, developers.facebook.com and www.facebook.com).',
} as const
