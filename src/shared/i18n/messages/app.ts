/** Strings of the app shell: navigation, headings, status. */
export const appMessages = {
  'app.name': 'System User Assistant',
} as const
