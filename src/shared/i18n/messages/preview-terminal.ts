/** What `npm run preview` prints to the terminal of the person who started it. */
export const previewMessages = {
  'preview.console.title': 'System User Assistant preview',
  'preview.console.open':
    'Open this address in your browser. The part after #k= is a key, new at every start: whoever has it can use this preview, so keep it to yourself.',
  'preview.console.reload':
    'Reloading the page keeps working. The address without #k=… does not: the preview answers only a browser that opened the address above.',
  'preview.console.practice':
    'Practice mode: a simulated business on this computer; nothing you do here touches a real one.',
  'preview.console.dataFolder': 'Data folder: {dataDir}. Press Ctrl+C to stop.',
  'preview.console.portInUse': 'Port {port} is in use; using a free port instead.',
} as const
