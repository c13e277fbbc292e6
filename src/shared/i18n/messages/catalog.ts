/**
 * Texts of the least-privilege catalog (src/shared/catalog): kinds of asset, roles, goals,
 * warnings and errors. Task texts are in catalog-tasks.ts, permission texts in catalog-scopes.ts.
 * Written for an office manager: plain, short, second person, no unexplained jargon.
 */
export const catalogMessages = {
  // Kinds of asset
  'catalog.kind.page.name': 'Facebook Pages',
  'catalog.kind.page.description': 'Your business’s Facebook Pages.',
  'catalog.kind.ad-account.name': 'Ad accounts',
  'catalog.kind.ad-account.description': 'Where your ads are created and paid for.',
  'catalog.kind.product-catalog.name': 'Product catalogs',
  'catalog.kind.product-catalog.description':
    'Lists of the products you sell, used in your shop and your ads.',
  'catalog.kind.instagram-account.name': 'Instagram accounts',
  'catalog.kind.instagram-account.description': 'Your business’s Instagram professional accounts.',
  'catalog.kind.whatsapp-business-account.name': 'WhatsApp accounts',
  'catalog.kind.whatsapp-business-account.description':
    'Your WhatsApp Business accounts and their phone numbers.',
  'catalog.kind.pixel.name': 'Pixels and datasets',
  'catalog.kind.pixel.description':
    'Where events from your website or app, such as purchases, are collected to measure your ads.',
  'catalog.kind.app.name': 'Apps',
  'catalog.kind.app.description':
    'Apps your business owns. An app is installed on a system user rather than assigned to it.',

  // Roles
  'catalog.role.EMPLOYEE.label': 'Employee',
  'catalog.role.EMPLOYEE.explanation':
    'Reaches only the assets you assign to it. Meta recommends this role for everyday work.',
  'catalog.role.ADMIN.label': 'Admin',
  'catalog.role.ADMIN.explanation':
    'Can manage your business’s system users, assets and who has access to them.',
  'catalog.role.ADMIN.warning':
    'A business can have only one admin system user, and it reaches everything in your business portfolio. Use it only to manage access, never for everyday work.',

  // Page task names
  'catalog.pageVocabulary.sdk.label': 'Classic task names',
  'catalog.pageVocabulary.sdk.explanation':
    'The Page task names in Meta’s documentation, such as MANAGE and CREATE_CONTENT.',
  'catalog.pageVocabulary.live.label': 'Newer task names',
  'catalog.pageVocabulary.live.explanation':
    'The Page task names Meta has been seen to expect lately, such as FULL_CONTROL and CONTENT. Use them if Meta refuses the classic ones.',

  // Breadth badges
  'catalog.breadth.narrow.label': 'Limited',
  'catalog.breadth.broad.label': 'Broad',

  // Goals
  'catalog.goal.read-ad-reports.title': 'Read ad performance reports',
  'catalog.goal.read-ad-reports.description':
    'For reporting tools and dashboards that show how your ads are doing.',
  'catalog.goal.read-ad-reports.why':
    'It can only read results. It cannot change your ads or spend money.',
  'catalog.goal.read-ad-reports.suggestedName': 'Ad reports',

  'catalog.goal.run-ads.title': 'Run ads',
  'catalog.goal.run-ads.description':
    'For software that creates and changes ads for you, such as an ad-management tool.',
  'catalog.goal.run-ads.why':
    'It can create and change ads in the ad accounts you choose and read their results, but it cannot change payment details or who has access. Ads run in the name of a Page, so it may also advertise for the Pages you choose.',
  'catalog.goal.run-ads.suggestedName': 'Ads automation',

  'catalog.goal.publish-page-posts.title': 'Publish posts to Pages',
  'catalog.goal.publish-page-posts.description':
    'For scheduling and publishing tools that post on your Facebook Pages.',
  'catalog.goal.publish-page-posts.why':
    'It can create, edit and delete posts, but it cannot change Page settings, read messages or give anyone access. Meta also requires the “Manage business settings” permission for any system user that works with Pages.',
  'catalog.goal.publish-page-posts.suggestedName': 'Page publishing',

  'catalog.goal.answer-messages.title': 'Answer Page and Instagram messages',
  'catalog.goal.answer-messages.description':
    'For chat tools, help desks and chatbots that answer messages sent to your Page and Instagram account.',
  'catalog.goal.answer-messages.why':
    'It can read and answer messages and be told when new ones arrive. It cannot post, run ads or give anyone access.',
  'catalog.goal.answer-messages.suggestedName': 'Messages inbox',

  'catalog.goal.manage-catalog.title': 'Manage product catalog',
  'catalog.goal.manage-catalog.description':
    'For shop or stock software that keeps your products and prices up to date.',
  'catalog.goal.manage-catalog.why':
    'Changing products needs Meta’s “Manage catalog” access; there is no smaller option. It can then also change the catalog’s settings, so assign only the catalogs this software looks after.',
  'catalog.goal.manage-catalog.suggestedName': 'Catalog updates',

  'catalog.goal.send-server-events.title': 'Send server events (Conversions API)',
  'catalog.goal.send-server-events.description':
    'For your website or shop software to send events, such as purchases, straight from its server to your pixel.',
  'catalog.goal.send-server-events.why':
    'It can send events to the pixels you choose. It gets no access to your ads, Pages or money.',
  'catalog.goal.send-server-events.suggestedName': 'Conversions API',

  'catalog.goal.whatsapp-messaging.title': 'WhatsApp messaging',
  'catalog.goal.whatsapp-messaging.description':
    'For chat and notification tools that send and receive WhatsApp messages from your business numbers.',
  'catalog.goal.whatsapp-messaging.why':
    'It can send and receive messages. Meta also requires the WhatsApp management permission so the software can find your numbers and receive replies; it gets no control over who has access.',
  'catalog.goal.whatsapp-messaging.suggestedName': 'WhatsApp messaging',

  'catalog.goal.custom.title': 'Custom',
  'catalog.goal.custom.description':
    'Choose the assets, the access and the permissions yourself, for example when a software maker gave you a list.',
  'catalog.goal.custom.why':
    'Every choice is explained, and anything that reaches further than usual is marked so you can think twice.',
  'catalog.goal.custom.suggestedName': 'Custom access',

  // Plan warnings (broad tasks and permissions have their own texts)
  'catalog.warning.missingScope':
    'Something you chose needs the permission {scope}, which is not selected. Without it, that part will not work.',
  'catalog.warning.unneededScope':
    'Nothing you chose needs the permission {scope}. Leave it out unless the software’s maker asked for it.',
  'catalog.warning.noAssets':
    'No assets are chosen yet, so this system user would not be able to reach anything.',

  // Errors from checking a Custom choice
  'catalog.error.unknownRole':
    'That role does not exist for system users. Choose Employee or Admin.',
  'catalog.error.unknownKind': 'That kind of asset is not one the app can assign.',
  'catalog.error.appNotAssignable':
    'Apps are not assigned with tasks: the app is installed on the system user in a later step.',
  'catalog.error.noTasks': 'Choose at least one task for each kind of asset, or remove that kind.',
  'catalog.error.unknownTask':
    'The task {task} is not one Meta offers for this kind of asset with the chosen task names.',
  'catalog.error.unknownScope': '{scope} is not a permission Meta offers for system users.',
} as const
