/**
 * What main says during Connect (src/main/connect): why a token or an app was refused, what the
 * preflight found, and what to do next. Written for an admin who has never seen an API; no text
 * quotes a token, a secret or Meta's own error message.
 */
export const connectMainMessages = {
  // Refusals before anything is stored.
  'connectMain.error.tokenEmpty': 'No token was pasted.',
  'connectMain.error.tokenOversized':
    'What was pasted is longer than any Meta token ({max} characters at most), so it is probably more than the token.',
  'connectMain.error.tokenWhitespace':
    'The token has a space or a line break in the middle, so it was probably copied in pieces.',
  'connectMain.error.tokenMalformed':
    'This does not look like a Meta token: it has characters a token never contains.',
  'connectMain.error.tokenIsAppToken':
    'This is an app access token (app id, a bar, then the app secret), not a person’s or a system user’s token.',
  'connectMain.error.appIdEmpty': 'Enter your app’s ID.',
  'connectMain.error.appIdMalformed': 'An app ID is a number of 5 to 20 digits, with nothing else.',
  'connectMain.error.appSecretEmpty': 'Enter your app’s secret.',
  'connectMain.error.appSecretMalformed':
    'An app secret is 32 characters, using only the digits 0–9 and the letters a–f.',
  'connectMain.error.appCredentialsWrong':
    'Meta did not accept this app ID and app secret together. One of them is mistyped, or they come from different apps.',
  'connectMain.error.desktopAppType':
    'Meta ignored the app’s own sign-in. That happens when the app’s type is “Native or desktop app”: Meta then refuses every call made with the app secret, including the token check.',
  'connectMain.error.tokenOtherApp':
    'This token was made for a different Meta app than the one you entered.',
  'connectMain.error.tokenExpired': 'This token has expired.',
  'connectMain.error.tokenRevoked':
    'This token no longer works: it was revoked, or the person logged out or changed their password.',
  'connectMain.error.tokenWrongType':
    'This is a {type} token. Connect needs a person’s token or an admin system user’s token.',
  'connectMain.error.missingScope':
    'This token does not have the “{scope}” permission, which every step of the setup needs.',
  'connectMain.error.noBusinesses': 'This account is not part of any business portfolio.',

  // Sign-in.
  'connectMain.error.signInUnavailable': 'Signing in with Facebook is not available here.',
  'connectMain.error.signInCancelled': 'Sign-in was cancelled. Nothing was saved.',
  'connectMain.error.signInTimedOut':
    'The sign-in window was open too long, so the app stopped waiting. Nothing was saved.',
  'connectMain.error.loginDenied':
    'You cancelled in the Facebook window, so the app was not connected. Nothing was saved.',
  'connectMain.error.loginFailed': 'Facebook did not complete the sign-in. Nothing was saved.',
  'connectMain.error.stateMismatch':
    'The answer from Facebook did not belong to this sign-in, so the app ignored it. Nothing was saved.',
  'connectMain.error.practiceUnavailable':
    'Practice mode could not start its simulated business on this computer.',

  // The connection.
  'connectMain.error.notConnected': 'No business is connected yet.',
  'connectMain.error.credentialsMissing':
    'The connection’s token is no longer in your keychain, so the app cannot use it.',
  'connectMain.error.disconnectFirst':
    'A real business is connected. Disconnect it first, so its credentials are not replaced by accident.',
  'connectMain.error.businessNotFound':
    'This business portfolio is not among the ones your account can reach any more.',
  'connectMain.error.noBusinessChosen': 'Choose a business portfolio first.',

  // Next steps.
  'connectMain.hint.pasteToken':
    'Paste a person’s token from Graph API Explorer, or an admin system user’s token.',
  'connectMain.hint.copyTokenOnly': 'Copy only the token itself, then paste it again.',
  'connectMain.hint.copyTokenAgain': 'Copy the token again in one piece, then paste it.',
  'connectMain.hint.findAppId':
    'You find it in the Meta App Dashboard, under App settings › Basic.',
  'connectMain.hint.findAppSecret':
    'In the Meta App Dashboard, open App settings › Basic and press “Show” next to App secret.',
  'connectMain.hint.appTypeWeb':
    'Use an app of another type (for example “Business”), or ask your developer which app to use.',
  'connectMain.hint.tokenForThisApp':
    'Make a token for this app: in Graph API Explorer, pick your app under “Meta App” first.',
  'connectMain.hint.newToken': 'Make a new token, or sign in with Facebook again.',
  'connectMain.hint.allowScope':
    'Make a new token and tick “business_management”, or sign in again and allow business management.',
  'connectMain.hint.joinBusiness':
    'Sign in with the account that manages your business portfolio, or ask its admin to add you.',
  'connectMain.hint.pasteInstead': 'Paste a token instead.',
  'connectMain.hint.signInAgain': 'Sign in again.',
  'connectMain.hint.disconnectFirst': 'Disconnect the real business, then connect again.',
  'connectMain.hint.chooseBusiness': 'Pick one of your business portfolios, then run the check.',

  // The preflight: one title per check, what was found, and what to do.
  'connectMain.preflight.app-owned.title': 'Your business owns this app',
  'connectMain.preflight.app-owned.pass': '“{appName}” belongs to {businessName}.',
  'connectMain.preflight.app-owned.fail':
    '“{appName}” does not belong to {businessName}. Meta only offers system users to a business that owns (or has claimed) a Meta app.',
  'connectMain.preflight.app-owned.fix':
    'In Business Settings › Accounts › Apps, add or claim your app for this business, then run the check again.',
  'connectMain.preflight.app-owned.fixCannotCheck':
    'Check in Business Settings › Accounts › Apps that the app belongs to this business.',
  'connectMain.preflight.app-tier.title': 'Your app’s access level',
  'connectMain.preflight.app-tier.limited-assumed':
    'Meta does not tell apps their access level, so the app assumes “Limited”, Meta’s default: {regularLimit} regular system user and {adminLimit} admin system user. If your app has Full access, you can have up to 10 regular system users.',
  'connectMain.preflight.app-tier.full-inferred':
    'Your business already has more regular system users than “Limited” allows, so your app has Full access: up to {regularLimit} regular system users and {adminLimit} admin system user.',
  'connectMain.preflight.app-tier.where':
    'Your app’s Marketing API access level is shown in the Meta App Dashboard.',
  'connectMain.preflight.system-user-quota.title': 'System users used and left',
  'connectMain.preflight.system-user-quota.pass':
    '{used} of {limit} regular system users in use; {left} left.',
  'connectMain.preflight.system-user-quota.full-limited':
    'All {limit} regular system user slot of the “Limited” access level is in use ({used} in use).',
  'connectMain.preflight.system-user-quota.full-full':
    'All {limit} regular system user slots are in use ({used} in use).',
  'connectMain.preflight.system-user-quota.fix-limited':
    'Reuse the system user you have, or apply for Full access in the Meta App Dashboard (App Review), which allows 10.',
  'connectMain.preflight.system-user-quota.fix-full':
    'Reuse one of your system users for this purpose. Meta does not allow more than 10.',
  'connectMain.preflight.system-user-quota.notAdmin':
    'Your account cannot see this business’s system users. Only people with full control of the business can add them.',
  'connectMain.preflight.system-user-quota.fixNotAdmin':
    'Ask an admin of the business for full control (Business Settings › Users › People).',
  'connectMain.preflight.system-user-quota.fixCannotCheck':
    'Check the business’s system users in Business Settings › Users › System users.',
  'connectMain.preflight.admin-system-user.title': 'Admin system user',
  'connectMain.preflight.admin-system-user.exists':
    'The business has its admin system user, “{name}”. Meta allows only one; keep its token for administration.',
  'connectMain.preflight.admin-system-user.none':
    'The business has no admin system user yet. Meta allows one, for managing access; the app can create it with you.',
  'connectMain.preflight.admin-system-user.unknown':
    'The app could not see whether the business has an admin system user.',
  'connectMain.preflight.admin-system-user.fixUnknown':
    'Look in Business Settings › Users › System users.',
  'connectMain.preflight.token-scopes.title': 'Your token’s permissions',
  'connectMain.preflight.token-scopes.pass': 'Your token has what the setup needs ({scopes}).',
  'connectMain.preflight.token-scopes.missing':
    'Your token does not have the “{scope}” permission, which every step of the setup needs.',
  'connectMain.preflight.token-scopes.notForBusiness':
    'Your token may manage some businesses, but not {businessName}: that business was not selected when the permission was granted.',
  'connectMain.preflight.token-scopes.fix':
    'Sign in again and allow business management, or make a new token with “{scope}”.',
  'connectMain.preflight.token-scopes.fixBusiness':
    'Sign in again and select {businessName} when Facebook asks which businesses the app may manage.',
  'connectMain.preflight.two-factor.title': 'Two-factor authentication',
  'connectMain.preflight.two-factor.pass':
    'This business does not require two-factor authentication, so it will not stop token generation.',
  'connectMain.preflight.two-factor.admins':
    'This business requires two-factor authentication for its admins. Meta refuses to make an admin system user’s token until you have passed it.',
  'connectMain.preflight.two-factor.everyone':
    'This business requires two-factor authentication for everyone. Meta refuses to make an admin system user’s token until you have passed it.',
  'connectMain.preflight.two-factor.unknown':
    'This business has a two-factor setting the app does not know ({value}); it may stop token generation.',
  'connectMain.preflight.two-factor.fix':
    'Turn on two-factor authentication for your own Facebook account, and check the business’s Security Center, then run the check again.',
  'connectMain.preflight.app-secret-required.title': '“Require App Secret” for your app',
  'connectMain.preflight.app-secret-required.on':
    'Your app requires the app secret on every call, so a stolen token alone is useless.',
  'connectMain.preflight.app-secret-required.off':
    'Your app does not require the app secret. Meta recommends it: a stolen token alone then cannot be used.',
  'connectMain.preflight.app-secret-required.unknown':
    'The app could not tell whether your app requires the app secret.',
  'connectMain.preflight.app-secret-required.fix':
    'In the Meta App Dashboard, open App settings › Advanced › Security and turn on “Require App Secret”.',

  // Why "Add a system user" is unavailable (one per red line).
  'connectMain.blocked.appNotOwned': 'Your business does not own this Meta app.',
  'connectMain.blocked.app-owned': 'The app could not check that your business owns this app.',
  'connectMain.blocked.quotaReached':
    'Every system user slot your app’s access level allows is in use.',
  'connectMain.blocked.notAdmin': 'Your account does not have full control of this business.',
  'connectMain.blocked.system-user-quota': 'The app could not count this business’s system users.',
  'connectMain.blocked.missingScope': 'Your token cannot manage this business.',
  'connectMain.blocked.twoFactor':
    'The business requires two-factor authentication before tokens can be made.',

  // The login window and the preview's callback page.
  'connectMain.loginWindow.title': 'Sign in with Facebook',
  'connectMain.callback.title': 'Sign-in',
  'connectMain.callback.done': 'You can close this window and go back to System User Assistant.',
  'connectMain.callback.unexpected':
    'System User Assistant was not waiting for this sign-in. You can close this window.',
} as const
