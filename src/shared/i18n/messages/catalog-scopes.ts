/**
 * Texts of every permission (scope) a system-user token can carry (src/shared/catalog/scopes.ts):
 * a short label, one plain sentence, and for broad permissions a warning.
 */
export const catalogScopeMessages = {
  'catalog.scope.ads_management.label': 'Manage ads',
  'catalog.scope.ads_management.explanation':
    'Lets the token create, change and read ads in the ad accounts you assign.',
  'catalog.scope.ads_management.warning':
    'This permission can spend money: it can create and change ads in every ad account you assign. Assign only the accounts the software needs.',
  'catalog.scope.ads_read.label': 'Read ad reports',
  'catalog.scope.ads_read.explanation':
    'Lets the token read how your ads perform, and send website events through the Conversions API.',
  'catalog.scope.attribution_read.label': 'Read attribution reports',
  'catalog.scope.attribution_read.explanation':
    'Lets the token read reports on which ads led to sales.',
  'catalog.scope.business_management.label': 'Manage business settings',
  'catalog.scope.business_management.explanation':
    'Lets the token work with your business portfolio itself, within what the system user’s role allows. Meta requires it for any system user that works with Pages.',
  'catalog.scope.business_management.warning':
    'This permission reaches your business portfolio, not only the assets you assign. It is needed for work with Pages; otherwise leave it out, and keep this token especially safe.',
  'catalog.scope.catalog_management.label': 'Manage catalogs',
  'catalog.scope.catalog_management.explanation':
    'Lets the token create, change and delete products in the catalogs you assign.',
  'catalog.scope.catalog_management.warning':
    'This permission can change or delete every product in the catalogs you assign. Assign only the catalogs the software looks after.',
  'catalog.scope.commerce_account_manage_orders.label': 'Manage shop orders',
  'catalog.scope.commerce_account_manage_orders.explanation':
    'Lets the token update orders in your Meta shop, for example to mark them shipped or refunded.',
  'catalog.scope.commerce_account_read_orders.label': 'Read shop orders',
  'catalog.scope.commerce_account_read_orders.explanation':
    'Lets the token read the orders placed in your Meta shop.',
  'catalog.scope.commerce_account_read_settings.label': 'Read shop settings',
  'catalog.scope.commerce_account_read_settings.explanation':
    'Lets the token read your Meta shop’s settings.',
  'catalog.scope.instagram_basic.label': 'Read Instagram profile',
  'catalog.scope.instagram_basic.explanation':
    'Lets the token read the Instagram account’s profile and posts.',
  'catalog.scope.instagram_branded_content_ads_brand.label': 'Branded content ads',
  'catalog.scope.instagram_branded_content_ads_brand.explanation':
    'Lets the token run ads with posts that creators made together with your brand.',
  'catalog.scope.instagram_branded_content_brand.label': 'Branded content',
  'catalog.scope.instagram_branded_content_brand.explanation':
    'Lets the token find and manage posts that creators made together with your brand.',
  'catalog.scope.instagram_content_publish.label': 'Publish to Instagram',
  'catalog.scope.instagram_content_publish.explanation':
    'Lets the token publish photos and videos on the Instagram account.',
  'catalog.scope.instagram_manage_comments.label': 'Manage Instagram comments',
  'catalog.scope.instagram_manage_comments.explanation':
    'Lets the token read, answer, hide and delete comments on the Instagram account.',
  'catalog.scope.instagram_manage_insights.label': 'Read Instagram insights',
  'catalog.scope.instagram_manage_insights.explanation':
    'Lets the token see how the Instagram account and its posts perform.',
  'catalog.scope.instagram_manage_messages.label': 'Instagram messages',
  'catalog.scope.instagram_manage_messages.explanation':
    'Lets the token read and answer the Instagram account’s direct messages.',
  'catalog.scope.instagram_shopping_tag_products.label': 'Tag products on Instagram',
  'catalog.scope.instagram_shopping_tag_products.explanation':
    'Lets the token tag products from your catalog in Instagram posts.',
  'catalog.scope.leads_retrieval.label': 'Download leads',
  'catalog.scope.leads_retrieval.explanation':
    'Lets the token download the contact details people leave in your lead forms.',
  'catalog.scope.page_events.label': 'Send Page events',
  'catalog.scope.page_events.explanation':
    'Lets the token record, for the Page, what people do with your business, to measure ads.',
  'catalog.scope.pages_manage_ads.label': 'Page ads',
  'catalog.scope.pages_manage_ads.explanation': 'Lets the token manage ads connected to the Page.',
  'catalog.scope.pages_manage_cta.label': 'Page buttons',
  'catalog.scope.pages_manage_cta.explanation':
    'Lets the token add, change or remove the Page’s action button, such as “Book now”.',
  'catalog.scope.pages_manage_engagement.label': 'Manage Page comments',
  'catalog.scope.pages_manage_engagement.explanation':
    'Lets the token write, edit and delete comments on the Page.',
  'catalog.scope.pages_manage_instant_articles.label': 'Instant Articles',
  'catalog.scope.pages_manage_instant_articles.explanation':
    'Lets the token manage Instant Articles, fast-loading news articles, for the Page.',
  'catalog.scope.pages_manage_metadata.label': 'Page settings and alerts',
  'catalog.scope.pages_manage_metadata.explanation':
    'Lets the token change Page settings and be told at once about Page activity, such as new messages.',
  'catalog.scope.pages_manage_posts.label': 'Publish Page posts',
  'catalog.scope.pages_manage_posts.explanation':
    'Lets the token create, edit and delete the Page’s posts.',
  'catalog.scope.pages_messaging.label': 'Page messages',
  'catalog.scope.pages_messaging.explanation':
    'Lets the token read and answer the Page’s Messenger conversations.',
  'catalog.scope.pages_read_engagement.label': 'Read Page content',
  'catalog.scope.pages_read_engagement.explanation':
    'Lets the token read the Page’s posts, followers and basic details.',
  'catalog.scope.pages_read_user_content.label': 'Read visitors’ posts',
  'catalog.scope.pages_read_user_content.explanation':
    'Lets the token read what other people post, comment and rate on the Page.',
  'catalog.scope.pages_show_list.label': 'See which Pages',
  'catalog.scope.pages_show_list.explanation':
    'Lets the token see the list of Pages it can work with.',
  'catalog.scope.private_computation_access.label': 'Private measurement',
  'catalog.scope.private_computation_access.explanation':
    'Lets the token use Meta’s privacy-safe measurement, which compares your data with Meta’s without either side seeing the other’s.',
  'catalog.scope.publish_video.label': 'Publish live video',
  'catalog.scope.publish_video.explanation': 'Lets the token broadcast live video on the Page.',
  'catalog.scope.read_audience_network_insights.label': 'Audience Network reports',
  'catalog.scope.read_audience_network_insights.explanation':
    'Lets the token read earnings reports for Meta ads shown in your own apps.',
  'catalog.scope.read_insights.label': 'Read insights',
  'catalog.scope.read_insights.explanation':
    'Lets the token read performance figures for your Pages, apps and websites.',
  'catalog.scope.read_page_mailboxes.label': 'Read Page inbox',
  'catalog.scope.read_page_mailboxes.explanation': 'Lets the token read the Page’s inbox.',
  'catalog.scope.whatsapp_business_management.label': 'Manage WhatsApp accounts',
  'catalog.scope.whatsapp_business_management.explanation':
    'Lets the token see and change your WhatsApp accounts’ phone numbers, templates and settings.',
  'catalog.scope.whatsapp_business_management.warning':
    'This permission can change the phone numbers, templates and settings of every WhatsApp account you assign. Meta also needs it for receiving messages, so keep this token safe.',
  'catalog.scope.whatsapp_business_messaging.label': 'Send WhatsApp messages',
  'catalog.scope.whatsapp_business_messaging.explanation':
    'Lets the token send and receive WhatsApp messages.',
} as const
