/**
 * Texts of every task the catalog knows (src/shared/catalog/tasks.ts): a short label, one plain
 * sentence, and for broad tasks a warning. Page tasks of both vocabularies share one namespace.
 */
export const catalogTaskMessages = {
  // Ad accounts
  'catalog.task.ad-account.MANAGE.label': 'Full control',
  'catalog.task.ad-account.MANAGE.explanation':
    'Lets it do everything in the ad account, including payment methods, settings and who has access.',
  'catalog.task.ad-account.MANAGE.warning':
    'Full control includes payments and who has access. Most software only needs to run ads or read reports.',
  'catalog.task.ad-account.ADVERTISE.label': 'Manage campaigns',
  'catalog.task.ad-account.ADVERTISE.explanation':
    'Lets it create, change and pause ads, which spends money from this ad account.',
  'catalog.task.ad-account.ANALYZE.label': 'View performance',
  'catalog.task.ad-account.ANALYZE.explanation':
    'Lets it read reports on how your ads are doing, without changing anything.',
  'catalog.task.ad-account.DRAFT.label': 'Creative Hub mockups',
  'catalog.task.ad-account.DRAFT.explanation':
    'Lets it make ad mockups in Creative Hub, which are never published.',
  'catalog.task.ad-account.AA_ANALYZE.label': 'Advanced analytics',
  'catalog.task.ad-account.AA_ANALYZE.explanation':
    'Lets it study this ad account’s results in Meta’s advanced analytics tools.',

  // Pages, classic names
  'catalog.task.page.MANAGE.label': 'Full control',
  'catalog.task.page.MANAGE.explanation':
    'Lets it do everything on the Page, including changing its settings and giving others access.',
  'catalog.task.page.MANAGE.warning':
    'Full control lets it change the Page’s settings and decide who else has access. Most software needs only one part, such as content or messages.',
  'catalog.task.page.CREATE_CONTENT.label': 'Content',
  'catalog.task.page.CREATE_CONTENT.explanation':
    'Lets it publish, edit and delete posts and stories as the Page.',
  'catalog.task.page.MODERATE.label': 'Community activity',
  'catalog.task.page.MODERATE.explanation':
    'Lets it read, answer, hide and delete comments on the Page.',
  'catalog.task.page.MESSAGING.label': 'Messages',
  'catalog.task.page.MESSAGING.explanation': 'Lets it read and answer the Page’s messages.',
  'catalog.task.page.ADVERTISE.label': 'Ads',
  'catalog.task.page.ADVERTISE.explanation': 'Lets it create ads that run in the Page’s name.',
  'catalog.task.page.ANALYZE.label': 'Insights',
  'catalog.task.page.ANALYZE.explanation': 'Lets it see how the Page and its posts perform.',
  'catalog.task.page.MODERATE_COMMUNITY.label': 'Moderate community',
  'catalog.task.page.MODERATE_COMMUNITY.explanation':
    'Lets it keep the Page’s community in order, for example by removing comments.',
  'catalog.task.page.MANAGE_JOBS.label': 'Job posts',
  'catalog.task.page.MANAGE_JOBS.explanation': 'Lets it post and manage job ads on the Page.',
  'catalog.task.page.PAGES_MESSAGING.label': 'Messenger conversations',
  'catalog.task.page.PAGES_MESSAGING.explanation':
    'Lets it take part in the Page’s Messenger conversations.',
  'catalog.task.page.PAGES_MESSAGING_SUBSCRIPTIONS.label': 'Message subscriptions',
  'catalog.task.page.PAGES_MESSAGING_SUBSCRIPTIONS.explanation':
    'Lets it send messages to people who signed up for updates from the Page.',
  'catalog.task.page.READ_PAGE_MAILBOXES.label': 'Read the inbox',
  'catalog.task.page.READ_PAGE_MAILBOXES.explanation':
    'Lets it read the Page’s inbox without answering.',
  'catalog.task.page.VIEW_MONETIZATION_INSIGHTS.label': 'Earnings insights',
  'catalog.task.page.VIEW_MONETIZATION_INSIGHTS.explanation':
    'Lets it see what the Page earns and where the money comes from.',
  'catalog.task.page.MANAGE_LEADS.label': 'Leads',
  'catalog.task.page.MANAGE_LEADS.explanation':
    'Lets it download the contact details people leave in the Page’s forms.',
  'catalog.task.page.CASHIER_ROLE.label': 'Payments',
  'catalog.task.page.CASHIER_ROLE.explanation': 'Lets it handle money matters for the Page.',
  'catalog.task.page.CASHIER_ROLE.warning':
    'This task deals with the Page’s money. Give it only to software that handles payments.',
  'catalog.task.page.GLOBAL_STRUCTURE_MANAGEMENT.label': 'Global Page structure',
  'catalog.task.page.GLOBAL_STRUCTURE_MANAGEMENT.explanation':
    'Lets it change how the Page is linked to its versions for other countries.',
  'catalog.task.page.GLOBAL_STRUCTURE_MANAGEMENT.warning':
    'This task can reorganise the Page and all its country versions. Hardly any software needs it.',

  // Pages, newer names (the shared ADVERTISE and ANALYZE are above)
  'catalog.task.page.FULL_CONTROL.label': 'Full control',
  'catalog.task.page.FULL_CONTROL.explanation':
    'Lets it do everything on the Page, including changing its settings and giving others access.',
  'catalog.task.page.FULL_CONTROL.warning':
    'Full control lets it change the Page’s settings and decide who else has access. Most software needs only one part, such as content or messages.',
  'catalog.task.page.CONTENT.label': 'Content',
  'catalog.task.page.CONTENT.explanation':
    'Lets it publish, edit and delete posts and stories as the Page.',
  'catalog.task.page.MESSAGES.label': 'Messages',
  'catalog.task.page.MESSAGES.explanation': 'Lets it read and answer the Page’s messages.',
  'catalog.task.page.COMMUNITY_ACTIVITY.label': 'Community activity',
  'catalog.task.page.COMMUNITY_ACTIVITY.explanation':
    'Lets it read, answer, hide and delete comments on the Page.',
  'catalog.task.page.IG_APP_ADMIN.label': 'Instagram admin',
  'catalog.task.page.IG_APP_ADMIN.explanation':
    'Gives it admin rights over the Instagram features linked to the Page.',
  'catalog.task.page.IG_APP_ADMIN.warning':
    'Admin rights over the linked Instagram features reach further than most software needs.',
  'catalog.task.page.IG_APP.label': 'Instagram features',
  'catalog.task.page.IG_APP.explanation': 'Lets it use the Instagram features linked to the Page.',
  'catalog.task.page.SPARK_INSIGHTS.label': 'Effect insights',
  'catalog.task.page.SPARK_INSIGHTS.explanation':
    'Lets it see how the Page’s camera effects perform.',
  'catalog.task.page.SPARK_PUBLISH.label': 'Publish effects',
  'catalog.task.page.SPARK_PUBLISH.explanation': 'Lets it publish camera effects for the Page.',
  'catalog.task.page.SPARK_EVERYTHING.label': 'All effect work',
  'catalog.task.page.SPARK_EVERYTHING.explanation':
    'Lets it do everything with the Page’s camera effects.',
  'catalog.task.page.SPARK_EVERYTHING.warning':
    'This gives full control over the Page’s camera effects. Choose it only if the software makes effects.',
  'catalog.task.page.CREATOR_MANAGEMENT.label': 'Creator partnerships',
  'catalog.task.page.CREATOR_MANAGEMENT.explanation':
    'Lets it manage the Page’s partnerships with creators.',
  'catalog.task.page.CREATIVE_MANAGEMENT.label': 'Creative files',
  'catalog.task.page.CREATIVE_MANAGEMENT.explanation':
    'Lets it manage the Page’s images and videos used for ads.',

  // Product catalogs
  'catalog.task.product-catalog.MANAGE.label': 'Manage catalog',
  'catalog.task.product-catalog.MANAGE.explanation':
    'Lets it add, change and delete products and change the catalog’s settings.',
  'catalog.task.product-catalog.MANAGE.warning':
    'Managing a catalog also lets it change the catalog’s settings and give others access to it. Assign only the catalogs the software looks after.',
  'catalog.task.product-catalog.ADVERTISE.label': 'Create ads',
  'catalog.task.product-catalog.ADVERTISE.explanation':
    'Lets it group products into sets for ads, without changing the products.',
  'catalog.task.product-catalog.MANAGE_AR.label': 'Try-on effects',
  'catalog.task.product-catalog.MANAGE_AR.explanation':
    'Lets it manage the camera effects that let shoppers try products on.',
  'catalog.task.product-catalog.AA_ANALYZE.label': 'Advanced analytics',
  'catalog.task.product-catalog.AA_ANALYZE.explanation':
    'Lets it study the catalog’s results in Meta’s advanced analytics tools.',

  // Instagram accounts
  'catalog.task.instagram-account.CONTENT.label': 'Content',
  'catalog.task.instagram-account.CONTENT.explanation':
    'Lets it publish and manage posts, stories and reels on the Instagram account.',
  'catalog.task.instagram-account.MESSAGES.label': 'Messages',
  'catalog.task.instagram-account.MESSAGES.explanation':
    'Lets it read and answer the Instagram account’s direct messages.',
  'catalog.task.instagram-account.COMMUNITY_ACTIVITY.label': 'Community activity',
  'catalog.task.instagram-account.COMMUNITY_ACTIVITY.explanation':
    'Lets it read, answer and hide comments on the Instagram account.',
  'catalog.task.instagram-account.ADVERTISE.label': 'Ads',
  'catalog.task.instagram-account.ADVERTISE.explanation':
    'Lets it run ads that use the Instagram account.',
  'catalog.task.instagram-account.ANALYZE.label': 'Insights',
  'catalog.task.instagram-account.ANALYZE.explanation':
    'Lets it see how the Instagram account and its posts perform.',

  // WhatsApp accounts
  'catalog.task.whatsapp-business-account.MANAGE.label': 'Full control',
  'catalog.task.whatsapp-business-account.MANAGE.explanation':
    'Lets it do everything with the WhatsApp account, including numbers, templates, billing and who has access.',
  'catalog.task.whatsapp-business-account.MANAGE.warning':
    'Full control includes billing and who has access. Software that only sends messages does not need it.',
  'catalog.task.whatsapp-business-account.DEVELOP.label': 'Developer access',
  'catalog.task.whatsapp-business-account.DEVELOP.explanation':
    'Lets it set up the technical connection, such as where incoming messages are delivered.',
  'catalog.task.whatsapp-business-account.MANAGE_TEMPLATES.label': 'Manage templates',
  'catalog.task.whatsapp-business-account.MANAGE_TEMPLATES.explanation':
    'Lets it create, change and delete message templates.',
  'catalog.task.whatsapp-business-account.MANAGE_PHONE.label': 'Manage phone numbers',
  'catalog.task.whatsapp-business-account.MANAGE_PHONE.explanation':
    'Lets it add, change and remove the account’s phone numbers.',
  'catalog.task.whatsapp-business-account.VIEW_COST.label': 'View costs',
  'catalog.task.whatsapp-business-account.VIEW_COST.explanation':
    'Lets it see what the account spends on messages.',
  'catalog.task.whatsapp-business-account.MANAGE_EXTENSIONS.label': 'Manage Flows',
  'catalog.task.whatsapp-business-account.MANAGE_EXTENSIONS.explanation':
    'Lets it build and change Flows, the forms people fill in inside a chat.',
  'catalog.task.whatsapp-business-account.VIEW_PHONE_ASSETS.label': 'View phone numbers',
  'catalog.task.whatsapp-business-account.VIEW_PHONE_ASSETS.explanation':
    'Lets it see the account’s phone numbers and their settings.',
  'catalog.task.whatsapp-business-account.MANAGE_PHONE_ASSETS.label': 'Manage number details',
  'catalog.task.whatsapp-business-account.MANAGE_PHONE_ASSETS.explanation':
    'Lets it change details of the phone numbers, such as the business profile shown in chats.',
  'catalog.task.whatsapp-business-account.VIEW_TEMPLATES.label': 'View templates',
  'catalog.task.whatsapp-business-account.VIEW_TEMPLATES.explanation':
    'Lets it see message templates without changing them.',
  'catalog.task.whatsapp-business-account.MESSAGING.label': 'Messaging',
  'catalog.task.whatsapp-business-account.MESSAGING.explanation':
    'Lets it send and receive messages from the account’s phone numbers.',

  // Pixels and datasets
  'catalog.task.pixel.ADVERTISE.label': 'Use in ads',
  'catalog.task.pixel.ADVERTISE.explanation':
    'Lets it connect ad accounts to the pixel and use its data for ads.',
  'catalog.task.pixel.ANALYZE.label': 'View and analyse',
  'catalog.task.pixel.ANALYZE.explanation':
    'Lets it see the events the pixel received and use them to measure ads.',
  'catalog.task.pixel.EDIT.label': 'Manage',
  'catalog.task.pixel.EDIT.explanation':
    'Lets it change the pixel’s settings, as well as view its data and use it in ads.',
  'catalog.task.pixel.EDIT.warning':
    'Managing a pixel lets it change how your website’s events are collected. Sending events needs only “Send events”.',
  'catalog.task.pixel.UPLOAD.label': 'Send events',
  'catalog.task.pixel.UPLOAD.explanation':
    'Lets it send events, such as purchases on your website, from your server to the pixel.',
  'catalog.task.pixel.AA_ANALYZE.label': 'Advanced analytics',
  'catalog.task.pixel.AA_ANALYZE.explanation':
    'Lets it study the pixel’s data in Meta’s advanced analytics tools.',
} as const
