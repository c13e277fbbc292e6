// Loaded into Electronegativity's process (NODE_OPTIONS=--require) by electronegativity.ts.
// Electronegativity 1.10.3 asks the network for updated translations through got 11 with a 1 s
// timeout and carries on when that fails, as it always does offline. On Node 22 and later, got's
// retry of that request then throws "The `onCancel` handler was attached after the promise
// settled." from a timer (a known got 11 bug: sindresorhus/got#1489), which ended the whole scan
// with an empty report. Only that error, thrown inside p-cancelable, is set aside; any other
// uncaught error still ends the process with its stack and exit code 1, as Node's default does.
'use strict'
const GOT_RETRY_BUG = 'The `onCancel` handler was attached after the promise settled.'
process.on('uncaughtException', (error) => {
  if (
    error instanceof Error &&
    error.message === GOT_RETRY_BUG &&
    /p-cancelable/.test(error.stack ?? '')
  ) {
    return
  }
  console.error(error)
  process.exit(1)
})
