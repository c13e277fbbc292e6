/**
 * Plain-language texts for everything the Graph client can report (src/main/graph/errors.ts).
 * Written for an admin who has never seen an API: what happened, then (in `graph.hint.*`) what to
 * do next. Meta's own `message` is never shown (it can echo what was sent); an AppError may carry
 * `params.metaTitle` and `params.detail`, Meta's `error_user_title` and `error_user_msg` (written by
 * Meta for end users), already redacted; the error notice shows them as Meta's own words.
 */
export const graphMessages = {
  // The connection itself.
  'graph.network': 'The app could not reach Meta.',
  'graph.timeout': 'Meta took too long to answer, so the app stopped waiting.',
  'graph.cancelled': 'The request to Meta was cancelled.',
  'graph.unknownOutcome':
    'The connection to Meta was lost after the request was sent, so the app cannot tell whether Meta made the change.',
  'graph.malformedResponse': 'Meta sent an answer the app did not understand.',
  'graph.unexpectedStatus': 'Meta answered in an unexpected way (status {status}).',
  'graph.serverError': 'Meta is having a temporary problem (status {status}).',
  'graph.rateLimitedLocally':
    'Meta asked the app to slow down. The app can continue in about {minutes} minute(s).',
  'graph.linkRefused':
    'Meta pointed the app to another web address. The app did not follow it, to keep your token private.',
  'graph.refreshNeverExpiring':
    'This token never expires, so it does not need renewing. Renewing it would replace it with one that expires in 60 days.',
  'graph.requestRefused':
    'The app refused to send a request it considers unsafe. Nothing was sent.',

  // Meta's error codes (docs/graph-api.md §6.2).
  'graph.code.temporary': 'Meta had an unexpected problem that is probably temporary.',
  'graph.code.serviceDown': 'Meta’s service is temporarily unavailable.',
  'graph.code.methodNotAllowed': 'Your Meta app is not allowed to use this feature.',
  'graph.code.appRateLimit': 'Your Meta app made too many calls in a short time.',
  'graph.code.permissionDenied': 'Meta says the permission needed for this has not been granted.',
  'graph.code.actionNotAllowedNow': 'Meta does not allow this action right now.',
  'graph.code.userRateLimit': 'Too many calls were made with this account in a short time.',
  'graph.code.pageRateLimit': 'Too many calls were made to this Page in a short time.',
  'graph.code.invalidParameter': 'Meta did not accept one of the values the app sent.',
  'graph.code.objectNotFound':
    'Meta could not find that item, or the account used is not allowed to see it.',
  'graph.code.taskNotAccepted':
    'Meta did not accept the access level (task) the app asked for on this asset.',
  'graph.code.proofMissing':
    'Your Meta app requires a security signature made with the app secret, and none was sent.',
  'graph.code.proofInvalid':
    'The security signature did not match. The app secret probably belongs to a different app than the token.',
  'graph.code.sessionInvalid': 'Your session with Meta is no longer valid.',
  'graph.code.badClientSecret': 'Meta did not accept the app secret.',
  'graph.code.badSignature': 'Meta could not verify the request’s signature.',
  'graph.code.unknownUser': 'Meta does not know that user.',
  'graph.code.tokenInvalid': 'The token is no longer valid. It may have been revoked.',
  'graph.code.tokenExpired': 'The token has expired.',
  'graph.code.appNotInstalled': 'The Meta app is not installed for this account.',
  'graph.code.checkpoint':
    'Meta has paused this account until someone signs in at facebook.com and confirms it.',
  'graph.code.passwordChanged':
    'The token stopped working because the password was changed or the session was closed.',
  'graph.code.unconfirmedUser': 'This Facebook account has not been confirmed yet.',
  'graph.code.noPageRole': 'This account has no role on the Page, so the session is not valid.',
  'graph.code.noAccess':
    'The account used does not have permission for this, or the asset is not assigned to it.',
  'graph.code.appLimit': 'Your Meta app has reached one of Meta’s limits.',
  'graph.code.policyBlock': 'Meta has temporarily blocked this action for policy reasons.',
  'graph.code.twoFactorRequired':
    'Your business requires two-factor authentication before this can be done.',
  'graph.code.sessionKeyInvalid': 'Meta did not accept the session used for this request.',
  'graph.code.duplicate': 'Meta says this is a duplicate of something that already exists.',
  'graph.code.customRateLimit': 'Too many calls of this kind were made in a short time.',
  'graph.code.adAccountPermissions': 'Meta refused to change who has access to this ad account.',
  'graph.code.technicalIssue': 'Meta had an unexpected technical problem with this change.',
  'graph.code.invalidScope':
    'One of the permissions asked for is not valid for this app or system user.',
  'graph.code.deprecatedVersion':
    'The app called a version of Meta’s API that is no longer offered.',
  'graph.code.systemUserLimit':
    'Your business already has as many system users of this kind as your app’s access level allows.',
  'graph.code.adminSystemUserLimit': 'Your business already has its one admin system user.',
  'graph.code.appNotInstalledOnSystemUser':
    'The Meta app is not installed on this system user yet, so Meta cannot make a token for it.',
  'graph.code.appNotInBusiness': 'This Meta app does not belong to this business portfolio.',
  'graph.code.tokenMissing': 'Meta did not receive a token it could use for this request.',
  'graph.code.neverExpiringRefused':
    'Your business must use tokens that expire. Meta refused a token that never expires.',
  'graph.code.buc.adsInsights': 'Too many ad-report calls were made for this business.',
  'graph.code.buc.pages': 'Too many calls were made for this Page or business.',
  'graph.code.buc.instagram': 'Too many Instagram calls were made for this business.',
  'graph.code.buc.customAudience': 'Too many audience calls were made for this business.',
  'graph.code.buc.adsManagement': 'Too many ad-management calls were made for this ad account.',
  'graph.code.buc.leadGen': 'Too many lead-form calls were made for this business.',
  'graph.code.buc.messenger': 'Too many Messenger calls were made for this business.',
  'graph.code.buc.whatsapp': 'Too many WhatsApp calls were made for this business.',
  'graph.code.buc.catalog': 'Too many catalog calls were made for this business.',
  'graph.code.buc.other': 'Too many calls of one kind were made for this business.',
  'graph.code.unknown': 'Meta reported a problem (error {code}).',

  // Next steps.
  'graph.hint.checkConnection': 'Check your internet connection, then try again.',
  'graph.hint.tryAgain': 'Try again in a moment.',
  'graph.hint.tryLater': 'Wait a few minutes, then try again.',
  'graph.hint.reconcile':
    'The app will check what Meta has now before trying again, so nothing is created twice.',
  'graph.hint.waitForLimit':
    'Wait until Meta allows more calls; the app slows down by itself. Spreading work over the day helps.',
  'graph.hint.checkAppAccess':
    'In the Meta App Dashboard, check that your app has the access level this feature needs.',
  'graph.hint.checkPermissions':
    'Check that the token was generated with the permissions this step needs, and generate a new one if not.',
  'graph.hint.checkValues':
    'Check the values you entered. If they look right, contact support with the trace id.',
  'graph.hint.checkAssetId':
    'Check that the item still exists, that it belongs to this business, and that it is assigned to the account used.',
  'graph.hint.checkTasks':
    'Choose a different access level for this asset; the app can offer the ones Meta accepts.',
  'graph.hint.enterAppSecret':
    'Enter your app’s secret (App Dashboard › App settings › Basic) so the app can sign its requests.',
  'graph.hint.checkAppSecret':
    'Check that the app secret and the token come from the same app (App Dashboard › App settings › Basic).',
  'graph.hint.signInAgain': 'Sign in again to get a fresh token.',
  'graph.hint.generateNewToken': 'Generate a new token for this system user.',
  'graph.hint.installApp': 'Install (assign) the app on this system user first, then try again.',
  'graph.hint.openFacebook':
    'Sign in at www.facebook.com and follow the steps Meta shows, then try again.',
  'graph.hint.useAdminAccount':
    'Use an admin of the business portfolio (or the admin system user), and check the asset is assigned.',
  'graph.hint.reviewPolicy':
    'Wait a while, and check Meta Business Suite for any notice about your account.',
  'graph.hint.turnOnTwoFactor':
    'Turn on two-factor authentication for your Facebook account, sign in again, then try again.',
  'graph.hint.useExisting': 'Use the item that already exists instead of creating a new one.',
  'graph.hint.chooseScopes':
    'Choose only permissions from the list the app offers for this system user.',
  'graph.hint.updateApp': 'Update this app to the latest version.',
  'graph.hint.systemUserLimit':
    'Reuse an existing system user, or apply for a higher access level for your app in App Review.',
  'graph.hint.useExistingAdmin':
    'Use the existing admin system user, or create a regular (Employee) system user instead.',
  'graph.hint.useBusinessApp':
    'Choose an app that this business portfolio owns (Business Settings › Accounts › Apps).',
  'graph.hint.chooseExpiring':
    'Choose a token that expires after 60 days; the app reminds you to renew it.',
  'graph.hint.contactSupport':
    'If this keeps happening, contact Meta support and give them the trace id.',
} as const
